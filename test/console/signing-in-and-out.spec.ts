import type { Page } from 'playwright-core';
import { axeViolations, chooseLanguage, consoleSuite, hasFocus, waitUntil } from './browser';

const words = {
  en: { signIn: 'Sign in', ended: 'Your session ended: sign in again.', refused: /^The bearer token was refused/ },
  fr: { signIn: 'Ouvrir une session', ended: 'Votre session a pris fin\u00a0: ouvrez-en une nouvelle.', refused: /^Le jeton porteur a été refusé/ },
} as const;

/** The element that has the page's focus, by tag and id. */
const focused = (page: Page) => page.evaluate<string>("`${document.activeElement?.tagName.toLowerCase()}#${document.activeElement?.id ?? ''}`");

/**
 * Where the focus goes when the whole page changes under the person: to the page's content after
 * signing in, to what is wrong after a refused sign-in, to why they were signed out when the API
 * refused their token, and to the new case's reference after opening one.
 */
describe('the console: signing in and out, and what takes the focus', () => {
  jest.setTimeout(180_000);
  const suite = consoleSuite();

  async function signInPage(language: 'en' | 'fr'): Promise<Page> {
    const page = await suite.browser.context.newPage();
    await page.goto(suite.running.baseUrl);
    await chooseLanguage(page, language);
    await page.locator('#token').waitFor();
    return page;
  }

  it.each(['en', 'fr'] as const)('(%s) a token the API refuses signs the person out saying why, in their language, with the focus on it', async (language) => {
    const page = await signInPage(language);
    try {
      // Claims the console can read, a signature the API refuses.
      const [header, claims, signature] = (await suite.running.token('practitioner', 'practitioner-1')).split('.');
      await page.locator('#token').fill([header, claims, [...signature!].reverse().join('')].join('.'));
      await page.getByRole('button', { name: words[language].signIn, exact: true }).click();
      const why = page.locator('.sign-in [role="alert"]');
      await why.waitFor();
      expect(await why.locator('p').first().textContent()).toBe(words[language].ended);
      expect(await why.locator('p').nth(1).textContent()).toMatch(words[language].refused);
      expect(await hasFocus(why)).toBe(true);
      expect(await page.locator('header .who strong').count()).toBe(0);
      expect(await page.evaluate("sessionStorage.getItem('mend.token')")).toBeNull();
      expect(await axeViolations(page)).toEqual([]);

      // Signed in again, the reason is gone.
      await page.locator('#token').fill(await suite.running.token('practitioner', 'practitioner-1'));
      await page.getByRole('button', { name: words[language].signIn, exact: true }).click();
      await page.locator('header .who strong').waitFor();
      await page.getByRole('button', { name: language === 'en' ? 'Sign out' : 'Fermer la session' }).click();
      await page.locator('#token').waitFor();
      expect(await page.locator('.sign-in [role="alert"]').count()).toBe(0);
    } finally {
      await page.close();
    }
  });

  it('signing in takes the focus to the page’s content, not the body', async () => {
    const page = await signInPage('en');
    try {
      await page.locator('#token').fill(await suite.running.token('supervisor', 'supervisor-1'));
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await page.locator('header .who strong').waitFor();
      expect(await focused(page)).toBe('main#main');
    } finally {
      await page.close();
    }
  });

  it.each(['en', 'fr'] as const)('(%s) an empty sign-in takes the focus to the field, described by what is wrong with it', async (language) => {
    const page = await signInPage(language);
    try {
      await page.getByRole('button', { name: words[language].signIn, exact: true }).click();
      await page.locator('#token-error').waitFor();
      expect(await focused(page)).toBe('textarea#token');
      expect(await page.locator('#token').getAttribute('aria-invalid')).toBe('true');
      expect((await page.locator('#token').getAttribute('aria-describedby'))!.split(' ')).toContain('token-error');
      // Sent empty again, the focus comes back to it.
      await page.getByRole('button', { name: words[language].signIn, exact: true }).focus();
      await page.keyboard.press('Enter');
      await waitUntil(page, "document.activeElement?.id === 'token'");
    } finally {
      await page.close();
    }
  });

  it.each([
    ['en', /^Complaint case (CMP-RE-\d{4}-\d{5}) opened\. Go to case \1$/],
    ['fr', /^Dossier (CMP-RE-\d{4}-\d{5}) ouvert\u00a0: Plainte\. Aller au dossier \1$/],
  ] as const)('(%s) a case opened is said with its reference, a link to it, and the focus', async (language, said) => {
    const page = await suite.browser.signedIn('supervisor', 'supervisor-1');
    try {
      await chooseLanguage(page, language);
      await page.goto(`${suite.running.baseUrl}/#/open/complaint`);
      const form = page.locator('form.command');
      await form.locator('#cmd-ReceiveComplaint-channel').selectOption('mail');
      await form.locator('#cmd-ReceiveComplaint-receivedAt').fill('2026-03-02T08:00');
      await form.locator('#cmd-ReceiveComplaint-complainant_name').fill('Alex');
      await form.locator('#cmd-ReceiveComplaint-text').fill('A letter about my preparation meeting.');
      await form.locator('#cmd-ReceiveComplaint-concerns_program').selectOption('restorative-engagement');
      await form.locator('button[type="submit"]').click();
      const notice = page.locator('.notice[role="status"]');
      await notice.waitFor();
      const text = (await notice.textContent())!;
      expect(text).toMatch(said);
      expect(await hasFocus(notice)).toBe(true);
      const reference = said.exec(text)![1]!;
      const opened = (await suite.supervisor.get(`/cases/by-reference/${reference}`)).body as { caseId: string };
      expect(await notice.getByRole('link').getAttribute('href')).toBe(`#/cases/${opened.caseId}`);
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
