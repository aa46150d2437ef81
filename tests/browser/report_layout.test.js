// The committee report at the city's size (20 units, 5 scans, 50,000 pages), in Chromium:
// the overview fits a 1,280 px laptop screen without scrolling, no report page scrolls
// sideways at 320 px (WCAG 1.4.10: wide tables scroll in their own container), printing
// on A4 landscape shows every column of every table, and every status is a symbol, a
// word and a colour whose border and symbol contrast at least 3:1 (WCAG 1.4.1, 1.4.11).
//   node report_layout.test.js GRANSKA_REPORT_FIXTURE
'use strict';
const fs = require('fs');
const path = require('path');
const { tools, writeReport, fileUrl, run } = require('./common.js');

// A4 landscape at 96 CSS px per inch, less the stylesheet's 10 mm margins: 277 mm.
const A4_LANDSCAPE_CONTENT_PX = Math.floor((277 / 25.4) * 96);

function luminance(rgb) {
  const [r, g, b] = rgb.match(/\d+(\.\d+)?/g).slice(0, 3).map(Number).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
function contrast(a, b) {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

run('report layout', async (t, setCleanup) => {
  const { launch } = tools();
  const report = writeReport(process.argv[2], 50000);
  const browser = await launch();
  setCleanup(() => fs.rmSync(report.dir, { recursive: true, force: true }));
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const index = path.join(report.out, 'index.html');

    // 1,280 px: the overview table is fully visible, no horizontal scrolling anywhere.
    await page.goto(fileUrl(index));
    const o = await page.evaluate(() => {
      const table = document.querySelector('#t-oversikt');
      const scroller = table.closest('.table-scroll');
      return {
        rows: table.tBodies[0].rows.length,
        right: table.getBoundingClientRect().right,
        scroll: scroller.scrollWidth,
        client: scroller.clientWidth,
        doc: document.documentElement.scrollWidth,
      };
    });
    t.ok(o.rows === 21, `overview lists 20 units and the total (got ${o.rows} rows)`);
    t.ok(o.right <= 1280, `overview ends within 1,280 px (right edge ${o.right})`);
    t.ok(o.scroll <= o.client, `overview needs no scrolling at 1,280 px (${o.scroll} > ${o.client})`);
    t.ok(o.doc <= 1280, `index.html is not wider than 1,280 px (${o.doc})`);

    // Status: symbol + word + colour, with a legend; contrast of border and symbol.
    const badges = await page.evaluate(() => [...document.querySelectorAll('.legend .status')].map((el) => {
      const s = getComputedStyle(el);
      const before = getComputedStyle(el, '::before');
      return { text: el.textContent, symbol: before.content, symbolColor: before.color, border: s.borderTopColor,
               borderWidth: parseFloat(s.borderTopWidth), background: s.backgroundColor,
               page: getComputedStyle(document.documentElement).backgroundColor };
    }));
    t.ok(badges.length === 4, `the legend shows the four statuses (got ${badges.length})`);
    for (const b of badges) {
      t.ok(b.text.trim().length > 1, `status "${b.text}" has a word`);
      t.ok(b.symbol && b.symbol !== 'none' && b.symbol !== 'normal' && b.symbol.length > 2, `status "${b.text}" has a symbol (${b.symbol})`);
      t.ok(b.borderWidth >= 2, `status "${b.text}" has a visible border`);
      t.ok(contrast(b.border, b.page) >= 3, `status "${b.text}": border against the page ${contrast(b.border, b.page).toFixed(2)}:1`);
      t.ok(contrast(b.symbolColor, b.background) >= 3,
           `status "${b.text}": symbol against its badge ${contrast(b.symbolColor, b.background).toFixed(2)}:1`);
    }
    t.ok(new Set(badges.map((b) => b.border)).size === 4, 'each status has its own colour');
    t.ok(new Set(badges.map((b) => b.symbol)).size === 4, 'each status has its own symbol');

    // 320 px: no report page scrolls sideways.
    await page.setViewportSize({ width: 320, height: 640 });
    for (const file of report.pages) {
      await page.goto(fileUrl(path.join(report.out, file)));
      const w = await page.evaluate(() => document.documentElement.scrollWidth);
      t.ok(w <= 320, `${file} at 320 px: scrollWidth ${w}`);
    }

    // Print, A4 landscape: every column of every (open) table is on the page.
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: A4_LANDSCAPE_CONTENT_PX, height: 760 });
    const widest = report.pages
      .filter((f) => f.startsWith('unit-'))
      .sort((a, b) => fs.statSync(path.join(report.out, b)).size - fs.statSync(path.join(report.out, a)).size)[0];
    for (const file of ['index.html', widest]) {
      await page.goto(fileUrl(path.join(report.out, file)));
      const cut = await page.evaluate((width) => {
        const out = [];
        for (const table of document.querySelectorAll('table')) {
          const r = table.getBoundingClientRect();
          if (r.width === 0) continue;  // inside a closed <details>
          const scroller = table.closest('.table-scroll');
          let right = 0;
          for (const cell of table.querySelectorAll('th, td')) right = Math.max(right, cell.getBoundingClientRect().right);
          // One pixel of slack: collapsed borders are drawn half outside the table.
          if (right > width + 1 || (scroller && scroller.scrollWidth > scroller.clientWidth + 1)) {
            out.push(`${table.id}: last column ends at ${right.toFixed(0)} px of ${width}`);
          }
        }
        return out;
      }, A4_LANDSCAPE_CONTENT_PX);
      t.ok(cut.length === 0, `${file} printed on A4 landscape shows every column: ${cut.join('; ')}`);
    }
    const pdf = await page.pdf({ preferCSSPageSize: true });
    const box = pdf.toString('latin1').match(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/);
    t.ok(box && Math.round(+box[1]) === 842 && Math.round(+box[2]) === 595,
         `the print stylesheet asks for A4 landscape (MediaBox ${box ? box.slice(1).join(' x ') : 'missing'})`);
  } finally {
    await browser.close();
  }
});
