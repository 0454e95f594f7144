import { axeViolations, chooseLanguage, consoleSuite } from './browser';

/**
 * The administrator's "Add a person" form is drawn like every other form: text boxes as tall as
 * the selects beside them, required fields marked in words, and its languages a list of boxes each
 * with its own label, spaced as a command form's are.
 */
describe('the console: the staff form looks like every other form', () => {
  jest.setTimeout(180_000);
  const suite = consoleSuite();

  it.each([
    ['en', ' (required)'],
    ['fr', ' (obligatoire)'],
  ] as const)('(%s) text boxes as tall as selects, required said in words, languages each with its label', async (language, required) => {
    const page = await suite.browser.signedIn('admin', 'admin-1');
    try {
      await chooseLanguage(page, language);
      const form = page.locator('form[aria-labelledby="staff-add-title"]');
      await form.locator('#staff-staffId').waitFor();
      const height = async (selector: string) => (await form.locator(selector).boundingBox())!.height;
      const select = await height('#staff-role');
      expect(select).toBeGreaterThanOrEqual(30);
      // Within a few pixels, as on a command form, where the same styles draw both.
      for (const input of ['#staff-staffId', '#staff-displayName']) expect(Math.abs((await height(input)) - select)).toBeLessThanOrEqual(3);

      for (const id of ['staffId', 'displayName', 'role', 'region']) {
        const label = form.locator(`label[for="staff-${id}"]`);
        expect(await label.locator('.required').textContent()).toBe(required);
        expect(await label.textContent()).not.toContain('*');
        expect(await form.locator(`#staff-${id}`).getAttribute('aria-required')).toBe('true');
      }
      expect(await form.locator('#staff-languages legend .required').textContent()).toBe(required);
      expect(await form.textContent()).not.toContain('*');

      // Each language a box with its own label, set apart from it as on a command form.
      for (const code of ['en', 'fr']) {
        const box = (await form.locator(`#staff-languages-${code}`).boundingBox())!;
        const label = (await form.locator(`label[for="staff-languages-${code}"]`).boundingBox())!;
        expect(label.x - (box.x + box.width)).toBeGreaterThanOrEqual(5);
      }
      const [en, fr] = [(await form.locator('#staff-languages-en').boundingBox())!, (await form.locator('#staff-languages-fr').boundingBox())!];
      expect(fr.y).toBeGreaterThan(en.y + en.height);
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it.each([
    ['en', 'Add', 'Languages', 'is required', 'French', 'Added: Camille Roy.'],
    ['fr', 'Ajouter', 'Langues', 'est obligatoire', 'français', 'Fiche ajoutée\u00a0: Camille Roy.'],
  ] as const)('(%s) no language is ticked for the administrator: one left unchosen is refused beside the boxes, then the one chosen recorded', async (language, add, legend, refused, french, added) => {
    const page = await suite.browser.signedIn('admin', 'admin-1');
    const staffId = `camille.roy-${language}`;
    try {
      await chooseLanguage(page, language);
      const form = page.locator('form[aria-labelledby="staff-add-title"]');
      await form.locator('#staff-staffId').waitFor();
      expect([await form.locator('#staff-languages-en').isChecked(), await form.locator('#staff-languages-fr').isChecked()]).toEqual([false, false]);

      await form.locator('#staff-staffId').fill(staffId);
      await form.locator('#staff-displayName').fill('Camille Roy');
      await form.getByRole('button', { name: add, exact: true }).click();
      const summary = form.locator('.error-summary');
      await summary.waitFor();
      // The one thing to fix, tied to the boxes: beside them, described by it, and the summary's link leads there.
      expect(await summary.getByRole('listitem').allTextContents()).toEqual([`${legend}${language === 'fr' ? '\u00a0: ' : ': '}${refused}`]);
      const fieldset = form.locator('#staff-languages');
      expect(await fieldset.getAttribute('aria-describedby')).toBe('staff-languages-error');
      expect(await form.locator('#staff-languages-error').textContent()).toBe(refused);
      for (const code of ['en', 'fr']) expect(await form.locator(`#staff-languages-${code}`).getAttribute('aria-invalid')).toBe('true');
      await summary.getByRole('link').click();
      expect(await page.evaluate<string>('document.activeElement.id')).toBe('staff-languages-en');
      expect(await axeViolations(page)).toEqual([]);
      expect((await (await suite.running.as('admin')).get(`/staff/${staffId}`)).status).toBe(404);

      await form.getByRole('checkbox', { name: french, exact: true }).check();
      await form.getByRole('button', { name: add, exact: true }).click();
      await form.getByRole('status').filter({ hasText: added }).waitFor();
      expect((await (await suite.running.as('admin')).get(`/staff/${staffId}`)).body).toMatchObject({ languages: ['fr'] });
    } finally {
      await page.close();
    }
  });
});
