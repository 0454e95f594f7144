import { complaintLabels as labels } from '../../workflows/complaint/labels';
import { systemClock } from '../../src/clock/clock';
import { startApp } from '../support/app';
import { workflowDefinitions } from '../../workflows/registry';
import { chooseLanguage, consoleSuite, expectVisible } from './browser';

/**
 * A drill or a demo runs Mend on a clock of its own (MEND_CLOCK_START), months away from the
 * browser's. The console counted time left and filled in "now" from the browser's clock: every
 * clock read as overdue by months, and a step sent "now" was refused as in the future. Every answer
 * now says the service's time (`Mend-Clock`), and the console counts from it.
 */
describe('the console on a service clock of its own', () => {
  jest.setTimeout(120_000);
  const suite = consoleSuite();

  it('says the service’s now in Mend-Clock, and only when it is not the system clock', async () => {
    const read = await suite.supervisor.get('/cases?limit=1');
    expect(read.headers.get('mend-clock')).toBe(suite.running.clock.now().toISOString());
    const real = await startApp({ clock: systemClock });
    try {
      const answer = await (await real.as('supervisor')).get('/cases?limit=1');
      expect(answer.status).toBe(200);
      expect(answer.headers.get('mend-clock')).toBeNull();
    } finally {
      await real.close();
    }
  });

  it.each(['en', 'fr'] as const)('(%s) counts time left from the service’s now, and fills in its now, not the browser’s', async (language) => {
    const example = workflowDefinitions.find((d) => d.name === 'complaint')!.commands.find((c) => c.type === 'ReceiveComplaint')!.example;
    // Received at 08:30 in Ottawa, before the app's now (09:00): its acknowledgement is due two business days later.
    const opened = await suite.supervisor.post('/cases', { workflow: 'complaint', command: 'ReceiveComplaint', data: { ...example, receivedAt: '2026-03-02T08:30:00-05:00' } });
    expect(opened.status).toBe(201);
    const caseId = opened.body.caseId as string;
    const page = await suite.browser.signedIn('supervisor', 'supervisor-1', { ownClock: true });
    try {
      expect(await page.evaluate<number>('Date.now()')).toBeGreaterThan(suite.running.clock.now().getTime() + 30 * 86_400_000);
      await chooseLanguage(page, language);
      await page.goto(`${suite.running.baseUrl}/#/cases/${caseId}`);
      const acknowledgement = page.locator('table.clocks tbody tr').first();
      await acknowledgement.waitFor();
      const left = (await acknowledgement.locator('td').last().textContent())!;
      expect(left).toMatch(language === 'fr' ? /^≈\s2\sjours ouvrables$/ : /^≈\s2 business days$/);

      const name = labels.commands['AcknowledgeComplaint']![language];
      await page.getByRole('button', { name, exact: true }).click();
      const form = page.getByRole('form', { name });
      await form.getByRole('button', { name: language === 'fr' ? 'Maintenant' : 'Now', exact: true }).click();
      // 14:00 UTC is 09:00 in Ottawa, where the browser is.
      expect(await form.locator('#cmd-AcknowledgeComplaint-acknowledgedAt').inputValue()).toBe('2026-03-02T09:00');
      await form.getByRole('button', { name }).click();
      await expectVisible(page.locator('.notice[role="status"]'));
    } finally {
      await page.close();
    }
  });
});
