// What the report's browser tests share: skipping when the tools are missing, a report
// written by the test itself into a temporary folder, pages opened from file:// only, and
// a small assertion helper that collects every failure before the test exits.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');

// CTest's SKIP_RETURN_CODE (tests/CMakeLists.txt).
const SKIP = 77;

function skip(why) {
  console.log(`SKIP: ${why}`);
  process.exit(SKIP);
}

// The launcher, or a skip when Debian's chromium or the pinned npm packages are missing.
function tools() {
  try {
    require.resolve('playwright-core');
    require.resolve('axe-core/axe.min.js');
  } catch (e) {
    skip('tests/browser/node_modules is missing (scripts/install-deps.sh installs it)');
  }
  const launcher = require('./launch.js');
  if (!fs.existsSync(launcher.CHROMIUM)) skip(`no chromium at ${launcher.CHROMIUM}`);
  return launcher;
}

// Writes the synthetic city's report (granska-report-fixture) into a new temporary folder.
function writeReport(fixture, pages, lang = 'sv') {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'granska-browser-'));
  const out = path.join(dir, 'rapport');
  execFileSync(fixture, [out, String(pages), lang], { stdio: ['ignore', 'ignore', 'inherit'] });
  return { dir, out, pages: fs.readdirSync(out).filter((f) => f.endsWith('.html')).sort() };
}

function fileUrl(p) {
  return 'file://' + path.resolve(p);
}

class Checks {
  constructor(name) {
    this.name = name;
    this.failures = [];
    this.count = 0;
  }
  ok(cond, what) {
    this.count++;
    if (!cond) {
      this.failures.push(what);
      console.log(`FAIL: ${what}`);
    }
  }
  done(cleanup) {
    if (cleanup) cleanup();
    console.log(`${this.name}: ${this.count - this.failures.length} of ${this.count} checks passed`);
    process.exit(this.failures.length ? 1 : 0);
  }
}

// Runs `fn`, turning an exception into a failed test (exit 1) after cleaning up.
async function run(name, fn) {
  const checks = new Checks(name);
  let cleanup = null;
  try {
    await fn(checks, (c) => { cleanup = c; });
  } catch (e) {
    checks.ok(false, `exception: ${e && e.stack ? e.stack : e}`);
  }
  checks.done(cleanup);
}

module.exports = { tools, writeReport, fileUrl, run, skip, SKIP };
