// Names for ARIA roles that need one and that the other name rules do not cover (buttons,
// links, form fields, menu items, images and frames have theirs). Twin rules, one per role
// family, so each maps to its axe-core rule and has its own words for an editor:
//
//   meter-name        meter (<meter>, role=meter)            requirement, 1.1.1
//   progressbar-name  progressbar (<progress>, role=...)     requirement, 1.1.1
//   tab-name          tab                                    requirement, 4.1.2
//   tooltip-name      tooltip                                requirement, 4.1.2
//   treeitem-name     treeitem                               requirement, 4.1.2
//   dialog-name       dialog, alertdialog (<dialog>)         best practice
//
// WAI-ARIA 1.2 requires a name for meter, progressbar, tooltip, treeitem, dialog and
// alertdialog; a tab has no "name required" in ARIA but is a control like a button, and a
// tab without a name is a control without a name (4.1.2). A meter or progress bar without a
// name is a graphic whose meaning is missing (1.1.1, as axe-core maps them). A dialog without
// a name still has its content read out; only its title is missing, so it is a warning.
// Applies to elements with the role in the accessibility tree (a closed <dialog> is not
// rendered); the decision is checks/common/name_rule.h's.
#include "checks/common/name_rule.h"
#include "engine/registry.h"

namespace granska::checks {
namespace {

using namespace engine;

// ---- meter ----
const Message kMeterHas{"has-name", {"Mätaren har namnet \"{0}\" (från {1}).", "The meter has the name \"{0}\" (from {1})."}};
const Message kMeterNo{"no-name", {"Mätaren saknar namn, så skärmläsare säger bara ett värde utan att säga vad det "
                                   "mäter.",
                                   "The meter has no name, so screen readers say only a value without saying what "
                                   "it measures."}};
const Message kMeterMaybe{"maybe-hidden", {"Mätaren saknar namn, men kan vara dold med CSS som granska inte kunde "
                                           "utvärdera. Kontrollera om den syns.",
                                           "The meter has no name, but may be hidden by CSS that granska could not "
                                           "evaluate. Check whether it is visible."}};
const RuleInfo kMeterInfo{
    .id = "meter-name",
    .title = {"Mätare har ett namn", "Meters have a name"},
    .description = {"Kontrollerar att mätare (<meter> eller role=\"meter\"), till exempel hur full en kurs är, "
                    "har ett namn som säger vad de visar.",
                    "Checks that meters (<meter> or role=\"meter\"), such as how full a course is, have a name "
                    "that says what they show."},
    .help = {"Koppla en <label> till mätaren eller ge den aria-label, till exempel "
             "<label for=\"platser\">Lediga platser</label> <meter id=\"platser\" …>.",
             "Connect a <label> to the meter or give it an aria-label, for example "
             "<label for=\"seats\">Free seats</label> <meter id=\"seats\" …>."},
    .criteria = {sc("1.1.1")},
    .axe_rules = {"aria-meter-name"},
    .impact = Impact::Serious,
    .messages = {&kMeterHas, &kMeterNo, &kMeterMaybe},
};

// ---- progressbar ----
const Message kProgressHas{"has-name", {"Förloppsindikatorn har namnet \"{0}\" (från {1}).",
                                        "The progress bar has the name \"{0}\" (from {1})."}};
const Message kProgressNo{"no-name", {"Förloppsindikatorn saknar namn, så skärmläsare säger bara hur långt det "
                                      "kommit, inte vad.",
                                      "The progress bar has no name, so screen readers say only how far it has "
                                      "come, not what."}};
const Message kProgressMaybe{"maybe-hidden", {"Förloppsindikatorn saknar namn, men kan vara dold med CSS som "
                                              "granska inte kunde utvärdera. Kontrollera om den syns.",
                                              "The progress bar has no name, but may be hidden by CSS that granska "
                                              "could not evaluate. Check whether it is visible."}};
const RuleInfo kProgressInfo{
    .id = "progressbar-name",
    .title = {"Förloppsindikatorer har ett namn", "Progress bars have a name"},
    .description = {"Kontrollerar att förloppsindikatorer (<progress> eller role=\"progressbar\"), till exempel "
                    "\"Steg 2 av 4\" i ett formulär eller en uppladdning, har ett namn som säger vad som pågår.",
                    "Checks that progress bars (<progress> or role=\"progressbar\"), such as \"Step 2 of 4\" in "
                    "a form or an upload, have a name that says what is in progress."},
    .help = {"Koppla en <label> till förloppsindikatorn eller ge den aria-label, till exempel "
             "aria-label=\"Uppladdning av bilaga\".",
             "Connect a <label> to the progress bar or give it an aria-label, for example "
             "aria-label=\"Uploading attachment\"."},
    .criteria = {sc("1.1.1")},
    .axe_rules = {"aria-progressbar-name"},
    .impact = Impact::Serious,
    .messages = {&kProgressHas, &kProgressNo, &kProgressMaybe},
};

// ---- tab ----
const Message kTabHas{"has-name", {"Fliken har namnet \"{0}\" (från {1}).", "The tab has the name \"{0}\" (from {1})."}};
const Message kTabNo{"no-name", {"Fliken saknar text, så skärmläsare kan inte säga vilken flik det är.",
                                 "The tab has no text, so screen readers cannot say which tab it is."}};
const Message kTabMaybe{"maybe-hidden", {"Fliken saknar text, men kan vara dold med CSS som granska inte kunde "
                                         "utvärdera. Kontrollera om den syns.",
                                         "The tab has no text, but may be hidden by CSS that granska could not "
                                         "evaluate. Check whether it is visible."}};
const RuleInfo kTabInfo{
    .id = "tab-name",
    .title = {"Flikar har en text", "Tabs have a text"},
    .description = {"Kontrollerar att flikar (role=\"tab\") har en text eller ett namn, så att skärmläsare kan "
                    "säga vilken flik som är vald och vilka som finns.",
                    "Checks that tabs (role=\"tab\") have a text or a name, so screen readers can say which tab "
                    "is selected and which there are."},
    .help = {"Skriv flikens text i fliken, eller ge ikonflikar aria-label, till exempel aria-label=\"Karta\".",
             "Write the tab's text in the tab, or give icon tabs an aria-label, for example aria-label=\"Map\"."},
    .criteria = {sc("4.1.2")},
    .impact = Impact::Serious,
    .messages = {&kTabHas, &kTabNo, &kTabMaybe},
};

// ---- tooltip ----
const Message kTipHas{"has-name", {"Verktygstipset har namnet \"{0}\" (från {1}).",
                                   "The tooltip has the name \"{0}\" (from {1})."}};
const Message kTipNo{"no-name", {"Verktygstipset är tomt, så skärmläsare har inget att läsa upp.",
                                 "The tooltip is empty, so screen readers have nothing to read out."}};
const Message kTipMaybe{"maybe-hidden", {"Verktygstipset är tomt, men kan vara dolt med CSS som granska inte "
                                         "kunde utvärdera. Kontrollera om det syns.",
                                         "The tooltip is empty, but may be hidden by CSS that granska could not "
                                         "evaluate. Check whether it is visible."}};
const RuleInfo kTipInfo{
    .id = "tooltip-name",
    .title = {"Verktygstips har en text", "Tooltips have a text"},
    .description = {"Kontrollerar att verktygstips (role=\"tooltip\") har en text som skärmläsare kan läsa upp.",
                    "Checks that tooltips (role=\"tooltip\") have a text that screen readers can read out."},
    .help = {"Skriv tipsets text i elementet med role=\"tooltip\", eller ge det aria-label.",
             "Write the tip's text in the element with role=\"tooltip\", or give it an aria-label."},
    .criteria = {sc("4.1.2")},
    .axe_rules = {"aria-tooltip-name"},
    .impact = Impact::Serious,
    .messages = {&kTipHas, &kTipNo, &kTipMaybe},
};

// ---- treeitem ----
const Message kTreeHas{"has-name", {"Trädnoden har namnet \"{0}\" (från {1}).",
                                    "The tree item has the name \"{0}\" (from {1})."}};
const Message kTreeNo{"no-name", {"Trädnoden saknar text, så skärmläsare kan inte säga vad den är.",
                                  "The tree item has no text, so screen readers cannot say what it is."}};
const Message kTreeMaybe{"maybe-hidden", {"Trädnoden saknar text, men kan vara dold med CSS som granska inte kunde "
                                          "utvärdera. Kontrollera om den syns.",
                                          "The tree item has no text, but may be hidden by CSS that granska could "
                                          "not evaluate. Check whether it is visible."}};
const RuleInfo kTreeInfo{
    .id = "treeitem-name",
    .title = {"Trädnoder har en text", "Tree items have a text"},
    .description = {"Kontrollerar att noderna i ett träd (role=\"treeitem\"), till exempel en utfällbar meny "
                    "eller mappstruktur, har en text som skärmläsare kan läsa upp.",
                    "Checks that the items of a tree (role=\"treeitem\"), such as an expandable menu or a "
                    "folder structure, have a text that screen readers can read out."},
    .help = {"Skriv nodens text i elementet med role=\"treeitem\", eller ge det aria-label.",
             "Write the item's text in the element with role=\"treeitem\", or give it an aria-label."},
    .criteria = {sc("4.1.2")},
    .axe_rules = {"aria-treeitem-name"},
    .impact = Impact::Serious,
    .messages = {&kTreeHas, &kTreeNo, &kTreeMaybe},
};

// ---- dialog ----
const Message kDialogHas{"has-name", {"Dialogrutan har namnet \"{0}\" (från {1}).",
                                      "The dialog has the name \"{0}\" (from {1})."}};
const Message kDialogNo{"no-name", {"Dialogrutan saknar namn, så skärmläsare säger bara \"dialog\" när den "
                                    "öppnas.",
                                    "The dialog has no name, so screen readers say only \"dialog\" when it "
                                    "opens."}};
const Message kDialogMaybe{"maybe-hidden", {"Dialogrutan saknar namn, men kan vara dold med CSS som granska inte "
                                            "kunde utvärdera. Kontrollera om den syns.",
                                            "The dialog has no name, but may be hidden by CSS that granska could "
                                            "not evaluate. Check whether it is visible."}};
const RuleInfo kDialogInfo{
    .id = "dialog-name",
    .title = {"Dialogrutor har ett namn", "Dialogs have a name"},
    .description = {"Kontrollerar att dialogrutor (<dialog>, role=\"dialog\" eller role=\"alertdialog\") har ett "
                    "namn, oftast sin rubrik, som skärmläsare läser upp när dialogen öppnas.",
                    "Checks that dialogs (<dialog>, role=\"dialog\" or role=\"alertdialog\") have a name, usually "
                    "their heading, which screen readers read out when the dialog opens."},
    .help = {"Ge dialogrutan aria-labelledby som pekar på dess rubrik, till exempel <div role=\"dialog\" "
             "aria-labelledby=\"rubrik\"> med <h2 id=\"rubrik\">Bekräfta bokningen</h2>.",
             "Give the dialog an aria-labelledby that points to its heading, for example <div role=\"dialog\" "
             "aria-labelledby=\"title\"> with <h2 id=\"title\">Confirm the booking</h2>."},
    .criteria = {sc("4.1.2")},
    .axe_rules = {"aria-dialog-name"},
    .impact = Impact::Moderate,
    .kind = RuleKind::BestPractice,
    .messages = {&kDialogHas, &kDialogNo, &kDialogMaybe},
};

void evaluate_roles(Context& ctx, Reporter& out, std::initializer_list<std::string_view> roles, const NameMessages& m) {
  for (const html::Node* e : ctx.doc.elements()) {
    std::string_view role = ctx.aria.role(*e);
    if (role.empty()) continue;
    for (std::string_view r : roles) {
      if (role == r) {
        report_accessible_name(ctx, out, *e, m);
        break;
      }
    }
  }
}

void meter(Context& ctx, Reporter& out) { evaluate_roles(ctx, out, {"meter"}, {kMeterHas, kMeterNo, kMeterMaybe}); }
void progressbar(Context& ctx, Reporter& out) {
  evaluate_roles(ctx, out, {"progressbar"}, {kProgressHas, kProgressNo, kProgressMaybe});
}
void tab(Context& ctx, Reporter& out) { evaluate_roles(ctx, out, {"tab"}, {kTabHas, kTabNo, kTabMaybe}); }
void tooltip(Context& ctx, Reporter& out) { evaluate_roles(ctx, out, {"tooltip"}, {kTipHas, kTipNo, kTipMaybe}); }
void treeitem(Context& ctx, Reporter& out) {
  evaluate_roles(ctx, out, {"treeitem"}, {kTreeHas, kTreeNo, kTreeMaybe});
}
void dialog(Context& ctx, Reporter& out) {
  evaluate_roles(ctx, out, {"dialog", "alertdialog"}, {kDialogHas, kDialogNo, kDialogMaybe});
}

const RuleRegistration kMeter(kMeterInfo, meter);
const RuleRegistration kProgress(kProgressInfo, progressbar);
const RuleRegistration kTab(kTabInfo, tab);
const RuleRegistration kTip(kTipInfo, tooltip);
const RuleRegistration kTree(kTreeInfo, treeitem);
const RuleRegistration kDialog(kDialogInfo, dialog);

}  // namespace
}  // namespace granska::checks
