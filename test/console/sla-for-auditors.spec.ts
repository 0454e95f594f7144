import type { Page } from 'playwright-core';
import type { PersonRole } from '../../domain/roles';
import { drain, receiveComplaint, scheduler } from '../sla/sla-support';
import { consoleSuite } from './browser';

/**
 * Auditors read the service standard clocks (sla.read), not the workload of each person
 * (workload.read), and assign no case: the SLA dashboard shows them every list of clocks and the
 * weekly on-time rates, without the workload (not even asked for) or a Reassign column.
 */
describe('the console: the SLA dashboard as an auditor reads it', () => {
  jest.setTimeout(120_000);
  const suite = consoleSuite();
  let breached: string;
  let running: string;

  beforeAll(async () => {
    const reference = async (caseId: string) => (await suite.supervisor.get(`/cases/${caseId}`)).body.reference as string;
    // Received the week before and never acknowledged: a breach on the lists and in the weekly rates.
    const late = await receiveComplaint(suite.supervisor, '2026-02-23T09:00:00-05:00');
    await drain(scheduler(suite.running));
    // Received today: its acknowledgement runs, on the at-risk list.
    const today = await receiveComplaint(suite.supervisor, '2026-03-02T09:00:00-05:00');
    [breached, running] = [await reference(late), await reference(today)];
    await suite.supervisor.get(`/cases?minPosition=${await suite.running.store.headPosition()}`);
  });

  /** The dashboard, read by this person: the paths of the API it asked for, once its lists have loaded. */
  async function dashboard(role: PersonRole, subject: string): Promise<{ page: Page; asked: string[] }> {
    const page = await suite.browser.signedIn(role, subject);
    const asked: string[] = [];
    page.on('request', (request) => asked.push(new URL(request.url()).pathname));
    await page.goto(`${suite.running.baseUrl}/#/sla`);
    // The weekly rates are the last part the dashboard shows, or what refused it.
    await page.locator('#weeks, main p.error').first().waitFor();
    return { page, asked };
  }

  it.each([
    ['an auditor', 'auditor', 'auditor-1'],
    ['an RO auditor', 'roAuditor', 'ro-auditor-1'],
  ] as const)('shows %s the warned, breached and paused clocks and the weekly rates, without the workload', async (_who, role, subject) => {
    const { page, asked } = await dashboard(role, subject);
    try {
      for (const heading of ['Warned: running clocks with a warning', 'Breached clocks', 'Paused clocks', 'On-time rate by week']) {
        expect(await page.getByRole('heading', { name: heading, exact: true }).isVisible()).toBe(true);
      }
      expect(await page.getByRole('heading', { name: 'Workload per person' }).count()).toBe(0);
      expect(await page.locator('#workload').count()).toBe(0);
      expect(asked).not.toContain('/workload');
      expect(await page.locator('main .error').count()).toBe(0);
    } finally {
      await page.close();
    }
  });

  it('lists the auditor’s clocks with no Reassign column', async () => {
    const { page } = await dashboard('auditor', 'auditor-1');
    try {
      await page.locator('#breached-clocks tbody tr', { hasText: breached }).waitFor();
      // Its acknowledgement's clock, due first; its response's runs too.
      const row = page.locator('table.at-risk tbody tr', { hasText: running }).first();
      await row.waitFor();
      expect(await page.locator('table.at-risk thead th').allTextContents()).toEqual(['Due', 'Clock', 'Workflow', 'Region', 'Case']);
      expect(await row.locator('td').count()).toBe(5);
      expect(await page.locator('table.at-risk').getByRole('button').count()).toBe(0);
    } finally {
      await page.close();
    }
  });

  it('still shows a supervisor the workload and a Reassign button on each at-risk case', async () => {
    const { page, asked } = await dashboard('supervisor', 'supervisor-1');
    try {
      await page.locator('#workload tbody tr').first().waitFor();
      expect(asked).toContain('/workload');
      const row = page.locator('table.at-risk tbody tr', { hasText: running }).first();
      expect(await page.locator('table.at-risk thead th').last().textContent()).toBe('Reassign');
      await row.getByRole('button', { name: `Reassign case ${running}` }).click();
      await page.locator('.reassign form').first().waitFor();
    } finally {
      await page.close();
    }
  });
});
