// Browser test of `granska serve` (issue 19): Debian's chromium, driven through the web
// app's own form as an editor would use it, against the demo site served on 127.0.0.1.
//
//   node serve.test.js GRANSKA FIXTURE_SERVER
//
// Exit 0 = passed, 1 = failed, 77 = skipped (no chromium, or tests/browser/node_modules
// missing). Nothing leaves 127.0.0.1: chromium runs with --host-resolver-rules, and the
// server reaches its own test pages only through the explicit test allowance
// (--allow-address 127.0.0.1); intern.test resolves to 10.0.0.5 through --resolve, never DNS.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawn } = require('child_process');

const SKIP = 77;
const here = __dirname;
const repo = path.resolve(here, '..', '..');
const [granska, fixtureServer] = process.argv.slice(2);
if (!granska || !fixtureServer) {
  console.error('usage: node serve.test.js GRANSKA FIXTURE_SERVER');
  process.exit(2);
}
if (!fs.existsSync(path.join(here, 'node_modules', 'playwright-core'))) {
  console.log('SKIP: tests/browser/node_modules is missing (scripts/install-deps.sh installs it)');
  process.exit(SKIP);
}
const { launch, axeViolations, CHROMIUM } = require('./launch.js');
if (!fs.existsSync(CHROMIUM)) {
  console.log(`SKIP: ${CHROMIUM} is missing (scripts/install-deps.sh installs chromium)`);
  process.exit(SKIP);
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'granska-serve-test-'));
const children = [];
let failures = 0;
function check(ok, what) {
  if (ok) {
    console.log(`ok   ${what}`);
  } else {
    failures++;
    console.log(`FAIL ${what}`);
  }
}

function start(cmd, args, portFile) {
  const child = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  children.push(child);
  return new Promise((resolve, reject) => {
    const deadline = Date.now() + 10000;
    const poll = () => {
      if (fs.existsSync(portFile) && fs.readFileSync(portFile, 'utf8').trim()) {
        resolve(Number(fs.readFileSync(portFile, 'utf8').trim()));
      } else if (child.exitCode !== null || Date.now() > deadline) {
        reject(new Error(`${path.basename(cmd)} did not start: ${stderr}`));
      } else {
        setTimeout(poll, 50);
      }
    };
    poll();
  });
}

async function axeClean(page, name) {
  const violations = await axeViolations(page);
  check(violations.length === 0, `axe-core: no violations on ${name}` +
    (violations.length ? `\n     ${JSON.stringify(violations, null, 1)}` : ''));
}

// No horizontal scrolling: the page fits the viewport's width.
async function fitsWidth(page, name) {
  const { scroll, width } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth, width: window.innerWidth,
  }));
  check(scroll <= width, `${name}: no sideways scrolling (${scroll} <= ${width} px)`);
}

async function main() {
  // The demo site, copied so that the test can fix a page between two checks.
  const site = path.join(tmp, 'site');
  fs.cpSync(path.join(repo, 'fixtures', 'demo-site'), site, { recursive: true });
  const sitePort = await start(fixtureServer, ['--root', site, '--port-file', path.join(tmp, 'site.port')],
    path.join(tmp, 'site.port'));
  const origin = `http://127.0.0.1:${sitePort}`;
  const servePort = await start(granska, [
    'serve', '--port', '0', '--port-file', path.join(tmp, 'serve.port'), '--db', path.join(tmp, 'serve.db'),
    '--allow-host', '127.0.0.1', '--allow-host', '127.0.0.2', '--allow-host', 'intern.test',
    '--allow-address', '127.0.0.1', '--resolve', 'intern.test=10.0.0.5', '--max-size', '1', '--timeout', '10', '-q',
  ], path.join(tmp, 'serve.port'));
  const app = `http://127.0.0.1:${servePort}`;

  const browser = await launch();
  try {
    // axe-core is injected as a script, which the app's policy forbids (rightly): these pages
    // bypass it; step 10 loads them again under the policy.
    const context = await browser.newContext({ locale: 'sv-SE', viewport: { width: 1280, height: 800 }, bypassCSP: true });
    const page = await context.newPage();

    // 1. The form, in Swedish from the browser's language.
    await page.goto(app + '/');
    check(await page.getAttribute('html', 'lang') === 'sv', 'the form is in Swedish for a Swedish browser');
    await axeClean(page, 'the form');

    // 2. An address of the demo site: its worst page.
    await page.fill('#url', `${origin}/bygglov.html`);
    await Promise.all([page.waitForURL(/\/r\/[A-Za-z0-9_-]+$/), page.click('text=Granska sidan')]);
    const resultUrl = page.url();
    const summary = await page.textContent('.totals');
    check(/4\s+underkända/.test(summary), `the result's summary counts the failures (${summary.replace(/\s+/g, ' ').trim()})`);
    check(await page.isVisible('text=Samma problem på 2'), 'identical problems are grouped');
    check(await page.getAttribute('a[href^="https://www.w3.org/Translations/WCAG21-sv/"]', 'href') !== null,
      'the criterion links to the Swedish WCAG 2.1 translation');
    const detailsTop = await page.evaluate(() => document.getElementById('detaljer').getBoundingClientRect().top);
    check(detailsTop < 800, `the summary fits one 1280x800 screen before the details begin (details at ${Math.round(detailsTop)} px)`);
    await page.screenshot({ path: path.join(tmp, 'result-1280x800.png') });
    await axeClean(page, 'the result page');

    // 3. The permanent link, opened afresh.
    const permalink = await page.getAttribute('.permalink a', 'href');
    check(permalink === resultUrl, `the permanent link is the result's address (${permalink})`);
    const other = await context.newPage();
    await other.goto(permalink);
    check((await other.textContent('h1')).includes('Bygglov'), 'the permanent link shows the result');
    await other.close();

    // 4. Is my page fixed? The editor adds the missing alt text, then checks again.
    const file = path.join(site, 'bygglov.html');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('<img src="ritning.png">',
      '<img src="ritning.png" alt="Ritning över tillbyggnaden">'));
    await Promise.all([page.waitForURL((u) => u.href !== resultUrl), page.click('text=Granska igen')]);
    const changes = await page.textContent('.changes');
    check(/1\s+åtgärdat/.test(changes), `check again shows what changed (${changes.replace(/\s+/g, ' ').slice(0, 120)})`);
    await axeClean(page, 'the result page with changes');

    // 5. An uploaded file, and pasted code.
    await page.goto(app + '/');
    await page.setInputFiles('#file', path.join(repo, 'fixtures', 'demo-site', 'kontakt.html'));
    await Promise.all([page.waitForURL(/\/r\//), page.click('text=Granska filen')]);
    check((await page.textContent('.meta')).includes('kontakt.html'), 'an uploaded file is checked under its name');
    check(!(await page.isVisible('text=Granska igen')), 'an upload offers no "check again"');
    await page.goto(app + '/');
    await page.fill('#html', '<!DOCTYPE html><html lang="sv"><title>Utkast</title><img src="a.png">');
    await Promise.all([page.waitForURL(/\/r\//), page.click('text=Granska koden')]);
    check((await page.textContent('h1')).includes('Utkast'), 'pasted code is checked');

    // 6. Refusals, each with a clear message next to the form.
    const refusals = [
      ['file:///etc/passwd', 'Bara adresser som börjar med http:// eller https:// kan granskas'],
      [`${origin}/_test/redirect?to=http://intern.test/`, 'omdirigerades till http://intern.test/: intern.test pekar på 10.0.0.5, en privat adress'],
      [`${origin}/_test/redirect?to=http://127.0.0.2:9/`, '127.0.0.2, en loopback-adress (den egna datorn), som granska inte får hämta från'],
      ['http://intern.test/', 'intern.test pekar på 10.0.0.5, en privat adress (ett internt nät), som granska inte får hämta från'],
      [`${origin}/_test/big?bytes=3000000`, 'svaret är större än gränsen på 1 MB'],
      ['https://example.com/', 'granska får bara hämta sidor från 127.0.0.1, 127.0.0.2, intern.test. example.com hör inte dit.'],
    ];
    for (const [url, message] of refusals) {
      await page.goto(app + '/');
      await page.fill('#url', url);
      await Promise.all([page.waitForLoadState(), page.click('text=Granska sidan')]);
      const text = (await page.textContent('#fel')) || '';
      check(text.includes(message), `refused: ${url}\n     ${text.replace(/\s+/g, ' ').trim()}`);
      check(await page.getAttribute('#url', 'aria-invalid') === 'true', `the field is marked invalid (${url})`);
    }
    await axeClean(page, 'the form with an error');
    await page.goto(app + '/finns-inte');
    await axeClean(page, 'the 404 page');

    // 7. English, on request and from the browser's language.
    await page.goto(resultUrl + '?lang=en');
    check((await page.textContent('h1')).startsWith('Check result'), '?lang=en gives English');
    await axeClean(page, 'the result page in English');
    const en = await browser.newContext({ locale: 'en-GB', bypassCSP: true });
    const enPage = await en.newPage();
    await enPage.goto(app + '/');
    check(await enPage.getAttribute('html', 'lang') === 'en', 'an English browser gets English');
    await axeClean(enPage, 'the form in English');
    await en.close();

    // 8. 320 px wide, and 200 % zoom (at 1280 px, a 640 CSS px viewport).
    for (const [width, height, name] of [[320, 640, '320 px'], [640, 400, '200 % zoom']]) {
      await page.setViewportSize({ width, height });
      await page.goto(app + '/');
      await fitsWidth(page, `the form at ${name}`);
      await page.goto(resultUrl);
      await fitsWidth(page, `the result at ${name}`);
    }
    await page.setViewportSize({ width: 1280, height: 800 });

    // 9. The keyboard only: skip link, the form, the result, each focus visible.
    const kb = await context.newPage();
    await kb.goto(app + '/');
    await kb.keyboard.press('Tab');
    check(await kb.evaluate(() => document.activeElement.textContent) === 'Hoppa till innehållet',
      'the first Tab reaches the skip link');
    let reached = false;
    for (let i = 0; i < 10 && !reached; i++) {
      await kb.keyboard.press('Tab');
      reached = await kb.evaluate(() => document.activeElement.id === 'url');
    }
    check(reached, 'Tab reaches the address field');
    const ring = await kb.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
    check(ring !== 'none', `the focused field shows a focus ring (${ring})`);
    await kb.keyboard.type(`${origin}/kontakt.html`);
    await Promise.all([kb.waitForURL(/\/r\//), kb.keyboard.press('Enter')]);
    check(/\/r\//.test(kb.url()), 'Enter in the field sends the form');
    const stops = [];
    for (let i = 0; i < 40; i++) {
      await kb.keyboard.press('Tab');
      const s = await kb.evaluate(() => {
        const e = document.activeElement;
        return { tag: e.tagName, text: (e.textContent || '').trim().slice(0, 40), outline: getComputedStyle(e).outlineStyle };
      });
      stops.push(s);
      if (s.tag === 'BODY') break;
    }
    check(stops.some((s) => s.tag === 'BUTTON' && s.text.startsWith('Granska igen')), 'Tab reaches "check again"');
    const hidden = stops.filter((s) => s.tag !== 'BODY' && s.outline === 'none');
    check(hidden.length === 0, `every focus stop shows a focus ring (${JSON.stringify(hidden)})`);
    await Promise.all([kb.waitForURL((u) => !u.href.endsWith('/igen')), (async () => {
      await kb.focus('text=Granska igen');
      await kb.keyboard.press('Enter');
    })()]);
    check(/\/r\//.test(kb.url()), 'the keyboard can check again');
    await kb.close();

    // 10. Under the app's Content-Security-Policy: the inline style is allowed by its hash,
    // nothing is blocked, and a script cannot run.
    const strict = await browser.newContext({ locale: 'sv-SE' });
    const sp = await strict.newPage();
    const cspErrors = [];
    sp.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) cspErrors.push(m.text()); });
    for (const url of [app + '/', resultUrl, app + '/finns-inte']) {
      await sp.goto(url);
      const border = await sp.evaluate(() => getComputedStyle(document.querySelector('header')).borderBottomWidth);
      check(border === '4px', `the page's own style applies under the policy (${url})`);
    }
    check(cspErrors.length === 0, `no Content-Security-Policy violations (${cspErrors.join('; ')})`);
    const blocked = await sp.evaluate(() => {
      try {
        const s = document.createElement('script');
        s.textContent = 'window.__ran = true';
        document.body.appendChild(s);
      } catch (e) { /* ignore */ }
      return window.__ran !== true;
    });
    check(blocked, 'an injected script does not run');
    await strict.close();
  } finally {
    await browser.close();
  }
}

main()
  .catch((e) => {
    failures++;
    console.log(`FAIL ${e.stack || e}`);
  })
  .finally(() => {
    for (const c of children) c.kill('SIGTERM');
    if (failures === 0) fs.rmSync(tmp, { recursive: true, force: true });
    else console.log(`(files kept in ${tmp})`);
    console.log(failures === 0 ? 'PASSED' : `${failures} FAILED`);
    process.exit(failures === 0 ? 0 : 1);
  });
