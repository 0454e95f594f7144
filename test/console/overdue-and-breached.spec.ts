import { drain, receiveComplaint, run, scheduler } from '../sla/sla-support';
import { chooseLanguage, consoleSuite } from './browser';

const words = {
  en: { overdue: 'overdue', breached: 'breached', hint: /^Overdue: running past its due time, the breach not recorded yet/ },
  fr: { overdue: 'en retard', breached: 'délai dépassé', hint: /^En retard\u00a0: en cours après son échéance, le dépassement pas encore enregistré/ },
} as const;

/**
 * One word per state of a clock past its due time, as the API's SLA vocabulary has it: "overdue"
 * while it runs past its due time with no breach recorded yet, "breached" once the breach is
 * recorded; the practitioner's caseload and the supervisor's dashboard say the same thing of the same clock.
 */
describe('the console: overdue and breached', () => {
  jest.setTimeout(180_000);
  const suite = consoleSuite();
  let breached: string;
  let overdue: string;

  beforeAll(async () => {
    const reference = async (caseId: string) => (await suite.supervisor.get(`/cases/${caseId}`)).body.reference as string;
    const breachedCase = await receiveComplaint(suite.supervisor, '2026-03-02T09:00:00-05:00');
    await run(suite.supervisor, breachedCase, 'AssignHandler', { handlerId: 'practitioner-1' });
    // Wednesday 17:00 has passed with no acknowledgement: the scheduler records the breach.
    suite.running.clock.set('2026-03-04T23:00:00Z');
    await drain(scheduler(suite.running));
    const overdueCase = await receiveComplaint(suite.supervisor, '2026-03-04T17:30:00-05:00');
    await run(suite.supervisor, overdueCase, 'AssignHandler', { handlerId: 'practitioner-1' });
    // Past this one's due time too, before the scheduler's next sweep: overdue, no breach recorded.
    suite.running.clock.set('2026-03-10T15:00:00Z');
    [breached, overdue] = [await reference(breachedCase), await reference(overdueCase)];
  });

  it.each(['en', 'fr'] as const)('(%s) the caseload calls a breached clock breached and an unswept one overdue, as the dashboard counts them', async (language) => {
    const page = await suite.browser.signedIn('practitioner', 'practitioner-1');
    try {
      await chooseLanguage(page, language);
      const row = (reference: string) => page.locator('table.inbox tbody tr').filter({ has: page.getByRole('link', { name: new RegExp(reference) }) });
      await row(breached).waitFor();
      expect(await row(breached).locator('strong.late').textContent()).toBe(words[language].breached);
      expect(await row(overdue).locator('strong.late').textContent()).toBe(words[language].overdue);
    } finally {
      await page.close();
    }

    const dashboard = await suite.browser.signedIn('supervisor', 'supervisor-1');
    try {
      await chooseLanguage(dashboard, language);
      await dashboard.getByTestId('total-breached').getByText('1').waitFor();
      expect(await dashboard.getByTestId('total-overdue').textContent()).toBe('1');
      expect(await dashboard.getByTestId('sla-totals').locator('xpath=following-sibling::p[1]').textContent()).toMatch(words[language].hint);
    } finally {
      await dashboard.close();
    }
  });
});
