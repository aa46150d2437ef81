// Every page of the committee report (20 units, 5 scans of 1,000 pages; Swedish, and the
// English overview) in Chromium: axe-core finds no violation, with every <details>
// opened so that collapsed listings are checked too; and granska's own rules find no
// failure and nothing that needs a person to look.
//   node report_a11y.test.js GRANSKA_REPORT_FIXTURE GRANSKA
'use strict';
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');
const { tools, writeReport, fileUrl, run } = require('./common.js');

run('report accessibility', async (t, setCleanup) => {
  const { launch, axeViolations } = tools();
  const [fixture, granska] = process.argv.slice(2);
  const sv = writeReport(fixture, 1000);
  const en = writeReport(fixture, 1000, 'en');
  const browser = await launch();
  setCleanup(() => {
    fs.rmSync(sv.dir, { recursive: true, force: true });
    fs.rmSync(en.dir, { recursive: true, force: true });
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const files = sv.pages.map((f) => path.join(sv.out, f))
      .concat([path.join(en.out, 'index.html')]);
    for (const file of files) {
      const name = path.relative(path.dirname(path.dirname(file)), file);
      await page.goto(fileUrl(file));
      await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
      const violations = await axeViolations(page, { resultTypes: ['violations'] });
      t.ok(violations.length === 0, `${name}: axe-core: ${JSON.stringify(violations)}`);

      const r = spawnSync(granska, ['check', '--format', 'json', file], { encoding: 'utf8', maxBuffer: 256 << 20 });
      let summary = null;
      try {
        summary = JSON.parse(r.stdout).summary;
      } catch (e) {
        summary = null;
      }
      t.ok(summary && summary.failed === 0 && summary.cantTell === 0,
           `${name}: granska check: ${summary ? JSON.stringify(summary) : r.stderr}`);
    }
  } finally {
    await browser.close();
  }
});
