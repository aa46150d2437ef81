// Swedish and English wording that content rules look for in names and alt texts: generic
// link texts ("Läs mer"), placeholder alt texts ("bild"), camera file names, warnings about
// new windows, document formats. One table per question, here, so every rule that asks the
// same question gets the same answer and a new phrase is added in one place.
//
// Everything works on normalised text (see normalise_phrase): case, punctuation, symbols
// and extra whitespace never matter. Pure functions over static data: thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace granska::checks::wording {

// Lowercases (ASCII and Latin-1 letters, so "LÄS MER" == "läs mer"), turns punctuation,
// symbols, arrows, icon-font and emoji characters into spaces, and collapses whitespace.
// "  Läs mer » " -> "läs mer"; "*" -> "".
std::string normalise_phrase(std::string_view s);

// The name says nothing about the destination: "Läs mer", "Klicka här", "Mer info",
// "Read more", "Here", ... (the whole name, after normalising).
bool is_generic_link_text(std::string_view name);

// The alt text is a placeholder that describes no image: "bild", "image", "img", "alt",
// "foto", "ikon", "grafik", ... (the whole alt, after normalising). "logo" is not one of
// them (see is_bare_logo_word): a logotype's alt that only says "logo" may still be read
// together with surrounding text.
bool is_placeholder_alt(std::string_view alt);
// "logo", "logotyp", "logga" alone: whose logo it is is missing, but that needs a look.
bool is_bare_logo_word(std::string_view alt);

enum class FileNameLikeness { No, Certain, Likely };
// Certain: ends in an image file extension ("bild.png", "Skärmavbild 2023-05-01 kl. 10.15.32.png")
// or is a camera file name ("IMG_1234", "DSC0001", "PXL_20230501_101500"). Likely: one word
// with underscores and digits and no spaces ("foto_2023-05-01"), which people rarely write.
FileNameLikeness file_name_likeness(std::string_view alt);

// The name or description warns that the link opens a new window or tab
// ("öppnas i nytt fönster", "ny flik", "new window", "opens in a new tab").
bool mentions_new_window(std::string_view text);

// The document format a link points at, from the URL's path extension (query and
// fragment ignored): "PDF", "Word", "Excel", "PowerPoint", "OpenDocument", "RTF";
// nullopt for anything else.
std::optional<std::string_view> document_format_of_url(std::string_view href);
// The same for a MIME type (the type attribute of a link): "application/pdf" -> "PDF".
std::optional<std::string_view> document_format_of_mime(std::string_view type);
// The text names a document format ("PDF", "pdf-fil", "Word-dokument", "xlsx", ...) or a
// file size ("2 MB", "350 kB"): both tell the reader that a file, not a page, follows.
bool mentions_document_format(std::string_view text);

}  // namespace granska::checks::wording
