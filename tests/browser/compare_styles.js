#!/usr/bin/env node
// Compares granska's computed styles with headless Chromium's getComputedStyle on real pages
// with linked style sheets: the Rust documentation installed on this machine (rustdoc and
// mdBook pages) and the demo site. Pages are served from 127.0.0.1 only; Chromium runs
// with scripting off and granska with --no-scripts, so both style the same DOM.
//
//   node tests/browser/compare_styles.js --granska build/granska [--smoke] [--json out.json]
//                                        [--before OLD_GRANSKA]
//
// Per property (display, visibility, color, background-color, font-size, font-weight) it
// prints how many elements agree, differ, or granska could not tell (counted as not
// agreeing), and examples of differences. --before also counts, with both binaries, how
// many text-holding elements text-contrast-minimum decides (passed or failed).
// Exit: 0 when agreement meets the targets (99 % display/visibility, 98 % colours and
// fonts), 1 when not, 77 when Chromium or the pinned npm packages are missing (CTest skip).
'use strict';

const fs = require('fs');
const path = require('path');
const http = require('http');
const os = require('os');
const { execFile } = require('child_process');
const run = (bin, argv) => new Promise((resolve) => {
  // Asynchronous: the pages are served from this process, which must keep answering.
  execFile(bin, argv, { maxBuffer: 512 << 20, encoding: 'utf8' }, (err, stdout) => resolve(stdout));
});

const SKIP = 77;
const args = process.argv.slice(2);
const opt = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const smoke = args.includes('--smoke');
const granska = opt('--granska');
if (!granska) {
  console.error('usage: compare_styles.js --granska BINARY [--smoke] [--json FILE] [--before OLD_BINARY]');
  process.exit(2);
}

let launch;
try {
  ({ launch } = require('./launch.js'));
} catch (e) {
  console.error(`compare_styles: skipped (${e.message.split('\n')[0]}); run scripts/install-deps.sh`);
  process.exit(SKIP);
}
if (!fs.existsSync(process.env.GRANSKA_CHROMIUM || '/usr/bin/chromium')) {
  console.error('compare_styles: skipped (no chromium)');
  process.exit(SKIP);
}

const repo = path.resolve(__dirname, '..', '..');

// The Rust documentation: rustdoc (std) and mdBook (the book) pages with linked CSS.
function rustDocs() {
  const candidates = [];
  if (process.env.GRANSKA_RUST_DOCS) candidates.push(process.env.GRANSKA_RUST_DOCS);
  const toolchains = path.join(os.homedir(), '.rustup', 'toolchains');
  if (fs.existsSync(toolchains)) {
    for (const t of fs.readdirSync(toolchains).sort()) candidates.push(path.join(toolchains, t, 'share/doc/rust/html'));
  }
  candidates.push('/usr/share/doc/rust-doc/html', '/usr/share/doc/rust/html');
  return candidates.find((c) => fs.existsSync(path.join(c, 'std', 'index.html')));
}

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript', '.svg': 'image/svg+xml',
  '.png': 'image/png', '.jpg': 'image/jpeg', '.woff2': 'font/woff2', '.woff': 'font/woff', '.ttf': 'font/ttf',
  '.vtt': 'text/vtt', '.json': 'application/json', '.ico': 'image/x-icon',
};

function serve(root) {
  return new Promise((resolve) => {
    const server = http.createServer((req, res) => {
      const rel = decodeURIComponent(new URL(req.url, 'http://127.0.0.1').pathname);
      const file = path.join(root, rel);
      if (!file.startsWith(root) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
        res.writeHead(404, { 'Content-Type': 'text/plain' });
        res.end('not found');
        return;
      }
      res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream' });
      fs.createReadStream(file).pipe(res);
    });
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

const PROPS = ['display', 'visibility', 'color', 'background-color', 'font-size', 'font-weight'];

function parseRgba(s) {
  const m = /^rgba?\(([^)]*)\)$/.exec(s || '');
  if (!m) return null;
  const p = m[1].split(/[\s,/]+/).filter(Boolean).map(Number);
  return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 };
}

function same(prop, ours, theirs) {
  if (ours === null || ours === undefined) return false;
  if (prop === 'color' || prop === 'background-color') {
    const a = parseRgba(ours);
    const b = parseRgba(theirs);
    if (!a || !b) return false;
    if (a.a === 0 && b.a === 0) return true;  // transparent is transparent
    return Math.abs(a.r - b.r) <= 1 && Math.abs(a.g - b.g) <= 1 && Math.abs(a.b - b.b) <= 1 &&
           Math.abs(a.a - b.a) <= 0.01;
  }
  if (prop === 'font-size') return Math.abs(parseFloat(ours) - parseFloat(theirs)) <= 0.05;
  if (prop === 'font-weight') return Number(ours) === Number(theirs);
  return ours === theirs;
}

async function granskaStyles(url) {
  const out = await run(granska, ['inspect', url, '-s', 'body, body *', '--styles', '--no-scripts', '--format', 'json',
                                  '--lang', 'en']);
  return JSON.parse(out);
}

async function contrastDecided(binary, url) {
  const out = await run(binary, ['check', url, '--rules', 'text-contrast-minimum', '--format', 'json', '--lang', 'en']);
  const report = JSON.parse(out);
  let decided = 0;
  let undecided = 0;
  for (const f of report.findings || []) {
    if (f.rule !== 'text-contrast-minimum') continue;
    if (f.outcome === 'passed' || f.outcome === 'failed') {
      ++decided;
    } else if (f.outcome === 'cantTell') {
      const m = /same question: (\d+)\./.exec(f.message);  // one finding per reason and page
      undecided += m ? Number(m[1]) : 1;
    }
  }
  return { decided, undecided };
}

(async () => {
  const pages = [];  // { root, rel }
  const docs = rustDocs();
  if (docs) {
    const std = ['std/index.html', 'std/vec/struct.Vec.html', 'std/option/enum.Option.html', 'std/keyword.match.html',
                 'std/collections/index.html', 'std/fmt/index.html'];
    const book = ['book/ch01-01-installation.html', 'book/ch03-02-data-types.html', 'book/ch04-01-what-is-ownership.html',
                  'book/ch08-02-strings.html', 'book/appendix-01-keywords.html'];
    const chosen = smoke ? ['std/keyword.match.html', 'book/ch01-01-installation.html'] : std.concat(book);
    for (const rel of chosen) if (fs.existsSync(path.join(docs, rel))) pages.push({ root: docs, rel });
  } else {
    console.error('compare_styles: the Rust documentation is not installed; comparing the demo site only');
  }
  // A page of modern CSS (layers, nesting, :has(), var(), colour syntaxes, the UA sheet).
  pages.push({ root: path.join(repo, 'fixtures', 'style', 'compare'), rel: 'modern.html' });
  const demo = path.join(repo, 'fixtures', 'demo-site');
  const demoPages = smoke ? ['index.html'] : fs.readdirSync(demo).filter((f) => f.endsWith('.html')).sort();
  for (const rel of demoPages) pages.push({ root: demo, rel });

  const servers = new Map();
  for (const p of pages) if (!servers.has(p.root)) servers.set(p.root, await serve(p.root));
  const browser = await launch();
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 800 } });
  const totals = Object.fromEntries(PROPS.map((p) => [p, { agree: 0, differ: 0, unknown: 0, examples: [] }]));
  const perPage = [];
  const before = opt('--before');
  let contrast = { after: { decided: 0, undecided: 0 }, before: { decided: 0, undecided: 0 } };
  let elements = 0;
  for (const p of pages) {
    const url = `http://127.0.0.1:${servers.get(p.root).address().port}/${p.rel}`;
    const ours = await granskaStyles(url);
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'load' });
    const theirs = await page.evaluate((selectors) => {
      const canvas = document.createElement('canvas');
      canvas.width = canvas.height = 1;
      const ctx = canvas.getContext('2d');
      // Colours outside rgb() syntax (lab(), oklch(), color()) as sRGB, through a canvas.
      const rgb = (c) => {
        if (/^rgba?\(/.test(c)) return c;
        ctx.clearRect(0, 0, 1, 1);
        ctx.fillStyle = '#000';
        ctx.fillStyle = c;
        ctx.fillRect(0, 0, 1, 1);
        const d = ctx.getImageData(0, 0, 1, 1).data;
        return d[3] === 255 ? `rgb(${d[0]}, ${d[1]}, ${d[2]})` : `rgba(${d[0]}, ${d[1]}, ${d[2]}, ${d[3] / 255})`;
      };
      return selectors.map((s) => {
        const e = document.querySelector(s);
        if (!e) return null;
        const cs = getComputedStyle(e);
        return { display: cs.display, visibility: cs.visibility, color: rgb(cs.color),
                 'background-color': rgb(cs.backgroundColor), 'font-size': cs.fontSize, 'font-weight': cs.fontWeight };
      });
    }, ours.map((e) => e.selector));
    await page.close();
    const pageTotals = { url: p.rel, elements: 0, agree: 0, compared: 0 };
    ours.forEach((e, i) => {
      const t = theirs[i];
      // No element, or one Chromium computes no style for (a <track> inside <video>).
      if (!t || t.display === '') return;
      ++elements;
      ++pageTotals.elements;
      for (const prop of PROPS) {
        const mine = e.styles[prop] ? e.styles[prop].value : null;
        const tot = totals[prop];
        ++pageTotals.compared;
        if (mine === null) {
          ++tot.unknown;
        } else if (same(prop, mine, t[prop])) {
          ++tot.agree;
          ++pageTotals.agree;
        } else {
          ++tot.differ;
          if (tot.examples.length < 12) {
            tot.examples.push({ page: p.rel, selector: e.selector, granska: mine, chromium: t[prop],
                                source: e.styles[prop].source, line: e.styles[prop].line });
          }
        }
      }
    });
    perPage.push(pageTotals);
    const after = await contrastDecided(granska, url);
    contrast.after.decided += after.decided;
    contrast.after.undecided += after.undecided;
    if (before) {
      const b = await contrastDecided(before, url);
      contrast.before.decided += b.decided;
      contrast.before.undecided += b.undecided;
    }
  }
  await browser.close();
  for (const s of servers.values()) s.close();

  const share = (t) => (t.agree + t.differ + t.unknown ? t.agree / (t.agree + t.differ + t.unknown) : 0);
  console.log(`${pages.length} pages, ${elements} elements compared (Chromium ${browser.version ? browser.version() : ''})`);
  console.log('property            agree   differ  unknown  agreement');
  let ok = elements >= (smoke ? 50 : 500);
  for (const prop of PROPS) {
    const t = totals[prop];
    const target = prop === 'display' || prop === 'visibility' ? 0.99 : 0.98;
    if (share(t) < target) ok = false;
    console.log(`${prop.padEnd(18)} ${String(t.agree).padStart(6)} ${String(t.differ).padStart(8)} ${String(t.unknown).padStart(8)}` +
                `  ${(100 * share(t)).toFixed(2).padStart(8)} %  (target ${100 * target} %)`);
  }
  const pct = (c) => (c.decided + c.undecided ? (100 * c.decided / (c.decided + c.undecided)).toFixed(1) : '–');
  console.log(`text contrast decided: ${pct(contrast.after)} % of ${contrast.after.decided + contrast.after.undecided} text elements` +
              (before ? ` (before: ${pct(contrast.before)} % of ${contrast.before.decided + contrast.before.undecided})` : ''));
  for (const prop of PROPS) {
    for (const ex of totals[prop].examples) {
      console.log(`  differs: ${prop} ${ex.page} ${ex.selector}: granska ${ex.granska} (${ex.source}${ex.line ? ':' + ex.line : ''}), chromium ${ex.chromium}`);
    }
  }
  const jsonOut = opt('--json');
  if (jsonOut) fs.writeFileSync(jsonOut, JSON.stringify({ pages: perPage, totals, contrast, elements }, null, 2));
  process.exit(ok ? 0 : 1);
})().catch((e) => {
  console.error(`compare_styles: ${e.stack || e}`);
  process.exit(2);
});
