import { randomUUID } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { consoleRoot } from '../../src/console/console-root';
import { receiveComplaint, run } from '../sla/sla-support';
import type { HttpClient } from '../support/app';
import { caughtUpWith, waitForProjections } from '../support/projection-status';
import { axeViolations, chooseLanguage, consoleSuite, expectVisible, hasFocus } from './browser';

/** What the pages say of a paused clock, and of the one running beside it, in each language. */
const words = {
  en: {
    tile: 'Paused',
    title: 'Paused clocks',
    since: 'Paused since',
    clock: 'Response, level 1',
    region: 'Ontario',
    pausedOn: /^Mar\s2,\s2026,\s9:30\sa\.m\.\sEST\s\(≈\s3\sbusiness\sdays\)$/,
    paused: '(paused)',
    countdown: /\(≈\s\d+ business days\)/,
  },
  fr: {
    tile: 'Suspendus',
    title: 'Délais suspendus',
    since: 'Suspendu depuis le',
    clock: 'Réponse, palier 1',
    region: 'Ontario',
    pausedOn: /^2\smars\s2026,\s9\sh\s30\sHNE\s\(≈\s3\sjours\souvrables\)$/,
    paused: '(suspendu)',
    countdown: /\(≈\s\d+\sjours ouvrables\)/,
  },
} as const;

/** The complaints paused besides the one the pages are read for: more than one page of the dashboard's list (100). */
const MORE_PAUSED = 100;

/**
 * A clock someone paused and forgot stops for good: the supervisor's SLA dashboard counts the paused
 * clocks and lists each, and a case list says a paused clock is paused rather than count down to a
 * due time that moves when it resumes. And the console rebuilt while the server runs is served: its
 * new asset names are found, not 404s that leave the page blank.
 */
describe('the console: paused clocks, and a console rebuilt while the server runs', () => {
  jest.setTimeout(240_000);
  const suite = consoleSuite();
  let paused: string;
  let running: string;
  const reference: Record<string, string> = {};

  const acknowledged = async (supervisor: HttpClient, receivedAt: string, handlerId?: string): Promise<string> => {
    const caseId = await receiveComplaint(supervisor, receivedAt);
    if (handlerId) await run(supervisor, caseId, 'AssignHandler', { handlerId });
    // Acknowledged: the response clock is the case's only running clock, and its next due.
    await run(supervisor, caseId, 'AcknowledgeComplaint', { method: 'email' });
    return caseId;
  };

  beforeAll(async () => {
    const supervisor = suite.supervisor;
    // The others first, received the same Monday.
    for (let i = 0; i < MORE_PAUSED; i++) {
      const caseId = await acknowledged(supervisor, '2026-03-02T08:00:00-05:00');
      await run(supervisor, caseId, 'PauseClock', { clock: 'response-1', reason: 'Awaiting the complainant.' });
    }
    // Half an hour later: the two cases below are the cases lists' latest updates, on their first page.
    suite.running.clock.set('2026-03-02T14:30:00Z');
    // Received the Friday before: its response falls due first, at the top of the dashboard's list.
    paused = await acknowledged(supervisor, '2026-02-27T09:00:00-05:00', 'practitioner-1');
    running = await acknowledged(supervisor, '2026-03-02T08:30:00-05:00', 'practitioner-1');
    // Its practitioner pauses it while the complainant finds dates for a call, on Monday 2 March at 09:30 in Ottawa.
    const practitioner = await suite.running.as('practitioner', 'practitioner-1');
    await run(practitioner, paused, 'PauseClock', { clock: 'response-1', reason: 'Awaiting the dates the complainant is available for a call.' });
    // Thursday: paused three business days ago, and nobody resumed it.
    suite.running.clock.set('2026-03-05T15:00:00Z');
    await waitForProjections(supervisor, caughtUpWith(await suite.running.store.headPosition()));
    for (const caseId of [paused, running]) reference[caseId] = (await supervisor.get(`/cases/${caseId}`)).body.reference as string;
  }, 240_000);

  const rowOf = (page: Page, selector: string, caseId: string) =>
    page.locator(`${selector} tbody tr`).filter({ has: page.getByRole('link', { name: new RegExp(`${reference[caseId]!}(?!\\d)`) }) });

  it.each(['en', 'fr'] as const)('(%s) the SLA dashboard counts the paused clocks and lists each by its case, clock, pause and region, a page at a time', async (language) => {
    const page = await suite.browser.signedIn('supervisor', 'supervisor-1');
    try {
      await chooseLanguage(page, language);
      await page.goto(`${suite.running.baseUrl}/#/sla`);
      const w = words[language];
      const tile = page.getByTestId('total-paused');
      await tile.getByText(String(MORE_PAUSED + 1)).waitFor();
      expect(await page.locator('.tile', { has: tile }).locator('dt').textContent()).toBe(w.tile);
      // Beside the running ones in each group's counts.
      const complaints = page.locator('#by-workflow tbody tr').first();
      expect(await complaints.locator(`td[data-label="${w.tile}"]`).textContent()).toBe(String(MORE_PAUSED + 1));
      expect(await complaints.locator(`td[data-label="${language === 'fr' ? 'En cours' : 'Running'}"]`).textContent()).toBe('1');

      await expectVisible(page.getByRole('heading', { name: w.title, exact: true }));
      const list = page.locator('#paused-clocks');
      expect(await list.locator('thead th').first().textContent()).toBe(w.since);
      expect(await list.locator('tbody tr').count()).toBe(100);
      const row = rowOf(page, '#paused-clocks', paused);
      expect(await row.count()).toBe(1);
      expect(await list.locator('tbody tr').first().locator('a code').textContent()).toBe(reference[paused]);
      const cells = row.locator('td');
      expect(await cells.nth(0).textContent()).toMatch(w.pausedOn);
      expect(await cells.nth(1).textContent()).toBe(w.clock);
      expect(await cells.nth(3).textContent()).toBe(w.region);
      // The running clock is at risk, not paused.
      expect(await rowOf(page, '#paused-clocks', running).count()).toBe(0);
      expect(await axeViolations(page)).toEqual([]);

      // The 101st, on the next page: the same "Show more" as the other lists, the focus on the first row it adds.
      const section = page.locator('section[aria-labelledby="paused-title"]');
      await section.locator('button.secondary').click();
      await list.locator('tbody tr').nth(100).waitFor();
      expect(await list.locator('tbody tr').count()).toBe(MORE_PAUSED + 1);
      expect(await hasFocus(list.locator('tbody tr').nth(100))).toBe(true);
      expect(await section.locator('button.secondary').count()).toBe(0);
    } finally {
      await page.close();
    }
  });

  it.each([
    ['en', 'supervisor', 'supervisor-1'],
    ['fr', 'supervisor', 'supervisor-1'],
    ['en', 'practitioner', 'practitioner-1'],
    ['fr', 'practitioner', 'practitioner-1'],
  ] as const)('(%s) the cases table says a paused clock is paused, not time left, to a %s', async (language, role, subject) => {
    const page = await suite.browser.signedIn(role, subject);
    try {
      await chooseLanguage(page, language);
      await page.goto(`${suite.running.baseUrl}/#/cases`);
      const w = words[language];
      const nextDue = (caseId: string) => rowOf(page, 'table.cases', caseId).locator('td').last();
      await nextDue(paused).getByText(w.paused, { exact: true }).waitFor();
      expect(await nextDue(paused).textContent()).not.toMatch(w.countdown);
      // The case beside it counts down as before.
      await nextDue(running).locator('.hint').waitFor();
      expect(await nextDue(running).textContent()).toMatch(w.countdown);
      expect(await nextDue(running).textContent()).not.toContain(w.paused);
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('serves an asset built after the server started, cached for good, and any other path as the API’s 404', async () => {
    const assets = join(consoleRoot()!, 'assets');
    const name = `rebuilt-${randomUUID()}`;
    const script = join(assets, `${name}.js`);
    const style = join(assets, `${name}.css`);
    try {
      // As `npm run build:console` writes them while the server runs: names no route knew at start.
      writeFileSync(script, 'export const rebuilt = true;\n');
      writeFileSync(style, 'body { color: #000; }\n');
      for (const [path, type, content] of [
        [`/assets/${name}.js`, /^(text|application)\/javascript/, 'export const rebuilt = true;\n'],
        [`/assets/${name}.css`, /^text\/css/, 'body { color: #000; }\n'],
      ] as const) {
        const served = await fetch(`${suite.running.baseUrl}${path}`);
        expect([path, served.status]).toEqual([path, 200]);
        expect(served.headers.get('content-type')).toMatch(type);
        expect(served.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
        expect(await served.text()).toBe(content);
      }
    } finally {
      rmSync(script, { force: true });
      rmSync(style, { force: true });
    }
    // Gone once removed; a name no build gave and the directory itself are the API's own 404 (nothing is listed), as is any other unknown path.
    for (const path of [`/assets/${name}.js`, '/assets/no-such-asset-0000.js', '/assets/', '/no-such-route']) {
      const missing = await fetch(`${suite.running.baseUrl}${path}`);
      expect([path, missing.status, missing.headers.get('content-type')]).toEqual([path, 404, 'application/json; charset=utf-8']);
      expect(await missing.json()).toMatchObject({ code: 'ROUTE.NOT_FOUND' });
    }
    // The page that names the assets is never cached; the assets built with it are.
    const page = await fetch(`${suite.running.baseUrl}/`);
    expect(page.headers.get('cache-control')).toBe('no-cache');
    const built = /src="\/assets\/([^"]+\.js)"/.exec(await page.text())?.[1];
    expect(built).toBeDefined();
    expect((await fetch(`${suite.running.baseUrl}/assets/${built!}`)).headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });
});
