import type { Page } from 'playwright-core';
import { complaintLabels } from '../../workflows/complaint/labels';
import { receiveComplaint, run } from '../sla/sla-support';
import { chooseLanguage, consoleSuite, documentLanguage } from './browser';

/** The element that has the focus: its tag, its class and its text. */
const focused = (page: Page) =>
  page.evaluate<{ tag: string; className: string; text: string }>(
    `(() => { const e = document.activeElement; return { tag: e.tagName, className: e.className, text: (e.textContent ?? '').trim() }; })()`,
  );

/**
 * Keyboard and screen reader users keep their place: once a step is recorded they continue from the
 * notice that says so, and a change of language keeps what they were typing.
 */
describe('the console keeps a person’s place', () => {
  jest.setTimeout(180_000);
  const suite = consoleSuite();

  async function assignedComplaint(): Promise<string> {
    const caseId = await receiveComplaint(suite.supervisor, '2026-03-02T09:00:00-05:00');
    await run(suite.supervisor, caseId, 'AssignHandler', { handlerId: 'practitioner-1' });
    return caseId;
  }

  it.each(['en', 'fr'] as const)('(%s) takes the focus to the notice once a step is recorded, not to the page’s body', async (language) => {
    const caseId = await assignedComplaint();
    const page = await suite.browser.signedIn('practitioner', 'practitioner-1');
    try {
      await chooseLanguage(page, language);
      await page.goto(`${suite.running.baseUrl}/#/cases/${caseId}`);
      const acknowledge = complaintLabels.commands['AcknowledgeComplaint']![language];
      await page.getByRole('button', { name: acknowledge, exact: true }).click();
      const form = page.getByRole('form', { name: acknowledge });
      await form.locator('#cmd-AcknowledgeComplaint-method').selectOption('email');
      // With the keyboard, as the person would: Enter on the form's button.
      await form.getByRole('button', { name: acknowledge }).focus();
      await page.keyboard.press('Enter');
      const notice = page.locator('p.notice[role="status"]');
      await notice.waitFor();
      await page.locator('p.notice:focus').waitFor();
      // The page has read the case again meanwhile: the focus stays where it went.
      await page.getByTestId('case-state').filter({ hasText: complaintLabels.states['underReview']![language] }).waitFor();
      expect(await focused(page)).toMatchObject({ tag: 'P', className: 'notice', text: await notice.textContent() });
      expect(await notice.textContent()).toContain(acknowledge);
    } finally {
      await page.close();
    }
  });

  it('keeps what was typed in a new case’s form when the language is switched, and back', async () => {
    const page = await suite.browser.signedIn('supervisor', 'supervisor-1');
    try {
      await chooseLanguage(page, 'en');
      await page.goto(`${suite.running.baseUrl}/#/open/complaint`);
      const form = page.locator('form.command');
      await form.locator('#cmd-ReceiveComplaint-complainant_name').fill('Robin Tremblay');
      await form.locator('#cmd-ReceiveComplaint-text').fill('My meeting was cancelled twice.');
      await form.locator('#cmd-ReceiveComplaint-channel').selectOption('mail');
      await form.locator('#cmd-ReceiveComplaint-receivedAt').fill('2026-03-02T08:30');

      await page.getByRole('button', { name: 'Français' }).click();
      await page.getByRole('heading', { name: 'Ouvrir un dossier', level: 2 }).waitFor();
      expect(await documentLanguage(page)).toBe('fr-CA');
      // The form speaks French now…
      await page.locator('label[for="cmd-ReceiveComplaint-channel"] .label-text', { hasText: complaintLabels.fields['channel']!.fr }).waitFor();
      // …and still holds every answer.
      expect(await form.locator('#cmd-ReceiveComplaint-complainant_name').inputValue()).toBe('Robin Tremblay');
      expect(await form.locator('#cmd-ReceiveComplaint-text').inputValue()).toBe('My meeting was cancelled twice.');
      expect(await form.locator('#cmd-ReceiveComplaint-channel').inputValue()).toBe('mail');
      expect(await form.locator('#cmd-ReceiveComplaint-receivedAt').inputValue()).toBe('2026-03-02T08:30');

      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('heading', { name: 'Open a case', level: 2 }).waitFor();
      expect(await form.locator('#cmd-ReceiveComplaint-complainant_name').inputValue()).toBe('Robin Tremblay');
    } finally {
      await page.close();
    }
  });

  it('keeps a step’s form open with what was typed, and the refusal marked in the language it was said in, when the language is switched on a case page', async () => {
    const caseId = await assignedComplaint();
    await run(suite.supervisor, caseId, 'AcknowledgeComplaint', { method: 'email' });
    const page = await suite.browser.signedIn('practitioner', 'practitioner-1');
    try {
      await chooseLanguage(page, 'fr');
      await page.goto(`${suite.running.baseUrl}/#/cases/${caseId}`);
      await page.getByRole('button', { name: complaintLabels.commands['Respond']!.fr, exact: true }).click();
      // Sent empty: the API's refusal, in French; then the person starts typing.
      await page.locator('form.command button[type="submit"]').click();
      await page.locator('.error-summary li').first().waitFor();
      const refusal = (await page.locator('.field-error').first().textContent())!;
      await page.locator('#cmd-Respond-response').fill('Nous avons reporté votre rencontre.');

      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('heading', { name: 'Next steps' }).waitFor();
      const form = page.getByRole('form', { name: complaintLabels.commands['Respond']!.en });
      await form.waitFor();
      expect(await form.locator('#cmd-Respond-response').inputValue()).toBe('Nous avons reporté votre rencontre.');
      // What the API said stays until the form is sent again, in French, and says so to screen readers.
      expect(await form.locator('.field-error').first().textContent()).toBe(refusal);
      expect(await form.locator('.field-error').first().getAttribute('lang')).toBe('fr');
      expect(await form.locator('.error-summary li a span[lang="fr"]').count()).toBeGreaterThan(0);
      expect(await page.locator('.command-list').getByRole('button', { name: complaintLabels.commands['Respond']!.en, exact: true }).getAttribute('aria-expanded')).toBe('true');
    } finally {
      await page.close();
    }
  });
});
