import type { Page } from 'playwright-core';
import { complaintLabels } from '../../workflows/complaint/labels';
import { nextLevelContact, receiveComplaint, run } from '../sla/sla-support';
import { chooseLanguage, consoleSuite, expectVisible } from './browser';

/** The commands the page sends while `act` runs, by path. */
async function commandsSent(page: Page, act: () => Promise<void>): Promise<string[]> {
  const sent: string[] = [];
  const listen = (request: { method(): string; url(): string }) => {
    if (request.method() === 'POST' && request.url().includes('/commands/')) sent.push(new URL(request.url()).pathname);
  };
  page.on('request', listen);
  try {
    await act();
  } finally {
    page.off('request', listen);
  }
  return sent;
}

/**
 * A field a command's schema leaves optional, that the case's state requires (the case view's
 * `requiredNow`) or refuses (`refusedNow`): a complaint's response names who it can be elevated to
 * below the last level of review, and no one at the last. The form asks for it as required, and
 * says it is missing before anything is sent; or does not offer it.
 */
describe('the console’s forms ask for what the case’s state requires', () => {
  jest.setTimeout(180_000);
  const suite = consoleSuite();
  const respondIn = (language: 'en' | 'fr') => complaintLabels.commands['Respond']![language];

  const revisionOf = async (caseId: string) => (await suite.supervisor.get(`/cases/${caseId}?minPosition=${await suite.running.store.headPosition()}`)).body.revision as number;

  it.each(['en', 'fr'] as const)('(%s) marks the next level as required at level 1, and refuses the response without it before sending it', async (language) => {
    const caseId = await receiveComplaint(suite.supervisor, '2026-03-02T09:00:00-05:00');
    await run(suite.supervisor, caseId, 'AcknowledgeComplaint', { method: 'email' });
    await run(suite.supervisor, caseId, 'AssignHandler', { handlerId: 'practitioner-1' });
    const revision = await revisionOf(caseId);
    const page = await suite.browser.signedIn('practitioner', 'practitioner-1');
    try {
      await chooseLanguage(page, language);
      await page.goto(`${suite.running.baseUrl}/#/cases/${caseId}`);
      await page.getByRole('button', { name: respondIn(language), exact: true }).click();
      const form = page.getByRole('form', { name: respondIn(language) });
      const group = form.locator('fieldset#cmd-Respond-nextLevel');
      await expectVisible(group);
      const [optional, required] = language === 'fr' ? ['(facultatif)', '(obligatoire)'] : ['(optional)', '(required)'];
      expect(await group.locator('legend').textContent()).toBe(complaintLabels.fields['nextLevel']![language]);
      expect(await form.locator('label[for="cmd-Respond-nextLevel_name"] .label-text').textContent()).toContain(required);
      expect(await form.locator('label[for="cmd-Respond-nextLevel_contact"] .label-text').textContent()).toContain(required);
      expect(await form.textContent()).not.toContain(`${complaintLabels.fields['nextLevel']![language]} ${optional}`);

      await form.locator('#cmd-Respond-response').fill(language === 'fr' ? 'Nous avons reporté votre rencontre.' : 'We rebooked your meeting.');
      const sent = await commandsSent(page, async () => {
        await form.getByRole('button', { name: respondIn(language) }).click();
        // Said beside the group and in the summary, which takes the focus, as a field the API finds missing is.
        await expectVisible(form.locator('#cmd-Respond-nextLevel-error'));
        await page.locator('.error-summary:focus').waitFor();
      });
      const missing = language === 'fr' ? 'est obligatoire' : 'is required';
      expect(await form.locator('#cmd-Respond-nextLevel-error').textContent()).toBe(missing);
      expect(await page.locator('.error-summary li a').first().textContent()).toBe(`${complaintLabels.fields['nextLevel']![language]}${language === 'fr' ? '\u00a0: ' : ': '}${missing}`);
      expect(sent).toEqual([]);
      expect(await revisionOf(caseId)).toBe(revision);

      // Filled in, it is sent and recorded.
      await form.locator('#cmd-Respond-nextLevel_name').fill(nextLevelContact.name);
      await form.locator('#cmd-Respond-nextLevel_contact').fill(nextLevelContact.contact);
      await form.getByRole('button', { name: respondIn(language) }).click();
      await page.getByTestId('case-state').filter({ hasText: complaintLabels.states['responded']![language] }).waitFor();
      expect(await revisionOf(caseId)).toBeGreaterThan(revision);
    } finally {
      await page.close();
    }
  });

  it('does not offer the next level at the last level of review, where the response names no one', async () => {
    const caseId = await receiveComplaint(suite.supervisor, '2026-03-02T09:00:00-05:00');
    await run(suite.supervisor, caseId, 'AcknowledgeComplaint', { method: 'email' });
    for (const [level, handler] of [[1, 'practitioner-1'], [2, 'practitioner-2']] as const) {
      await run(suite.supervisor, caseId, 'AssignHandler', { handlerId: handler });
      await run(await suite.running.as('practitioner', handler), caseId, 'Respond', { response: `Answered at level ${level}.`, nextLevel: nextLevelContact });
      await run(suite.supervisor, caseId, 'RequestReview', {});
    }
    await run(suite.supervisor, caseId, 'AssignHandler', { handlerId: 'practitioner-3' });
    const page = await suite.browser.signedIn('practitioner', 'practitioner-3');
    try {
      await chooseLanguage(page, 'en');
      await page.goto(`${suite.running.baseUrl}/#/cases/${caseId}`);
      await page.getByRole('button', { name: respondIn('en'), exact: true }).click();
      const form = page.getByRole('form', { name: respondIn('en') });
      await expectVisible(form.locator('#cmd-Respond-response'));
      expect(await form.locator('#cmd-Respond-nextLevel, [id^="cmd-Respond-nextLevel_"]').count()).toBe(0);
      await form.locator('#cmd-Respond-response').fill('The decision at level 2 stands.');
      await form.getByRole('button', { name: respondIn('en') }).click();
      await page.getByTestId('case-state').filter({ hasText: complaintLabels.states['responded']!.en }).waitFor();
    } finally {
      await page.close();
    }
  });
});
