// The case manager's journey through the real local stack in a real Chromium, with axe on every screen.
// Usage: BASE_URL=http://127.0.0.1:8080 CHROMIUM=/usr/bin/chromium SCREENSHOTS=shots RESULT=journey.json node e2e/journey.mjs
// Prints one line per step and ends with "N passed, N failed"; exits non-zero when anything failed.
import { chromium } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const base = process.env.BASE_URL ?? 'http://127.0.0.1:8080';
const screenshots = process.env.SCREENSHOTS;
const resultFile = process.env.RESULT;
const steps = [];
const accessibility = {};
const timings = {};
if (screenshots) mkdirSync(screenshots, { recursive: true });

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  // Headless, and Playwright gives every launch a fresh profile directory of its own.
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
});

async function step(name, action) {
  const started = Date.now();
  try {
    await action();
    steps.push({ name, ok: true, ms: Date.now() - started });
    console.log(`ok   ${name} (${Date.now() - started} ms)`);
  } catch (error) {
    steps.push({ name, ok: false, ms: Date.now() - started, error: String(error?.message ?? error).split('\n')[0] });
    console.log(`FAIL ${name}: ${String(error?.message ?? error).split('\n').slice(0, 3).join(' ')}`);
    // What every open page showed when the step failed, for whoever reads the report.
    if (process.env.FAILURES) {
      mkdirSync(process.env.FAILURES, { recursive: true });
      const pages = browser.contexts().flatMap((c) => c.pages());
      await Promise.all(pages.map((p, i) => p.screenshot({ path: join(process.env.FAILURES, `failure-${i}.png`) }).catch(() => {})));
    }
    throw error;
  }
}

/** Serious and critical WCAG 2.2 AA violations fail the screen. */
async function axe(page, screen) {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  accessibility[screen] = bad.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  if (bad.length) throw new Error(`axe on ${screen}: ${bad.map((v) => `${v.id} (${v.impact}) at ${v.nodes[0]?.target}`).join('; ')}`);
}

async function shot(page, name) {
  if (screenshots) await page.screenshot({ path: join(screenshots, `${name}.png`), fullPage: false });
}

async function signIn(context, username) {
  const page = await context.newPage();
  await page.goto(`${base}/`);
  await page.locator(`[data-username="${username}"]`).click();
  await page.getByTestId('signed-in-as').waitFor();
  return page;
}

/** The live stream keeps the network busy, so "settled" means: no loading state left on the page. */
async function settled(page) {
  await page.waitForFunction(() => !/Loading /.test(document.body.innerText));
}

function isoDate(daysFromToday) {
  return new Date(Date.now() + daysFromToday * 86_400_000).toISOString().slice(0, 10);
}

const desktop = { viewport: { width: 1280, height: 860 }, locale: 'en-GB', timezoneId: 'Europe/London' };
let failed = false;
try {
  const aliceContext = await browser.newContext(desktop);
  const alice = await aliceContext.newPage();
  let aisha = { id: '', reference: '' };
  let callumId = '';

  await step('sign-in page lists the demo users', async () => {
    await alice.goto(`${base}/`);
    await alice.locator('[data-username="alice"]').waitFor();
    await axe(alice, 'sign-in');
    await shot(alice, 'sign-in');
  });

  await step('keyboard: the skip link is the first stop and moves focus to the content', async () => {
    await alice.keyboard.press('Tab');
    const focused = await alice.evaluate(() => document.activeElement?.getAttribute('data-username') ?? document.activeElement?.textContent);
    if (!focused) throw new Error('nothing focusable on the sign-in page');
    await alice.keyboard.press('Enter'); // keyboard sign-in as the first user (alice)
    await alice.getByTestId('signed-in-as').waitFor();
    await alice.keyboard.press('Tab');
    const skip = await alice.evaluate(() => document.activeElement?.className ?? '');
    if (!String(skip).includes('skip-link')) throw new Error(`first Tab reached "${skip}", not the skip link`);
    const outline = await alice.evaluate(() => getComputedStyle(document.activeElement).outlineStyle + ' ' + document.activeElement.getBoundingClientRect().left);
    if (outline.startsWith('none') || outline.endsWith(' -10000')) throw new Error(`skip link not visibly focused: ${outline}`);
    await alice.keyboard.press('Enter');
    const main = await alice.evaluate(() => document.activeElement?.id);
    if (main !== 'main') throw new Error(`skip link moved focus to ${main}`);
  });

  await step('caseload shows alice’s clients with status as words', async () => {
    await alice.getByTestId('caseload-table').locator('tbody tr').nth(9).waitFor();
    const rows = await alice.getByTestId('caseload-table').locator('tbody tr').count();
    if (rows < 10) throw new Error(`only ${rows} clients`);
    const row = alice.getByTestId('caseload-table').locator('tbody tr', { hasText: 'Aisha Siddiqui' });
    aisha = {
      id: (await row.locator('a').getAttribute('href')).split('/').pop(),
      reference: (await row.locator('p').first().textContent()).trim(),
    };
    callumId = (await alice.getByRole('link', { name: 'Callum MacLeod' }).getAttribute('href')).split('/').pop();
    await alice.getByText('Open rupture').first().waitFor();
    await axe(alice, 'caseload');
    await shot(alice, 'caseload');
  });

  await step('caseload becomes interactive quickly after a reload', async () => {
    const runs = [];
    const waterfalls = [];
    for (let i = 0; i < 8; i++) {
      await alice.goto(`${base}/`, { waitUntil: 'commit' });
      await alice.getByTestId('caseload-table').locator('tbody tr').nth(9).waitFor();
      await alice.getByLabel('Search').fill('Siddiqui');
      await alice.getByText('Showing 1 of').waitFor();
      const interactive = await alice.evaluate(() => performance.now());
      runs.push(interactive);
      // Where the time went: when each request of the reload started and ended (ms from navigation start).
      waterfalls.push(await alice.evaluate((at) => [
        { what: 'document', start: 0, end: Math.round(performance.getEntriesByType('navigation')[0].responseEnd) },
        ...performance.getEntriesByType('resource').map((r) => ({
          what: new URL(r.name).pathname.replace(/[0-9a-f-]{36}/g, '{id}'), start: Math.round(r.startTime), end: Math.round(r.responseEnd),
          bytes: r.encodedBodySize, unpacked: r.decodedBodySize,
        })),
        { what: 'interactive', start: Math.round(at), end: Math.round(at) },
      ], interactive));
    }
    const warm = runs.slice(1).sort((a, b) => a - b);
    timings.caseloadFirstMs = Math.round(runs[0]);
    timings.caseloadMedianMs = Math.round(warm[Math.floor(warm.length / 2)]);
    timings.caseloadRunsMs = runs.map(Math.round);
    timings.caseloadMedianWaterfall = waterfalls[runs.indexOf(warm[Math.floor(warm.length / 2)])];
    await alice.getByLabel('Search').fill('');
  });

  await step('client record with profile, circle, consent, goals, timeline and alliance chart', async () => {
    const grace = alice.getByTestId('caseload-table').locator('tbody tr', { hasText: 'Open rupture' }).first().locator('a');
    await grace.click();
    await alice.getByRole('tab', { name: 'Profile' }).waitFor();
    await axe(alice, 'client-profile');
    for (const tab of ['Care circle', 'Consent', 'Goals', 'Timeline']) {
      await alice.getByRole('tab', { name: tab }).click();
      await alice.getByRole('tabpanel').waitFor();
      await settled(alice);
      await axe(alice, `client-${tab.toLowerCase().replace(' ', '-')}`);
    }
    await alice.getByRole('tab', { name: 'Alliance' }).click();
    await alice.getByText(/^Alliance with /).first().waitFor();
    await alice.waitForTimeout(400);
    await axe(alice, 'client-alliance');
  });

  const day = isoDate(Number(process.env.JOURNEY_DAY_OFFSET ?? -1)); // yesterday: its first session can be marked missed
  const book = async () => {
    await alice.getByRole('button', { name: 'Book a session' }).click();
    const dialog = alice.getByRole('dialog');
    await dialog.getByLabel('Client').fill('Callum');
    await alice.getByRole('option', { name: /Callum MacLeod/ }).click();
    await settled(alice);
    await dialog.getByLabel('Date').fill(day);
    await dialog.getByLabel('Start').fill('07:10');
    await dialog.getByLabel('End').fill('07:50');
    await dialog.getByLabel('Repeat').click();
    await alice.getByRole('option', { name: 'Every week' }).click();
    await dialog.getByRole('button', { name: 'Book' }).click();
  };

  await step('schedule a weekly series; the same slot again is explained as a double booking', async () => {
    await alice.goto(`${base}/diary?date=${day}`);
    await alice.locator('.fc-timegrid').waitFor();
    await axe(alice, 'diary');
    await book();
    await alice.getByRole('dialog').waitFor({ state: 'detached' });
    await alice.locator('.fc-event', { hasText: 'Callum MacLeod' }).filter({ hasText: '07:10' }).first().waitFor();
    await book();
    await alice.getByTestId('double-booking').waitFor();
    await alice.getByRole('dialog').getByText('Double booking').waitFor();
    await shot(alice, 'diary-double-booking');
    await alice.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
  });

  await step('record a DNA on the first occurrence', async () => {
    await alice.locator('.fc-event', { hasText: 'Callum MacLeod' }).filter({ hasText: '07:10' }).first().click();
    await alice.getByRole('dialog').getByRole('button', { name: 'Did not attend' }).click();
    await alice.getByRole('dialog').waitFor({ state: 'detached' });
    await alice.locator('.fc-event', { hasText: 'Did not attend: Callum MacLeod' }).first().waitFor();
    await shot(alice, 'diary');
  });

  // Theo, Aisha's therapist, has the app open in another browser.
  const theoContext = await browser.newContext(desktop);
  const theo = await signIn(theoContext, 'theo');
  let ruptureNotices = 0;
  await step('a second user has the inbox open with a live stream', async () => {
    await theo.goto(`${base}/notifications`);
    await theo.getByTestId('live-state').filter({ hasText: 'Live' }).waitFor();
    ruptureNotices = await theo.locator(`[data-event-type="rapport.alliance.rupture-detected.v1"]`, { hasText: aisha.reference }).count();
    await axe(theo, 'notifications');
  });

  let link = '';
  await step('feedback: in-session form and a one-time link for an Urdu-speaking client', async () => {
    await alice.goto(`${base}/clients/${aisha.id}/feedback`);
    await alice.getByRole('tab', { name: 'In session' }).waitFor();
    await alice.locator('.scale').first().waitFor();
    const dir = await alice.locator('form[dir]').first().getAttribute('dir');
    if (dir !== 'rtl') throw new Error(`in-session form is ${dir}, expected rtl`);
    await axe(alice, 'feedback-in-session');
    await shot(alice, 'feedback-in-session');
    // The rating is about Aisha's work with Theo, her therapist.
    await alice.getByRole('textbox', { name: 'About the work with' }).click();
    await alice.getByRole('option', { name: /Theo Lindqvist/ }).click();
    await alice.getByRole('tab', { name: 'Send a link' }).click();
    await alice.getByRole('button', { name: 'Create link' }).click();
    link = await alice.getByTestId('feedback-link-url').inputValue();
    if (!link.includes('/feedback/')) throw new Error(`unexpected link ${link}`);
  });

  const phoneContext = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
  await step('the client answers on a phone, in Urdu, right to left, with large targets', async () => {
    const phone = await phoneContext.newPage();
    await phone.goto(`${base}/feedback/${link.split('/feedback/')[1]}`);
    await phone.locator('.scale').first().waitFor();
    const html = await phone.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir }));
    if (html.lang !== 'ur' || html.dir !== 'rtl') throw new Error(`page is ${JSON.stringify(html)}`);
    const size = await phone.locator('.scale-option').first().boundingBox();
    if (size.height < 44 || size.width < 44) throw new Error(`touch target ${size.width}x${size.height}`);
    await axe(phone, 'feedback-link');
    await shot(phone, 'feedback-link-urdu');
    const scales = await phone.locator('.scale').count();
    for (let i = 0; i < scales; i++) await phone.locator('.scale').nth(i).locator('[data-value="1"]').tap();
    await phone.getByRole('button', { name: 'میرے جوابات بھیجیں' }).tap();
    await phone.getByTestId('feedback-thanks').waitFor();
    await shot(phone, 'feedback-link-thanks');
    // The link works once.
    await phone.reload();
    await phone.getByRole('alert').waitFor();
  });

  await step('the rupture appears live in the therapist’s notifications', async () => {
    const started = Date.now();
    await theo.locator(`[data-event-type="rapport.alliance.rupture-detected.v1"]`, { hasText: aisha.reference })
      .nth(ruptureNotices).waitFor({ timeout: 20_000 });
    timings.ruptureLiveMs = Date.now() - started;
    await theo.getByTestId('unread-badge').waitFor();
    await shot(theo, 'notifications');
  });

  await step('record a repair and see the episode move on', async () => {
    await alice.goto(`${base}/ruptures`);
    const card = alice.locator(`[data-testid="episode"][data-client="${aisha.id}"]`).first();
    await card.waitFor();
    await axe(alice, 'ruptures');
    await card.getByRole('button', { name: 'Acknowledge' }).click();
    await card.getByTestId('episode-state').filter({ hasText: 'Acknowledged' }).waitFor();
    await card.getByLabel(/What was tried/).fill('Talked through what felt rushed; agreed shorter sessions with an interpreter.');
    await card.getByRole('button', { name: 'Record repair' }).click();
    await card.getByTestId('episode-state').filter({ hasText: 'Repair recorded' }).waitFor();
    await shot(alice, 'ruptures');
    // Aisha's chart now has her rating below the cut-off, the rupture and the repair.
    await alice.goto(`${base}/clients/${aisha.id}`);
    await alice.getByRole('tab', { name: 'Alliance' }).click();
    await alice.getByText('Alliance with Theo Lindqvist').waitFor();
    await alice.waitForTimeout(500);
    await shot(alice, 'client-alliance');
  });

  await step('preferences and organisation screens pass axe', async () => {
    await theo.getByRole('tab', { name: 'Preferences' }).click();
    await theo.getByRole('button', { name: 'Save preferences' }).waitFor();
    await axe(theo, 'notification-preferences');
    const omarContext = await browser.newContext(desktop);
    const omar = await signIn(omarContext, 'omar');
    await omar.goto(`${base}/admin`);
    await omar.getByRole('heading', { name: /North/ }).waitFor();
    await axe(omar, 'admin-teams');
    await shot(omar, 'admin');
    await omar.getByRole('tab', { name: 'Webhooks' }).click();
    await omar.getByRole('button', { name: 'Subscribe' }).waitFor();
    await axe(omar, 'admin-webhooks');
  });
} catch {
  failed = true;
} finally {
  await browser.close();
}

const passed = steps.filter((s) => s.ok).length;
const failures = steps.length - passed;
if (resultFile) writeFileSync(resultFile, JSON.stringify({ passed: !failed && failures === 0, steps, accessibility, timings }, null, 2));
console.log(`timings ${JSON.stringify(timings)}`);
console.log(`${passed} passed, ${failures} failed`);
process.exit(failed || failures ? 1 : 0);
