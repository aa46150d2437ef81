#include "reports/common/criterion_why.h"

#include <array>
#include <string_view>

namespace granska::reports {

namespace {

struct Why {
  std::string_view number;
  Text text;
};

// Plain words, no WCAG jargon: who is affected and what happens to them.
constexpr std::array<Why, 50> kWhy{{
    {"1.1.1", {"Den som inte ser bilden får höra textalternativet i stället. Saknas det vet personen inte vad bilden visar eller vart en bildlänk leder.",
               "Someone who cannot see an image hears its text alternative instead. Without one, they do not know what the image shows or where an image link goes."}},
    {"1.2.1", {"Den som inte hör ljudet eller inte ser videon behöver samma innehåll i en annan form, till exempel en textversion.",
               "People who cannot hear the audio or see the video need the same content in another form, such as a transcript."}},
    {"1.2.2", {"Döva och hörselskadade följer en inspelad video genom undertexterna. Utan dem går talet och viktiga ljud förlorade.",
               "Deaf and hard-of-hearing people follow a recorded video through its captions. Without them, speech and important sounds are lost."}},
    {"1.2.3", {"Den som inte ser videon behöver få veta vad som händer i bild, genom syntolkning eller en textversion.",
               "People who cannot see the video need to learn what happens on screen, through audio description or a text alternative."}},
    {"1.2.4", {"Döva och hörselskadade kan bara följa en direktsändning om den textas medan den pågår.",
               "Deaf and hard-of-hearing people can only follow a live broadcast if it is captioned as it happens."}},
    {"1.2.5", {"Blinda och synsvaga får bara veta vad som visas i bild, utan att det sägs, genom syntolkning.",
               "Blind and partially sighted people only learn what is shown but not said through audio description."}},
    {"1.3.1", {"Rubriker, listor, tabeller och etiketter måste finnas i koden, inte bara synas. Annars kan skärmläsare inte återge sidans struktur.",
               "Headings, lists, tables and labels must be in the code, not only look like them. Otherwise screen readers cannot convey the page's structure."}},
    {"1.3.2", {"Skärmläsare läser sidan i kodens ordning. Stämmer den inte med den visuella ordningen blir innehållet obegripligt.",
               "Screen readers read a page in code order. If that differs from the visual order, the content stops making sense."}},
    {"1.3.3", {"Instruktioner som bara hänvisar till form, färg, storlek eller placering (\"klicka på den runda knappen till höger\") går inte att följa utan att se sidan.",
               "Instructions that only refer to shape, colour, size or position (\"press the round button on the right\") cannot be followed without seeing the page."}},
    {"1.3.4", {"Den som har skärmen fastmonterad, till exempel på en rullstol, kan inte vända den. Innehållet måste fungera både stående och liggande.",
               "People whose device is mounted, for example on a wheelchair, cannot turn it. Content must work in both portrait and landscape."}},
    {"1.3.5", {"När ett fält talar om vad det är till för (namn, e-post, adress) kan webbläsaren fylla i det. Det hjälper den som har svårt att skriva eller minnas.",
               "When a field says what it is for (name, e-mail, address), the browser can fill it in. That helps people who find typing or remembering hard."}},
    {"1.4.1", {"Den som inte skiljer på färger missar information som bara visas med färg, till exempel vilka fält som är fel.",
               "People who cannot tell colours apart miss information shown only by colour, such as which fields are wrong."}},
    {"1.4.2", {"Ljud som startar av sig självt överröstar skärmläsaren. Besökaren måste kunna stänga av det.",
               "Sound that starts by itself drowns out the screen reader. Visitors must be able to turn it off."}},
    {"1.4.3", {"Text med för låg kontrast mot bakgrunden är svår eller omöjlig att läsa för många med nedsatt syn, och för alla i starkt solljus.",
               "Text with too little contrast against its background is hard or impossible to read for many people with low vision, and for everyone in bright sunlight."}},
    {"1.4.4", {"Den som ser dåligt förstorar texten. Sidan måste fungera när texten är dubbelt så stor, utan att något försvinner.",
               "People with low vision enlarge text. The page must still work with text at twice the size, without anything disappearing."}},
    {"1.4.5", {"Text i bilder går inte att förstora, byta färg på eller läsa upp. Använd riktig text.",
               "Text in images cannot be enlarged, recoloured or read aloud. Use real text."}},
    {"1.4.10", {"Den som förstorar sidan mycket ska kunna läsa utan att rulla i sidled. Innehållet måste fungera i en smal skärm (320 pixlar).",
                "People who zoom far in should be able to read without scrolling sideways. Content must work on a narrow screen (320 pixels)."}},
    {"1.4.11", {"Knappar, fältramar, ikoner och fokusmarkeringar måste synas mot bakgrunden, annars hittar den som ser dåligt dem inte.",
                "Buttons, field borders, icons and focus indicators must stand out from their background, or people with low vision cannot find them."}},
    {"1.4.12", {"Den som läser med större rad- och bokstavsavstånd, till exempel vid dyslexi, får inte förlora text som klipps eller överlappar.",
                "People who read with wider line and letter spacing, for example with dyslexia, must not lose text that gets cut off or overlaps."}},
    {"1.4.13", {"Innehåll som visas vid hovring eller fokus måste gå att stänga och stanna kvar, så att den som förstorar eller rör sig långsamt hinner läsa det.",
                "Content that appears on hover or focus must be dismissable and stay put, so that people who zoom or move slowly can read it."}},
    {"2.1.1", {"Många kan inte använda mus: de använder tangentbord, brytare eller röststyrning. Allt som går att göra med musen måste gå med tangentbordet.",
               "Many people cannot use a mouse: they use a keyboard, switches or voice control. Everything that works with a mouse must work with the keyboard."}},
    {"2.1.2", {"Fastnar tangentbordsfokus i en del av sidan kommer den som inte använder mus inte vidare.",
               "If keyboard focus gets stuck in part of the page, people who do not use a mouse cannot go on."}},
    {"2.1.4", {"Kortkommandon med en enda bokstav utlöses av misstag av röststyrning och av den som råkar slå fel.",
               "Single-letter shortcuts are triggered by accident by voice control and by people who mistype."}},
    {"2.2.1", {"Den som läser, skriver eller rör sig långsamt behöver kunna förlänga eller stänga av tidsgränser.",
               "People who read, type or move slowly need to be able to extend or turn off time limits."}},
    {"2.2.2", {"Rörligt och blinkande innehåll stör koncentrationen och måste gå att pausa eller stoppa.",
               "Moving and blinking content disturbs concentration and must be possible to pause or stop."}},
    {"2.3.1", {"Blixtar och snabbt blinkande innehåll kan utlösa epileptiska anfall.",
               "Flashing and fast-blinking content can trigger epileptic seizures."}},
    {"2.4.1", {"Den som använder tangentbord eller skärmläsare behöver kunna hoppa förbi menyer som upprepas på varje sida.",
               "Keyboard and screen-reader users need to be able to skip menus that repeat on every page."}},
    {"2.4.2", {"Sidans titel är det första skärmläsaren läser upp och det som syns i flikar och sökresultat. Den måste säga vad sidan handlar om.",
               "The page title is the first thing a screen reader announces and what shows in tabs and search results. It must say what the page is about."}},
    {"2.4.3", {"Den som går igenom sidan med tabbtangenten måste komma till länkar och fält i en ordning som går att förstå.",
               "People who move through the page with the Tab key must reach links and fields in an order that makes sense."}},
    {"2.4.4", {"Skärmläsaranvändare listar ofta sidans länkar. \"Läs mer\" eller \"Klicka här\" säger inte vart länken leder.",
               "Screen-reader users often list a page's links. \"Read more\" or \"Click here\" does not say where a link goes."}},
    {"2.4.5", {"Besökare hittar på olika sätt: meny, sökfunktion, webbkarta. Flera vägar till en sida hjälper den som har svårt med ett av dem.",
               "Visitors find their way differently: menu, search, site map. Several ways to a page help people who struggle with one of them."}},
    {"2.4.6", {"Rubriker och etiketter som beskriver innehållet gör det lättare för alla att hitta rätt, särskilt för den som lyssnar på sidan.",
               "Headings and labels that describe the content help everyone find their way, especially people who listen to the page."}},
    {"2.4.7", {"Den som använder tangentbord måste se var fokus är, annars vet personen inte vad som händer vid nästa tangenttryckning.",
               "Keyboard users must see where focus is, or they do not know what the next key press will do."}},
    {"2.5.1", {"Svep- och nypgester med flera fingrar går inte att göra för alla. Det måste finnas ett sätt med ett enda tryck.",
               "Multi-finger swipes and pinches are not possible for everyone. There must be a way with a single tap."}},
    {"2.5.2", {"Den som råkar trycka fel ska kunna ångra sig genom att dra bort fingret eller pekaren innan den släpps.",
               "People who press by mistake should be able to back out by moving the finger or pointer away before releasing it."}},
    {"2.5.3", {"Röststyrning klickar på det namn som syns. Står det något annat i koden än på knappen fungerar inte kommandot.",
               "Voice control clicks the name that is shown. If the code says something other than the visible label, the command does not work."}},
    {"2.5.4", {"Funktioner som styrs genom att skaka eller luta enheten måste också gå att använda på annat sätt.",
               "Features controlled by shaking or tilting the device must also work in another way."}},
    {"3.1.1", {"Skärmläsaren väljer uttal efter sidans angivna språk. Fel eller saknat språk gör svensk text svår att förstå när den läses upp.",
               "Screen readers choose their pronunciation from the page's declared language. A wrong or missing language makes the text hard to understand when read aloud."}},
    {"3.1.2", {"Stycken på ett annat språk än resten av sidan måste märkas, så att de läses upp med rätt uttal.",
               "Passages in another language than the rest of the page must be marked, so that they are read aloud with the right pronunciation."}},
    {"3.2.1", {"Att flytta fokus till ett fält får inte byta sida eller öppna fönster: det förvirrar och kan göra att besökaren tappar bort sig.",
               "Moving focus to a field must not change the page or open windows: it confuses visitors and can make them lose their place."}},
    {"3.2.2", {"Att välja eller skriva i ett fält får inte oväntat skicka formuläret eller byta sida.",
               "Choosing or typing in a field must not unexpectedly submit the form or change the page."}},
    {"3.2.3", {"Menyer och sök som ligger på samma ställe på varje sida är lättare att hitta för alla, och nödvändigt för många med kognitiva funktionsnedsättningar.",
               "Menus and search in the same place on every page are easier for everyone to find, and essential for many people with cognitive disabilities."}},
    {"3.2.4", {"Samma funktion ska heta samma sak överallt, annars tror besökaren att det är olika saker.",
               "The same function should have the same name everywhere, or visitors think they are different things."}},
    {"3.3.1", {"Den som gjort fel i ett formulär måste få veta vilket fält det gäller och vad som är fel, i text.",
               "People who made a mistake in a form must be told, in text, which field it is and what is wrong."}},
    {"3.3.2", {"Varje fält behöver en etikett eller instruktion som säger vad som ska fyllas i och hur.",
               "Every field needs a label or instruction that says what to enter and how."}},
    {"3.3.3", {"När ett fel upptäcks ska besökaren få ett förslag på hur det rättas, om det går.",
               "When an error is found, visitors should get a suggestion for how to correct it, where possible."}},
    {"3.3.4", {"Innan något juridiskt eller ekonomiskt skickas in måste det gå att kontrollera, rätta eller ångra.",
               "Before anything legal or financial is submitted, it must be possible to check, correct or undo it."}},
    {"4.1.1", {"Felaktig kod kan göra att hjälpmedel tolkar sidan fel.",
               "Faulty markup can make assistive technology misread the page."}},
    {"4.1.2", {"Knappar, fält och andra kontroller måste ha namn, roll och tillstånd i koden. Annars vet skärmläsaren och röststyrningen inte vad de är.",
               "Buttons, fields and other controls must expose a name, role and state in the code. Otherwise screen readers and voice control do not know what they are."}},
    {"4.1.3", {"Meddelanden som dyker upp utan att sidan laddas om (\"Sparat\", \"3 träffar\") måste läsas upp av skärmläsaren.",
               "Messages that appear without reloading the page (\"Saved\", \"3 results\") must be announced by screen readers."}},
}};

constexpr Text kAaa{"Kriteriet på nivå AAA går längre än lagen kräver och gör webbplatsen bättre för fler.",
                    "This level AAA criterion goes further than the law requires and makes the site better for more people."};

}  // namespace

Text why_it_matters(const engine::Criterion& criterion) {
  for (const Why& w : kWhy) {
    if (w.number == criterion.number) return w.text;
  }
  return kAaa;
}

}  // namespace granska::reports
