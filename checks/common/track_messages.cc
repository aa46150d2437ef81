#include "checks/common/track_messages.h"

namespace granska::checks {

const Message kTrackHttpError{
    "track-http-error",
    {"Textspåret {0} kan inte hämtas: servern svarar med HTTP-status {1}.",
     "The text track {0} cannot be loaded: the server answers with HTTP status {1}."}};
const Message kTrackNotLoaded{"track-not-loaded",
                                      {"Textspåret {0} kan inte hämtas: {1}", "The text track {0} cannot be loaded: {1}"}};
const Message kTrackWrongType{
    "track-wrong-type",
    {"Textspåret {0} skickas som \"{1}\", inte som text/vtt, så webbläsare kan vägra visa det.",
     "The text track {0} is sent as \"{1}\", not as text/vtt, so browsers may refuse to show it."}};
const Message kTrackNotWebVtt{"track-not-webvtt",
                                      {"Textspåret {0} är inte en giltig WebVTT-fil: {1}",
                                       "The text track {0} is not a valid WebVTT file: {1}"}};
const Message kTrackNoCues{"track-no-cues",
                                   {"Textspåret {0} innehåller ingen text (inga repliker).",
                                    "The text track {0} contains no text (no cues)."}};
const Message kTrackOutOfOrder{
    "track-out-of-order",
    {"Repliker i textspåret {0} ligger i fel tidsordning ({1}).", "Cues in the text track {0} are out of time order ({1})."}};

}  // namespace granska::checks
