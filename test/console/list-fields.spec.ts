import type { Locator, Page } from 'playwright-core';
import { run } from '../sla/sla-support';
import { axeViolations, consoleSuite, hasFocus, RE_OPT_IN, stepForm } from './browser';

const optIn = RE_OPT_IN;

/** What a list's buttons and items are named, in each language, for the restorative practitioners an engagement is assigned. */
const words = {
  en: {
    step: 'Assign a practitioner',
    add: 'Add to “Restorative practitioners”',
    remove: (n: number) => `Remove item ${n} of “Restorative practitioners”`,
    item: (n: number) => `Restorative practitioners, item ${n} (required)`,
  },
  fr: {
    step: 'Affecter une praticienne ou un praticien',
    add: 'Ajouter à la liste «\u00a0Praticiennes et praticiens en approche réparatrice\u00a0»',
    remove: (n: number) => `Retirer l’élément ${n} de la liste «\u00a0Praticiennes et praticiens en approche réparatrice\u00a0»`,
    item: (n: number) => `Praticiennes et praticiens en approche réparatrice, élément ${n} (obligatoire)`,
  },
} as const;

/** The element that has the page's focus: a button by its text, anything else by its tag. */
const focused = (page: Page) =>
  page.evaluate<string>("document.activeElement?.tagName === 'BUTTON' ? `button: ${document.activeElement.textContent}` : `${document.activeElement?.tagName.toLowerCase()}`");

/** Waits a little for the element to take the focus (it does once the list is drawn again), and checks it has it. */
async function expectFocus(locator: Locator): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (!(await hasFocus(locator)) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 25));
  expect(await hasFocus(locator)).toBe(true);
}

/**
 * A list in a step's form: its buttons and items say, in a sentence of the page's language, which
 * list they belong to (quoting its label), and removing an item leaves the focus on a control of
 * the list, never on the page's body, whose button is gone.
 */
describe('the console: a list in a form', () => {
  jest.setTimeout(180_000);
  const suite = consoleSuite();
  let caseId: string;

  beforeAll(async () => {
    const opened = await suite.supervisor.post('/cases', { workflow: 'restorative-engagement', command: 'ReceiveOptIn', data: optIn });
    expect(opened.status).toBe(201);
    caseId = opened.body.caseId as string;
    await run(suite.supervisor, caseId, 'ConfirmParticipation', { officialLanguage: 'en' });
    await suite.supervisor.get(`/cases/${caseId}?minPosition=${await suite.running.store.headPosition()}`);
  });

  it.each(['en', 'fr'] as const)('(%s) names its buttons and items in sentences, and keeps the focus in the list after a removal', async (language) => {
    const said = words[language];
    const page = await suite.browser.signedIn('supervisor', 'supervisor-1');
    try {
      const form = await stepForm(page, language, `${suite.running.baseUrl}/#/cases/${caseId}`, said.step);
      const add = form.getByRole('button', { name: said.add, exact: true });
      const remove = (n: number) => form.getByRole('button', { name: said.remove(n), exact: true });
      const items = form.locator('fieldset.list > ol > li');

      // The list needs one practitioner: it starts with one item to fill in.
      expect(await items.count()).toBe(1);
      await form.getByLabel(said.item(1), { exact: true }).waitFor();
      await add.click();
      await add.click();
      await items.nth(2).waitFor();
      expect(await items.count()).toBe(3);
      await form.getByLabel(said.item(3), { exact: true }).fill('practitioner-3');
      expect(await remove(3).count()).toBe(1);
      expect(await axeViolations(page)).toEqual([]);

      // The last item removed: the focus goes to the remove button of the one before it, now the last.
      await remove(3).click();
      await items.nth(2).waitFor({ state: 'detached' });
      await expectFocus(remove(2));
      // Removed from the middle: to the remove button of the item now in its place.
      await add.click();
      await items.nth(2).waitFor();
      await remove(2).click();
      await items.nth(2).waitFor({ state: 'detached' });
      await expectFocus(remove(2));
      await page.keyboard.press('Enter');
      await items.nth(1).waitFor({ state: 'detached' });
      await expectFocus(remove(1));
      // The only item removed: the focus goes to the list's add button.
      await page.keyboard.press('Enter');
      await items.first().waitFor({ state: 'detached' });
      await expectFocus(add);
      expect(await focused(page)).toBe(`button: ${said.add}`);
    } finally {
      await page.close();
    }
  });
});
