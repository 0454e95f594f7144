import { complaintLabels as labels } from '../../workflows/complaint/labels';
import { receiveComplaint, run } from '../sla/sla-support';
import { chooseLanguage, consoleSuite, hasFocus } from './browser';

/**
 * The notice of a step recorded names the step and the state by the workflow's labels, set apart
 * from the sentence: a command's label is an imperative and a state's a name, and neither can be
 * made a word of a sentence that reads right whatever they are ("Withdraw recorded", "now in Withdrawn").
 */
describe('the console: the notice of a step recorded', () => {
  jest.setTimeout(180_000);
  const suite = consoleSuite();

  it.each([
    ['en', 'Step recorded: Withdraw the complaint. The case is now: Withdrawn.'],
    ['fr', 'Étape «\u00a0Retirer la plainte\u00a0» enregistrée. Le dossier est maintenant à l’état «\u00a0Retirée\u00a0».'],
  ] as const)('(%s) says the step and the state by their labels, in a sentence that reads right', async (language, said) => {
    const caseId = await receiveComplaint(suite.supervisor, '2026-03-02T08:00:00-05:00');
    await run(suite.supervisor, caseId, 'AssignHandler', { handlerId: 'practitioner-1' });
    const page = await suite.browser.signedIn('practitioner', 'practitioner-1');
    try {
      await chooseLanguage(page, language);
      await page.goto(`${suite.running.baseUrl}/#/cases/${caseId}`);
      const name = labels.commands['WithdrawComplaint']![language];
      await page.getByRole('button', { name, exact: true }).click();
      await page.getByRole('form', { name }).locator('button[type="submit"]').click();
      const notice = page.getByRole('status').filter({ hasText: said });
      await notice.waitFor();
      expect((await notice.textContent())!.trim()).toBe(said);
      expect(await hasFocus(notice)).toBe(true);
    } finally {
      await page.close();
    }
  });
});
