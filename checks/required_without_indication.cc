// required-without-indication: a required form field whose label says nothing about it being
// required (granska's own rule, no ACT rule; WCAG 3.3.2 as reference).
//
// Applies to fields in the accessibility tree that are required: the native required
// attribute on input/select/textarea (where it takes effect: not disabled, not a button type)
// or aria-required="true" on a field role. Passes when the text a visitor can see or hear
// for the field mentions it: the label's text (including an aria-hidden "*"), the
// accessible name and description, the placeholder, the legend/name of an enclosing group,
// or a form-wide "Alla fält måste fyllas i", or text in a wrapper around the field and its
// label that holds no other field. The words are in checks/common/form_words.h.
//
// Kind: BestPractice. Both required and aria-required="true" are exposed to assistive
// technology, so screen-reader users already hear "obligatorisk"/"required": for them there
// is no failure. The gap is for sighted visitors, who see nothing until they submit. A
// visual marker can also come from CSS (label::after { content: "*" }) or from text
// elsewhere that granska cannot tie to the field, so a static check cannot prove a 3.3.2
// failure; it can only point at fields worth a look. A class name that hints at a CSS
// marker ("required", "obligatorisk", "mandatory") gives cantTell.
#include "checks/common/form_words.h"
#include "engine/registry.h"
#include "util/text.h"

namespace granska::checks {
namespace {

using namespace engine;

const Message kIndicated{"indicated", {"Det framgår att fältet är obligatoriskt: \"{0}\".",
                                       "It is clear that the field is required: \"{0}\"."}};
const Message kFormInstruction{"form-instruction",
                               {"Formuläret säger att alla fält måste fyllas i.",
                                "The form says that all fields must be filled in."}};
const Message kNotIndicated{
    "not-indicated",
    {"Fältet \"{0}\" är obligatoriskt, men etiketten visar inte det. Den som ser skärmen får veta det först "
     "när formuläret skickas. Skriv \"(obligatoriskt)\" i etiketten.",
     "The field \"{0}\" is required, but its label does not show it. People who see the screen only find out "
     "when they send the form. Write \"(required)\" in the label."}};
const Message kMaybeCss{"maybe-css-marker",
                        {"Fältet \"{0}\" är obligatoriskt. Etiketten säger inget om det, men en klass tyder på att "
                         "en markering som * läggs till med CSS. Kontrollera att den syns.",
                         "The field \"{0}\" is required. Its label does not say so, but a class suggests "
                         "that a marker such as * is added with CSS. Check that it is visible."}};

const Message kMaybeHidden{"maybe-hidden",
                           {"Fältet \"{0}\" är obligatoriskt och etiketten säger inget om det, men fältet kan vara "
                            "dolt med CSS som granska inte kunde utvärdera. Kontrollera om det syns.",
                            "The field \"{0}\" is required and its label does not say so, but the field may "
                            "be hidden by CSS that granska could not evaluate. Check whether it is visible."}};

const RuleInfo kInfo{
    .id = "required-without-indication",
    .title = {"Obligatoriska fält är markerade", "Required fields are marked"},
    .description = {"Varnar för fält som måste fyllas i (required eller aria-required) där etiketten inte "
                    "visar det, till exempel med \"*\" eller \"(obligatoriskt)\". Skärmläsare säger att fältet "
                    "är obligatoriskt, men den som ser skärmen märker det först när formuläret inte går att "
                    "skicka.",
                    "Warns about fields that must be filled in (required or aria-required) whose label does not "
                    "show it, for example with \"*\" or \"(required)\". Screen readers announce the field as "
                    "required, but people who see the screen only notice when the form cannot be sent."},
    .help = {"Skriv \"(obligatoriskt)\" i etiketten, till exempel <label for=\"fastighet\">Fastighetsbeteckning "
             "(obligatoriskt)</label>. Använder ni \"*\": förklara det överst i formuläret med \"Fält markerade "
             "med * måste fyllas i\".",
             "Write \"(required)\" in the label, for example <label for=\"property\">Property designation "
             "(required)</label>. If you use \"*\", explain it at the top of the form with \"Fields marked with "
             "* are required\"."},
    .criteria = {sc("3.3.2")},
    .impact = Impact::Moderate,
    .kind = RuleKind::BestPractice,
    .messages = {&kIndicated, &kFormInstruction, &kNotIndicated, &kMaybeCss, &kMaybeHidden},
};

bool is_field_role(std::string_view role) {
  for (std::string_view r : {"checkbox", "combobox", "listbox", "radio", "radiogroup", "searchbox", "spinbutton",
                             "textbox", "switch", "tree", "grid", "gridcell"}) {
    if (role == r) return true;
  }
  return false;
}

// Whether `e` is a required field per HTML (constraint validation applies) or ARIA.
bool is_required(Context& ctx, const html::Node& e) {
  if (e.is("input") || e.is("select") || e.is("textarea")) {
    if (e.has_attr("required") && !e.has_attr("disabled")) {
      if (!e.is("input")) return true;
      std::string type = text::ascii_lower(text::trim(e.attr("type").value_or("text")));
      for (std::string_view no : {"hidden", "submit", "reset", "button", "image", "range", "color"}) {
        if (type == no) return false;
      }
      return true;
    }
  }
  auto aria_required = e.attr("aria-required");
  return aria_required && text::iequals(text::trim(*aria_required), "true") && is_field_role(ctx.aria.role(e));
}

bool class_hints_required(const html::Node* e) {
  if (!e) return false;
  auto cls = e->attr("class");
  if (!cls) return false;
  std::string folded = words::fold_case(*cls);
  for (std::string_view hint : {"requir", "mandator", "obligator", "obl"}) {
    if (folded.find(hint) != std::string::npos) return true;
  }
  return false;
}

// The page's <label> elements in tree order, found once: labels_of is asked per field,
// and walking the whole page each time grew with fields × elements.
struct PageLabels {
  std::vector<const html::Node*> all;
};

// The <label> elements of a labelable field: label[for=id] and an ancestor label.
std::vector<const html::Node*> labels_of(Context& ctx, const html::Node& e) {
  const PageLabels& labels = ctx.aria.page_fact<PageLabels>([&] {
    PageLabels found;
    for (const html::Node* l : ctx.doc.elements()) {
      if (l->is("label")) found.all.push_back(l);
    }
    return found;
  });
  std::vector<const html::Node*> out;
  auto id = e.attr("id");
  for (const html::Node* l : labels.all) {
    auto f = l->attr("for");
    if ((f && id && !id->empty() && *f == *id) || (!f && l->contains(e))) out.push_back(l);
  }
  return out;
}

// How many form fields (other than type=hidden) `e` contains.
int fields_in(const html::Node& e) {
  int n = 0;
  for (const html::Node* d : e.descendant_elements()) {
    if (d->is("select") || d->is("textarea")) ++n;
    if (d->is("input") && !text::iequals(text::trim(d->attr("type").value_or("")), "hidden")) ++n;
  }
  return n;
}

// Every piece of text that can tell a visitor the field is required.
std::vector<std::string> texts_for(Context& ctx, const html::Node& e) {
  std::vector<std::string> texts;
  texts.push_back(ctx.aria.name(e).text);
  texts.push_back(ctx.aria.description(e).text);
  for (const html::Node* l : labels_of(ctx, e)) texts.push_back(l->text_content());
  if (auto p = e.attr("placeholder")) texts.emplace_back(*p);
  if (auto ids = e.attr("aria-labelledby")) {
    std::string_view rest = *ids;
    while (!rest.empty()) {
      std::size_t sp = 0;
      while (sp < rest.size() && !text::is_html_space(rest[sp])) ++sp;
      if (const html::Node* t = ctx.doc.element_by_id(rest.substr(0, sp))) texts.push_back(t->text_content());
      rest = text::trim(rest.substr(sp));
    }
  }
  // Text next to the field in a wrapper that holds no other field, such as
  // <div><label for=namn>Namn</label><span class="stjarna">*</span><input id=namn required></div>:
  // a marker placed beside the label rather than in it is still seen with the field.
  for (const html::Node* a = e.parent_element(); a && !a->is("form") && fields_in(*a) == 1; a = a->parent_element()) {
    texts.push_back(a->text_content());
  }
  // The legend or name of the enclosing group (a radio group marked once, in its legend).
  for (const html::Node* a = e.parent_element(); a; a = a->parent_element()) {
    std::string_view role = ctx.aria.role(*a);
    if (role == "group" || role == "radiogroup") {
      texts.push_back(ctx.aria.name(*a).text);
      for (const html::Node* c : a->children()) {
        if (c->is("legend")) texts.push_back(c->text_content());
      }
    }
    if (a->is("form")) break;
  }
  return texts;
}

const html::Node* form_of(const html::Node& e) {
  for (const html::Node* a = e.parent_element(); a; a = a->parent_element()) {
    if (a->is("form")) return a;
  }
  return nullptr;
}

void evaluate(Context& ctx, Reporter& out) {
  for (const html::Node* e : ctx.doc.elements()) {
    if (!is_required(ctx, *e)) continue;
    if (ctx.aria.hidden_from_at(*e) == aria::Tristate::Yes) continue;
    bool found = false;
    for (const std::string& t : texts_for(ctx, *e)) {
      if (words::mentions_required(t)) {
        out.passed(e, kIndicated, {text::truncate_utf8(text::collapse_whitespace(t), 80)});
        found = true;
        break;
      }
    }
    if (found) continue;
    const html::Node* form = form_of(*e);
    if (form && words::mentions_all_fields_required(form->text_content())) {
      out.passed(e, kFormInstruction);
      continue;
    }
    std::string name = ctx.aria.name(*e).text;
    if (name.empty()) name = e->attr("name").value_or("");
    bool css_hint = class_hints_required(e) || class_hints_required(e->parent_element());
    for (const html::Node* l : labels_of(ctx, *e)) css_hint = css_hint || class_hints_required(l);
    if (css_hint) {
      out.cant_tell(e, kMaybeCss, {name});
    } else if (ctx.aria.hidden_from_at(*e) == aria::Tristate::Unknown) {
      out.cant_tell(e, kMaybeHidden, {name});
    } else {
      out.failed(e, kNotIndicated, {name});
    }
  }
}

const RuleRegistration kRegistration(kInfo, evaluate);

}  // namespace
}  // namespace granska::checks
