// Shared launcher for granska's browser tests: Debian's chromium through playwright-core,
// with nothing reaching beyond loopback (--host-resolver-rules) and no background traffic.
'use strict';
const { chromium } = require('playwright-core');

const CHROMIUM = process.env.GRANSKA_CHROMIUM || '/usr/bin/chromium';

async function launch() {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
    ],
  });
}

// Runs axe-core (the pinned copy) on the page; returns its violations.
async function axeViolations(page, options = {}) {
  const source = require('fs').readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  await page.addScriptTag({ content: source });
  return page.evaluate(async (opts) => {
    const r = await window.axe.run(document, opts);
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')) }));
  }, options);
}

module.exports = { launch, axeViolations, CHROMIUM };
