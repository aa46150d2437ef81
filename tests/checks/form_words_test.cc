// The shared word table for required-field markers: Swedish capitals fold, and the
// form-wide instruction needs both "all fields" and a required word.
#include <gtest/gtest.h>

#include "checks/common/form_words.h"

namespace granska::checks::words {
namespace {

TEST(FormWords, FoldsSwedishCapitals) {
  EXPECT_EQ(fold_case("MÅSTE FYLLAS I"), "måste fyllas i");
  EXPECT_EQ(fold_case("Ärende Öppet"), "ärende öppet");
}

TEST(FormWords, RecognisesRequiredMarkers) {
  EXPECT_TRUE(mentions_required("Namn *"));
  EXPECT_TRUE(mentions_required("Personnummer (Obligatoriskt)"));
  EXPECT_TRUE(mentions_required("MÅSTE anges"));
  EXPECT_TRUE(mentions_required("E-mail (required)"));
  EXPECT_TRUE(mentions_required("Uppgiften krävs för att vi ska kunna svara"));
  EXPECT_FALSE(mentions_required("Fastighetsbeteckning"));
  EXPECT_FALSE(mentions_required(""));
}

TEST(FormWords, FormWideInstruction) {
  EXPECT_TRUE(mentions_all_fields_required("Alla fält måste fyllas i."));
  EXPECT_TRUE(mentions_all_fields_required("All fields are required"));
  EXPECT_FALSE(mentions_all_fields_required("Fält markerade med * måste fyllas i."));
  EXPECT_FALSE(mentions_all_fields_required("Alla fält är frivilliga."));
}

}  // namespace
}  // namespace granska::checks::words
