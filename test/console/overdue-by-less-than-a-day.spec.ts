import type { Locator } from 'playwright-core';
import { receiveComplaint } from '../sla/sla-support';
import { chooseLanguage, consoleSuite } from './browser';

const words = {
  en: { lessThanADay: 'less than a business day overdue', twoDaysOverdue: '≈\u00a02 business days overdue', twoDaysLeft: '≈\u00a02 business days' },
  fr: { lessThanADay: 'en retard de moins d’un jour ouvrable', twoDaysOverdue: 'en retard d’environ 2\u00a0jours ouvrables', twoDaysLeft: '≈\u00a02\u00a0jours ouvrables' },
} as const;

/**
 * A due time that has passed reads as overdue, however little business time has gone by since: a
 * clock that ran out at 17:00 today, or on Friday at 17:00 seen on the weekend, is overdue by less
 * than a business day, not "≈ 0 business days" left. The Cases page and the SLA dashboard's at-risk
 * list say it alike.
 */
describe('the console: a due time passed by less than a business day', () => {
  jest.setTimeout(180_000);
  const suite = consoleSuite();
  // Acknowledgements due on Wednesday 4 March at 17:00 and on Friday 6 March at 17:00, in Ontario.
  let wednesday: string;
  let friday: string;

  beforeAll(async () => {
    const reference = async (caseId: string) => (await suite.supervisor.get(`/cases/${caseId}`)).body.reference as string;
    const first = await receiveComplaint(suite.supervisor, '2026-03-02T09:00:00-05:00');
    suite.running.clock.set('2026-03-04T14:30:00Z');
    const second = await receiveComplaint(suite.supervisor, '2026-03-04T09:00:00-05:00');
    [wednesday, friday] = [await reference(first), await reference(second)];
    await suite.supervisor.get(`/cases?minPosition=${await suite.running.store.headPosition()}`);
  });

  /** What a row says of the time left before its due time, without the parentheses around it. */
  const timeLeft = async (cell: Locator) => (await cell.locator('.hint').textContent())?.trim().replace(/^\((.*)\)$/, '$1');

  it.each([
    // 22:00 on Wednesday: the first ran out five hours ago; Thursday and Friday are left to the second.
    ['en', 'on Wednesday evening', '2026-03-05T03:00:00Z', 'lessThanADay', 'twoDaysLeft'],
    ['fr', 'on Wednesday evening', '2026-03-05T03:00:00Z', 'lessThanADay', 'twoDaysLeft'],
    // Sunday afternoon: no business day has begun since Friday 17:00; Thursday and Friday since Wednesday's.
    ['en', 'on Sunday', '2026-03-08T17:00:00Z', 'twoDaysOverdue', 'lessThanADay'],
    ['fr', 'on Sunday', '2026-03-08T17:00:00Z', 'twoDaysOverdue', 'lessThanADay'],
  ] as const)('(%s) %s, the Cases page and the at-risk list say how long each clock is overdue or has left', async (language, _when, now, first, second) => {
    // The scheduler is off: the clocks still run past their due times, no breach recorded.
    suite.running.clock.set(now);
    const page = await suite.browser.signedIn('supervisor', 'supervisor-1');
    try {
      await chooseLanguage(page, language);
      await page.goto(`${suite.running.baseUrl}/#/cases`);
      const caseRow = (reference: string) => page.locator('table.cases tbody tr').filter({ has: page.getByRole('link', { name: new RegExp(`^${reference}`) }) });
      await caseRow(friday).waitFor();
      expect(await timeLeft(caseRow(wednesday).locator('td').last())).toBe(words[language][first]);
      expect(await timeLeft(caseRow(friday).locator('td').last())).toBe(words[language][second]);

      await page.goto(`${suite.running.baseUrl}/#/sla`);
      // Each complaint's acknowledgement, due before its response.
      const atRisk = (reference: string) => page.locator('table.at-risk tbody tr', { hasText: reference }).first();
      await atRisk(friday).waitFor();
      expect(await timeLeft(atRisk(wednesday).locator('td').first())).toBe(words[language][first]);
      expect(await timeLeft(atRisk(friday).locator('td').first())).toBe(words[language][second]);
    } finally {
      await page.close();
    }
  });
});
