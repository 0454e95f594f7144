import type { Page } from 'playwright-core';
import { complaintLabels } from '../../workflows/complaint/labels';
import { drain, receiveComplaint, scheduler } from '../sla/sla-support';
import { chooseLanguage, consoleSuite, hasFocus } from './browser';

/**
 * The SLA dashboard takes in live alerts without losing the supervisor's place: a reassignment being
 * filled in and the focus stay, the first alert is announced in the page's language, and at 320 px
 * or at 200 % zoom its tables fold rather than scroll the page sideways.
 */
describe('the console: the SLA dashboard as alerts arrive', () => {
  jest.setTimeout(180_000);
  const suite = consoleSuite();
  let running: string;

  beforeAll(async () => {
    // Received this morning and handled by no one: its acknowledgement runs, on the at-risk list, and it counts as unassigned work.
    const today = await receiveComplaint(suite.supervisor, '2026-03-02T09:00:00-05:00');
    running = (await suite.supervisor.get(`/cases/${today}`)).body.reference as string;
    // Breached in the region of the longest name: the widest rows of the lists of clocks.
    await receiveComplaint(suite.supervisor, '2026-02-23T09:00:00-05:00', 'NL');
    await drain(scheduler(suite.running));
  });

  /** A complaint received the week before and never acknowledged, which the scheduler finds breached: an alert on every open dashboard. */
  async function breach(): Promise<void> {
    await receiveComplaint(suite.supervisor, '2026-02-23T09:00:00-05:00');
    await drain(scheduler(suite.running));
  }

  async function dashboard(language: 'en' | 'fr'): Promise<Page> {
    const page = await suite.browser.signedIn('supervisor', 'supervisor-1');
    await chooseLanguage(page, language);
    await page.goto(`${suite.running.baseUrl}/#/sla`);
    await page.locator('table.at-risk tbody tr', { hasText: running }).first().waitFor();
    await page.locator('.stream-live').waitFor();
    return page;
  }

  it('keeps a reassignment being filled in, and the focus in it, when an alert comes and the lists are read again', async () => {
    const page = await dashboard('en');
    try {
      await page.getByRole('button', { name: `Reassign case ${running}` }).first().click();
      const handler = page.getByRole('form', { name: 'Assign a handler' }).getByLabel(/^Handler/);
      await handler.fill('practitioner-2');
      expect(await hasFocus(handler)).toBe(true);
      const breached = Number(await page.getByTestId('total-breached').textContent());

      await breach();
      await page.getByTestId('live-alerts').locator('li.breach').first().waitFor();
      // The counts are read again: the board has taken the alert in.
      await page.getByTestId('total-breached').getByText(String(breached + 1), { exact: true }).waitFor();
      await page.locator('#breached-clocks tbody tr').first().waitFor();
      expect(await handler.inputValue()).toBe('practitioner-2');
      expect(await hasFocus(handler)).toBe(true);
    } finally {
      await page.close();
    }
  });

  it('(fr) holds its live region from the start, and names the clock and the workflow of the first alert in French', async () => {
    const page = await dashboard('fr');
    try {
      const live = page.locator('.alerts [aria-live="polite"]');
      await live.getByText('Aucun depuis l’ouverture de cette page.').waitFor();
      // Every text the region shows, from now on: the first alert must not show English names, even for a moment.
      await page.evaluate(`(() => {
        const region = document.querySelector('.alerts [aria-live="polite"]');
        window.shownAlerts = [];
        window.liveRegion = region;
        new MutationObserver(() => window.shownAlerts.push(region.textContent)).observe(region, { subtree: true, childList: true, characterData: true });
      })()`);

      await breach();
      const first = live.locator('li.breach').first();
      await first.waitFor();
      const clock = 'Accusé de réception';
      expect(await first.textContent()).toMatch(new RegExp(`^Délai dépassé\u00a0: ${clock}, ${complaintLabels.title.fr}, Ontario`));
      // The same region as before the alert, not one added with it (which screen readers would not announce).
      expect(await page.evaluate<boolean>(`window.liveRegion === document.querySelector('.alerts [aria-live="polite"]')`)).toBe(true);
      const shown = await page.evaluate<string[]>('window.shownAlerts');
      expect(shown.filter((text) => text.includes('Délai dépassé') && /Acknowledgement|Complaint/.test(text))).toEqual([]);
    } finally {
      await chooseLanguage(page, 'en');
      await page.close();
    }
  });

  it.each([
    [320, 'en'],
    [320, 'fr'],
    [641, 'en'],
    [641, 'fr'],
    [700, 'en'],
    [700, 'fr'],
  ] as const)('at %i px wide (%s), folds the lists of clocks and the workload per person rather than scroll the page sideways', async (width, language) => {
    const page = await dashboard(language);
    try {
      await page.setViewportSize({ width, height: 800 });
      await page.locator('#workload tbody tr').first().waitFor();
      await page.locator('#breached-clocks tbody tr').first().waitFor();
      expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(width);
      // Each cell a line as wide as the page, named by its column: none a column a letter or two wide.
      for (const table of ['table.at-risk', '#breached-clocks', '#workload']) {
        const cells = await page.evaluate<{ width: number; right: number }[]>(
          `[...document.querySelector('${table} tbody tr').querySelectorAll('td')].map((td) => ({ width: td.getBoundingClientRect().width, right: td.getBoundingClientRect().right }))`,
        );
        expect({ table, narrower: cells.filter((cell) => cell.width < width / 2).length, outside: cells.filter((cell) => cell.right > width).length }).toEqual({ table, narrower: 0, outside: 0 });
      }
      // And no region scrolls on its own, which would need a tab stop and a name.
      expect(
        await page.evaluate<string[]>(
          `[...document.querySelectorAll('main *')].filter((e) => e.scrollWidth > e.clientWidth + 1 && ['auto', 'scroll'].includes(getComputedStyle(e).overflowX)).map((e) => e.tagName + '.' + e.className)`,
        ),
      ).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
