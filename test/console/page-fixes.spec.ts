import type { Page } from 'playwright-core';
import { en, fr } from '../../console/src/i18n/messages';
import { receiveComplaint } from '../sla/sla-support';
import { axeViolations, chooseLanguage, consoleSuite, documentLanguage, waitUntil } from './browser';

const CATALOGUES = { en, fr } as const;

/** The id of the element that has the focus, or its tag when it has none (BODY: the place was lost). */
const focusedId = (page: Page) => page.evaluate<string>(`document.activeElement ? document.activeElement.id || document.activeElement.tagName : ''`);

/**
 * What a page says after a person acts on it, where they are: the reads found or the field to correct
 * take the focus, a filter's new count is announced, an empty search is told in the page's language,
 * and the page says which Canadian language it is written in.
 */
describe('the console says what an action came to, where the person is', () => {
  jest.setTimeout(180_000);
  const suite = consoleSuite();

  it.each(['en', 'fr'] as const)('(%s) takes the focus to the reads found once “Show the reads” is pressed with the keyboard, not to the page’s body', async (language) => {
    const t = CATALOGUES[language];
    const page = await suite.browser.signedIn('supervisor', 'supervisor-1');
    try {
      await chooseLanguage(page, language);
      await page.goto(`${suite.running.baseUrl}/#/reads`);
      await page.getByRole('button', { name: t.findReads }).focus();
      await page.keyboard.press('Enter');
      await page.locator('#reads-found').waitFor();
      await waitUntil(page, `document.activeElement?.id === 'reads-found'`);
      expect(await focusedId(page)).toBe('reads-found');
    } finally {
      await page.close();
    }
  });

  it.each(['en', 'fr'] as const)('(%s) refuses a window that ends before it starts beside its end, by the fields’ labels, before asking the API', async (language) => {
    const t = CATALOGUES[language];
    const page = await suite.browser.signedIn('supervisor', 'supervisor-1');
    const asked: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/audit/access')) asked.push(request.url());
    });
    try {
      await chooseLanguage(page, language);
      await page.goto(`${suite.running.baseUrl}/#/reads`);
      await page.getByLabel(t.readsFrom).fill('2026-11-10');
      const to = page.getByLabel(t.readsTo);
      await to.fill('2026-11-01');
      await page.getByRole('button', { name: t.findReads }).focus();
      await page.keyboard.press('Enter');
      const error = page.locator('#reads-to-error');
      await error.waitFor();
      expect(await error.textContent()).toBe(t.readsBackwards(t.readsTo, t.readsFrom));
      expect(await error.textContent()).toContain(t.readsTo);
      expect(await error.textContent()).toContain(t.readsFrom);
      expect(await error.textContent()).not.toMatch(/query|parameter|paramètre/);
      expect(await to.getAttribute('aria-invalid')).toBe('true');
      expect((await to.getAttribute('aria-describedby'))?.split(' ')).toContain('reads-to-error');
      await waitUntil(page, `document.activeElement?.id === 'reads-to'`);
      expect(asked).toEqual([]);
      expect(await axeViolations(page)).toEqual([]);

      // Put right, the window is asked for, and the refusal is gone.
      await to.fill('2026-11-12');
      await page.getByRole('button', { name: t.findReads }).click();
      await page.locator('#reads-found').waitFor();
      expect(await page.locator('#reads-to-error').count()).toBe(0);
      expect(await to.getAttribute('aria-invalid')).toBeNull();
      expect(asked).toHaveLength(1);
    } finally {
      await page.close();
    }
  });

  it.each(['en', 'fr'] as const)('(%s) announces how many cases a changed filter leaves, politely', async (language) => {
    const t = CATALOGUES[language];
    const inNorthwest = async () => (await suite.supervisor.get('/cases?region=NT&status=open')).body.total as number;
    const before = await inNorthwest();
    await receiveComplaint(suite.supervisor, '2026-03-02T09:00:00-05:00', 'NT');
    // The list is a read model: it holds the new case a moment after the case is opened.
    const deadline = Date.now() + 10_000;
    let listed = before;
    while ((listed = await inNorthwest()) === before && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(listed).toBe(before + 1);
    const page = await suite.browser.signedIn('supervisor', 'supervisor-1');
    try {
      await chooseLanguage(page, language);
      await page.goto(`${suite.running.baseUrl}/#/cases`);
      await page.locator('table.cases').waitFor();
      const region = page.locator('#case-region');
      await region.focus();
      await region.selectOption('YT');
      await page.getByText(t.noCases, { exact: true }).first().waitFor();
      await page.getByRole('status').filter({ hasText: t.noCases }).waitFor();
      await region.selectOption('NT');
      await page.getByRole('status').filter({ hasText: t.caseCount(listed) }).waitFor();
      expect(await page.locator('table.cases caption').textContent()).toBe(t.caseCount(listed));
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it.each([
    ['fr', 'supervisor', fr.searchEmpty],
    ['en', 'auditor', en.searchEmptyReference],
  ] as const)('(%s) tells whoever searched for nothing (%s), in the page and its language, not in the browser’s bubble', async (language, role, said) => {
    const page = await suite.browser.signedIn(role, `${role}-1`);
    try {
      await chooseLanguage(page, language);
      await page.goto(`${suite.running.baseUrl}/#/search`);
      const field = page.locator('#search-q');
      await field.focus();
      await page.keyboard.press('Enter');
      const error = page.locator('#search-q-error');
      await error.waitFor();
      expect(await error.textContent()).toBe(said);
      expect(await page.locator('form[role="search"]').getAttribute('novalidate')).not.toBeNull();
      expect(await field.getAttribute('required')).toBeNull();
      expect(await field.getAttribute('aria-invalid')).toBe('true');
      expect((await field.getAttribute('aria-describedby'))?.split(' ')).toContain('search-q-error');
      expect(await focusedId(page)).toBe('search-q');
      // From the button too, the focus goes back to the field.
      await page.getByRole('button', { name: CATALOGUES[language].searchButton, exact: true }).click();
      await waitUntil(page, `document.activeElement?.id === 'search-q'`);
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('says the page is in Canadian English or Canadian French, as its dates and numbers are written', async () => {
    const page = await suite.browser.signedIn('supervisor', 'supervisor-1');
    try {
      await chooseLanguage(page, 'en');
      expect(await documentLanguage(page)).toBe('en-CA');
      await page.getByRole('button', { name: 'Français' }).click();
      await waitUntil(page, `document.documentElement.lang === 'fr-CA'`);
      await page.reload();
      await page.locator('header .who strong').waitFor();
      expect(await documentLanguage(page)).toBe('fr-CA');
      await page.getByRole('button', { name: 'English' }).click();
      await waitUntil(page, `document.documentElement.lang === 'en-CA'`);
    } finally {
      await page.close();
    }
  });
});
