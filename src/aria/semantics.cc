#include "aria/semantics.h"

#include "aria/semantics_impl.h"
#include "aria/text_contrast.h"
#include "style/loader.h"

namespace granska::aria {

std::string_view to_string(NameSource s) {
  switch (s) {
    case NameSource::None: return "none";
    case NameSource::AriaLabelledby: return "aria-labelledby";
    case NameSource::AriaLabel: return "aria-label";
    case NameSource::Label: return "label";
    case NameSource::Alt: return "alt";
    case NameSource::Value: return "value";
    case NameSource::Legend: return "legend";
    case NameSource::Caption: return "caption";
    case NameSource::Title: return "title";
    case NameSource::Placeholder: return "placeholder";
    case NameSource::Contents: return "contents";
    case NameSource::AriaDescribedby: return "aria-describedby";
    case NameSource::AriaDescription: return "aria-description";
  }
  return "none";
}

Semantics::Impl::Impl(const html::Document& d, const style::PageSheets* s, const style::Environment& e)
    : doc(d),
      sheets(s),
      environment(e),
      roles(d.elements().size()),
      focusable_cache(d.elements().size(), -1),
      names(d.elements().size()),
      descriptions(d.elements().size()),
      visited(d.elements().size(), 0) {}

Semantics::Semantics(const html::Document& doc, const style::PageSheets* sheets, const style::Environment& environment)
    : impl_(std::make_unique<Impl>(doc, sheets, environment)) {}
Semantics::Semantics(const html::Document& doc, std::unique_ptr<style::ComputedStyles> styles)
    : impl_(std::make_unique<Impl>(doc, &styles->sheets(), styles->environment())) {
  impl_->computed_styles = std::move(styles);
}
Semantics::~Semantics() = default;

const html::Document& Semantics::document() const { return impl_->doc; }
bool Semantics::inert(const html::Node& element) { return impl_->hidden_entry(element).inert; }

const style::ComputedStyles& Semantics::Impl::styles() {
  if (!computed_styles) {
    if (!sheets) {
      own_sheets = std::make_unique<style::PageSheets>(
          style::collect_sheets(doc, "", nullptr, nullptr, {}, "utf-8", environment));
      sheets = own_sheets.get();
    }
    computed_styles = std::make_unique<style::ComputedStyles>(doc, *sheets, environment);
  }
  return *computed_styles;
}

const style::ComputedStyles& Semantics::computed_styles() { return impl_->styles(); }

const std::vector<TextContrast>& Semantics::text_contrasts() {
  if (!impl_->text_contrasts) {
    impl_->text_contrasts = std::make_unique<std::vector<TextContrast>>(aria::text_contrasts(*this));
  }
  return *impl_->text_contrasts;
}

// Nodes of another document get neutral answers instead of indexing out of range.
std::string_view Semantics::role(const html::Node& element) {
  if (&element.document() != &impl_->doc) return {};
  if (element.is_element()) {  // a role already computed, without a call: rules ask very often
    const detail::RoleEntry& known = impl_->roles[element.element_index()];
    if (known.kind == detail::RoleKind::Role) return known.info->name;
    if (known.kind == detail::RoleKind::NoRole || known.kind == detail::RoleKind::Generic) return {};
  }
  const detail::RoleEntry& r = impl_->role_entry(element);
  return r.kind == detail::RoleKind::Role ? r.info->name : std::string_view();
}

bool Semantics::has_explicit_role(const html::Node& element) {
  if (&element.document() != &impl_->doc) return false;
  return impl_->role_entry(element).explicit_role;
}

bool Semantics::is_generic(const html::Node& element) {
  if (&element.document() != &impl_->doc) return false;
  return impl_->role_entry(element).kind == detail::RoleKind::Generic;
}

std::string_view Semantics::implicit_role(const html::Node& element) {
  if (!element.is_element() || &element.document() != &impl_->doc) return {};
  detail::RoleEntry r = impl_->implicit_role(element, /*allow_presentational=*/true);
  return r.kind == detail::RoleKind::Role ? r.info->name : std::string_view();
}

const AccessibleName& Semantics::name(const html::Node& element) {
  static const AccessibleName kNone;
  if (!element.is_element() || &element.document() != &impl_->doc) return kNone;
  auto& slot = impl_->names[element.element_index()];
  if (!slot) slot = impl_->compute_name(element);
  return *slot;
}

const std::vector<const html::Node*>& Semantics::labels(const html::Node& element) {
  static const std::vector<const html::Node*> kNone;
  if (!element.is_element() || &element.document() != &impl_->doc) return kNone;
  return impl_->labels_of(element);
}

const AccessibleName& Semantics::description(const html::Node& element) {
  static const AccessibleName kNone;
  if (!element.is_element() || &element.document() != &impl_->doc) return kNone;
  auto& slot = impl_->descriptions[element.element_index()];
  if (!slot) slot = impl_->compute_description(element);
  return *slot;
}

Tristate Semantics::hidden(const html::Node& element) {
  if (&element.document() != &impl_->doc) return Tristate::No;
  return impl_->hidden(element);
}

Tristate Semantics::hidden_from_at(const html::Node& element) {
  if (&element.document() != &impl_->doc) return Tristate::No;
  return impl_->hidden_from_at(element);
}

bool Semantics::focusable(const html::Node& element) {
  if (&element.document() != &impl_->doc) return false;
  return impl_->focusable(element);
}

bool Semantics::in_sequential_focus_order(const html::Node& element) {
  if (!focusable(element)) return false;
  auto tabindex = element.attr("tabindex");
  std::optional<long> value = tabindex ? detail::parse_html_integer(*tabindex) : std::nullopt;
  return !value || *value >= 0;
}

bool Semantics::disabled(const html::Node& element) {
  if (&element.document() != &impl_->doc) return false;
  return impl_->is_disabled(element);
}

std::string_view Semantics::input_type(const html::Node& input) { return detail::input_type(input); }

namespace detail {

std::optional<long> parse_html_integer(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size() && text::is_html_space(s[i])) ++i;
  bool negative = false;
  if (i < s.size() && (s[i] == '-' || s[i] == '+')) negative = s[i++] == '-';
  if (i >= s.size() || s[i] < '0' || s[i] > '9') return std::nullopt;
  long value = 0;
  for (; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i) {
    if (value < 1'000'000'000) value = value * 10 + (s[i] - '0');  // clamp, never overflow
  }
  return negative ? -value : value;
}

std::string_view input_type(const html::Node& input) {
  static constexpr std::string_view kTypes[] = {
      "button", "checkbox", "color", "date",   "datetime-local", "email", "file",
      "hidden", "image",    "month", "number", "password",       "radio", "range",
      "reset",  "search",   "submit", "tel",   "text",           "time",  "url",
      "week"};
  std::optional<std::string_view> type = input.attr("type");
  if (!type) return "text";
  std::string_view t = text::trim(*type);
  for (std::string_view known : kTypes) {
    if (text::iequals(known, t)) return known;
  }
  return "text";
}

}  // namespace detail

}  // namespace granska::aria
