// axe-core benchmark driver (not a test; tests/bench/axe_bench.sh runs it next to
// granska_render_bench on the same pages).
//   node tests/bench/axe_bench.js [--tabs N] [--rounds R] [--quiet MS] [--chromium PATH] URL...
// What a city would run instead of granska --render: axe-core (the pinned copy in
// tests/browser/node_modules) in the same Debian Chromium, driven by playwright-core, with
// the discipline of granska's render pool (src/render/pool.h) so that only the checking
// differs:
//   - one browser, N tabs working at once (one async worker per tab);
//   - a browser context per site (origin), a site's idle tab reused for its next page,
//     at most N idle tabs kept (oldest closed first); viewport 1280 x 800;
//   - per page: navigation until the load event (15 s at most), then the network-idle wait
//     of PoolOptions: no request in flight for --quiet ms (idle_quiet_ms, 500), counting
//     from at least quiet/2 before the load event, at most 3000 ms (idle_cap_ms);
//   - one warm-up page first; browser memory is the proportional set size of all the
//     browser's processes (its process group), read from /proc/PID/smaps_rollup like
//     render::ChromiumProcess::memory_bytes, idle after the warm-up and sampled every 4th page.
// Per page, axe-core is injected into the main frame (as @axe-core/playwright does:
// evaluating axe.min.js) and axe.run is called with the WCAG 2.0/2.1 A and AA tags; only the
// counts of its results come back to node (less work than a report would need).
// Prints one line: pages/s, mean ms for load (+ idle wait), injecting axe, axe.run, whole
// page; mean violations and incomplete results; browser MB idle and at its peak.
'use strict';
const fs = require('fs');
const path = require('path');

const modules = path.join(__dirname, '..', 'browser', 'node_modules');
const { chromium } = require(path.join(modules, 'playwright-core'));
const AXE_PATH = path.join(modules, 'axe-core', 'axe.min.js');
const AXE_VERSION = JSON.parse(fs.readFileSync(path.join(modules, 'axe-core', 'package.json'), 'utf8')).version;

const LOAD_TIMEOUT_MS = 15000;  // PoolOptions::load_timeout_ms
const IDLE_CAP_MS = 3000;       // PoolOptions::idle_cap_ms
const AXE_OPTIONS = { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } };

function usage() {
  process.stderr.write('usage: axe_bench.js [--tabs N] [--rounds R] [--quiet MS] [--chromium PATH] URL...\n');
  process.exit(2);
}

const opt = { tabs: 1, rounds: 3, quiet: 500, chromium: process.env.GRANSKA_CHROMIUM || '/usr/bin/chromium' };
const urls = [];
for (let i = 2; i < process.argv.length; ++i) {
  const a = process.argv[i];
  if (a === '--tabs' && i + 1 < process.argv.length) opt.tabs = Number(process.argv[++i]);
  else if (a === '--rounds' && i + 1 < process.argv.length) opt.rounds = Number(process.argv[++i]);
  else if (a === '--quiet' && i + 1 < process.argv.length) opt.quiet = Number(process.argv[++i]);
  else if (a === '--chromium' && i + 1 < process.argv.length) opt.chromium = process.argv[++i];
  else if (a && a[0] !== '-') urls.push(a);
  else usage();
}
if (!urls.length || !(opt.tabs >= 1) || !(opt.rounds >= 1) || !(opt.quiet >= 0)) usage();

const sleep = (ms) => new Promise((r) => setTimeout(r, Math.max(0, ms)));
const now = () => Number(process.hrtime.bigint()) / 1e6;

// The browser's processes: Playwright starts Chromium detached, so it leads its own process
// group, as granska's launcher does; every process of that group counts.
function procStat(pid) {
  try {
    const line = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = line.slice(line.lastIndexOf(')') + 2).split(' ');
    return { ppid: Number(f[1]), pgrp: Number(f[2]), rssPages: Number(f[21]) };
  } catch {
    return null;
  }
}
function browserPid() {
  for (const e of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(e)) continue;
    const s = procStat(e);
    if (s && s.ppid === process.pid && s.pgrp === Number(e)) return Number(e);
  }
  return 0;
}
function memoryBytes(pid) {
  if (!pid) return 0;
  let total = 0;
  for (const e of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(e)) continue;
    const s = procStat(e);
    if (!s || s.pgrp !== pid) continue;
    let pss = -1;
    try {
      const m = /^Pss:\s+(\d+)/m.exec(fs.readFileSync(`/proc/${e}/smaps_rollup`, 'utf8'));
      if (m) pss = Number(m[1]) * 1024;
    } catch {}
    total += pss >= 0 ? pss : s.rssPages * 4096;
  }
  return total;
}

async function main() {
  const axeSource = fs.readFileSync(AXE_PATH, 'utf8');
  const browser = await chromium.launch({
    executablePath: opt.chromium,
    headless: true,
    // granska's flags (src/render/chromium.cc); Playwright adds its own defaults and the pipe.
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--disable-extensions', '--mute-audio', '--hide-scrollbars', '--no-default-browser-check',
      '--disable-crash-reporter', '--password-store=basic',
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
    ],
  });
  const pid = browserPid();
  const contexts = new Map();  // origin -> BrowserContext
  const idle = [];             // {key, page}, oldest first

  async function tabFor(key) {
    const i = idle.findIndex((t) => t.key === key);
    if (i >= 0) return idle.splice(i, 1)[0].page;
    let context = contexts.get(key);
    if (!context) {
      context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
      contexts.set(key, context);
    }
    const page = await context.newPage();
    // Requests in flight and the time of the last network event, for the idle wait.
    page.__net = { inflight: new Set(), last: now() };
    const net = page.__net;
    page.on('request', (r) => { net.inflight.add(r); net.last = now(); });
    page.on('requestfinished', (r) => { net.inflight.delete(r); net.last = now(); });
    page.on('requestfailed', (r) => { net.inflight.delete(r); net.last = now(); });
    page.on('response', () => { net.last = now(); });
    return page;
  }
  async function release(key, page, ok) {
    if (!ok) {
      await page.close().catch(() => {});
      return;
    }
    idle.push({ key, page });
    while (idle.length > opt.tabs) await idle.shift().page.close().catch(() => {});
  }

  async function check(url) {
    const key = new URL(url).origin;
    const page = await tabFor(key);
    let ok = false;
    try {
      const net = page.__net;
      net.inflight.clear();
      const start = now();
      await page.goto(url, { waitUntil: 'load', timeout: LOAD_TIMEOUT_MS });
      // Network idle as render::Pool waits for it.
      net.last = Math.max(net.last, now() - opt.quiet / 2);
      const capAt = now() + IDLE_CAP_MS;
      for (;;) {
        const t = now();
        const quietUntil = net.last + opt.quiet;
        if (net.inflight.size === 0 && t >= quietUntil) break;
        if (t >= capAt) break;
        await sleep(net.inflight.size === 0 ? Math.min(quietUntil, capAt) - t : Math.min(10, capAt - t));
      }
      const loaded = now();
      await page.evaluate(axeSource);
      const injected = now();
      const counts = await page.evaluate(async (options) => {
        const r = await window.axe.run(document, options);
        return { violations: r.violations.length, incomplete: r.incomplete.length, passes: r.passes.length };
      }, AXE_OPTIONS);
      const done = now();
      ok = true;
      return { load: loaded - start, inject: injected - loaded, axe: done - injected, page: done - start, ...counts };
    } finally {
      await release(key, page, ok);
    }
  }

  await check(urls[0]);  // warm-up: the first page pays for process start-up
  const idleMb = memoryBytes(pid) / (1 << 20);

  const work = [];
  for (let r = 0; r < opt.rounds; ++r) work.push(...urls);
  let next = 0;
  let ok = 0, errors = 0, peak = 0;
  const sum = { load: 0, inject: 0, axe: 0, page: 0, violations: 0, incomplete: 0, passes: 0 };
  const started = now();
  async function worker() {
    for (;;) {
      const i = next++;
      if (i >= work.length) return;
      try {
        const r = await check(work[i]);
        for (const k of Object.keys(sum)) sum[k] += r[k];
        ++ok;
      } catch (e) {
        ++errors;
        process.stderr.write(`${work[i]}: ${e.message.split('\n')[0]}\n`);
      }
      if (i % 4 === 0) peak = Math.max(peak, memoryBytes(pid));
    }
  }
  await Promise.all(Array.from({ length: opt.tabs }, worker));
  const seconds = (now() - started) / 1000;
  peak = Math.max(peak, memoryBytes(pid));
  const peakMb = peak / (1 << 20);
  const n = ok || 1;
  const f1 = (v) => v.toFixed(1);
  process.stdout.write(
    `tabs=${opt.tabs} quiet_ms=${opt.quiet} pages=${ok} errors=${errors} seconds=${seconds.toFixed(2)} ` +
      `pages_per_s=${(ok / seconds).toFixed(2)} load_ms=${f1(sum.load / n)} inject_ms=${f1(sum.inject / n)} ` +
      `axe_ms=${f1(sum.axe / n)} page_ms=${f1(sum.page / n)} violations=${f1(sum.violations / n)} ` +
      `incomplete=${f1(sum.incomplete / n)} passes=${f1(sum.passes / n)} browser_idle_mb=${idleMb.toFixed(0)} browser_peak_mb=${peakMb.toFixed(0)} ` +
      `per_tab_mb=${((peakMb - idleMb) / opt.tabs).toFixed(0)} axe=${AXE_VERSION} chromium=${browser.version()}\n`);
  await browser.close();
  process.exitCode = errors ? 1 : 0;
}

main().catch((e) => {
  process.stderr.write(`${e.stack || e}\n`);
  process.exit(2);
});
