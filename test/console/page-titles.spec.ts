import type { Page } from 'playwright-core';
import { chooseLanguage, complaintFrom, consoleSuite } from './browser';

/** Waits until the document's title is `expected`, and checks it is (the last title read is in the failure). */
async function expectTitle(page: Page, expected: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  let title = await page.title();
  while (title !== expected && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 25));
    title = await page.title();
  }
  expect(title).toBe(expected);
}

/** Goes to a page of the console by its address (`#/cases`), as a link or the address bar does. */
async function go(page: Page, base: string, hash: string): Promise<void> {
  await page.goto(`${base}/${hash}`);
}

/**
 * Every page's title names it (WCAG 2.4.2), then the console, in the page's language: a tab, the
 * browser's history and a screen reader's first words tell the pages apart, and a case's pages
 * by the case's reference once the page has it. The title follows a change of page and of language.
 */
describe('the console: page titles', () => {
  jest.setTimeout(180_000);
  const suite = consoleSuite();
  let caseId: string;
  let reference: string;

  beforeAll(async () => {
    // After the workflow's example complaint was received (09:30 in Ottawa).
    suite.running.clock.advance(3_600_000);
    ({ caseId, reference } = await complaintFrom(suite.supervisor, 'Alex Tremblay', 'alex@example.org'));
  });

  it.each([
    ['en', 'Sign in – Mend console'],
    ['fr', 'Ouvrir une session – Console Mend'],
  ] as const)('(%s) the sign-in page is titled so', async (language, title) => {
    const page = await suite.browser.context.newPage();
    try {
      await page.goto(suite.running.baseUrl);
      await chooseLanguage(page, language);
      await page.locator('#token').waitFor();
      await expectTitle(page, title);
    } finally {
      await page.close();
    }
  });

  it('a supervisor’s pages are each titled by their name, and a case’s by its reference, in the language chosen, as it changes', async () => {
    const page = await suite.browser.signedIn('supervisor', 'supervisor-1');
    const base = suite.running.baseUrl;
    try {
      await chooseLanguage(page, 'en');
      await expectTitle(page, 'SLA dashboard – Mend console');
      await go(page, base, '#/cases');
      await expectTitle(page, 'Cases – Mend console');
      await go(page, base, '#/search');
      await expectTitle(page, 'Find a case – Mend console');
      await go(page, base, '#/open');
      await expectTitle(page, 'Open a case – Mend console');
      await go(page, base, '#/staff');
      await expectTitle(page, 'Staff directory – Mend console');
      await go(page, base, '#/reads');
      await expectTitle(page, 'Who read what – Mend console');

      // A case's page, by the case's id as the console's links name it: titled by its reference once loaded.
      await go(page, base, `#/cases/${caseId}`);
      await page.locator('#case-title').waitFor();
      await expectTitle(page, `${reference} – Case – Mend console`);

      // The language changes on the same page: its title too, not the console's alone.
      await chooseLanguage(page, 'fr');
      await expectTitle(page, `${reference} – Dossier – Console Mend`);
      await go(page, base, '#/cases');
      await expectTitle(page, 'Dossiers – Console Mend');
      await go(page, base, '#/');
      await expectTitle(page, 'Tableau de bord des délais – Console Mend');
      // A case by the reference typed in the address.
      await go(page, base, `#/cases/${reference}`);
      await page.locator('#case-title').waitFor();
      await expectTitle(page, `${reference} – Dossier – Console Mend`);
      await chooseLanguage(page, 'en');
      await expectTitle(page, `${reference} – Case – Mend console`);
    } finally {
      await page.close();
    }
  });

  it.each([
    ['en', 'My caseload – Mend console'],
    ['fr', 'Mes dossiers – Console Mend'],
  ] as const)('(%s) a practitioner’s home page is their caseload, and titled so', async (language, title) => {
    const page = await suite.browser.signedIn('practitioner', 'practitioner-1');
    try {
      await chooseLanguage(page, language);
      await expectTitle(page, title);
    } finally {
      await page.close();
    }
  });

  it.each([
    ['en', 'Audit – Mend console', 'Audit'],
    ['fr', 'Vérification – Console Mend', 'Vérification'],
  ] as const)('(%s) an auditor’s list of cases and a case’s audit page are titled so, the case by its reference', async (language, list, audit) => {
    const page = await suite.browser.signedIn('auditor', 'auditor-1');
    try {
      await chooseLanguage(page, language);
      await expectTitle(page, list);
      await page.locator(`main a[href="#/audit/${caseId}"]`).click();
      await page.locator('[data-testid="as-of-view"]').waitFor();
      await expectTitle(page, `${reference} – ${audit} – ${language === 'en' ? 'Mend console' : 'Console Mend'}`);
      await page.getByRole('link', { name: language === 'en' ? '← Back to the cases' : '← Retour aux dossiers' }).click();
      await expectTitle(page, list);
    } finally {
      await page.close();
    }
  });
});
