import type { Page } from 'playwright-core';
import { supportCoordinationLabels as labels } from '../../workflows/support-coordination/labels';
import { run } from '../sla/sla-support';
import { en, fr } from '../../console/src/i18n/messages';
import { axeViolations, chooseLanguage, consoleSuite, hasFocus, stepForm } from './browser';

const SERVICES = ['caseCoordination', 'advocacy', 'accompaniment', 'workplaceArrangements', 'practicalMatters'] as const;

/** The bodies of the commands the page sends, as they leave the browser. */
function commandsSent(page: Page): Record<string, unknown>[] {
  const sent: Record<string, unknown>[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && request.url().includes('/commands/')) sent.push(request.postDataJSON() as Record<string, unknown>);
  });
  return sent;
}

/**
 * What the API refuses, said in the person's words: a control left empty is a field left out (so
 * the API says it is required), values by their labels rather than their codes, each problem beside
 * its field and a summary in plain words, never the API's paths (`staffId`, `query.q`).
 */
describe('the console: refusals in plain words', () => {
  jest.setTimeout(180_000);
  const suite = consoleSuite();
  let supportCase: string;

  beforeAll(async () => {
    const opened = await suite.supervisor.post('/cases', {
      workflow: 'support-coordination',
      command: 'RecordOptIn',
      data: { channel: 'supportLine', region: 'ON', client: { name: 'Jordan', contact: 'jordan@example.org', affiliation: 'cafMember' }, language: 'en' },
    });
    expect(opened.status).toBe(201);
    supportCase = opened.body.caseId as string;
    await run(suite.supervisor, supportCase, 'AssignCoordinator', { coordinatorId: 'practitioner-1', timeZone: 'America/Toronto', region: 'ON' });
    const coordinator = await suite.running.as('practitioner', 'practitioner-1');
    await run(coordinator, supportCase, 'RecordFirstContact', { method: 'phone' });
  });

  it.each([
    ['en', 'is required', 'must be one of'],
    ['fr', 'est obligatoire', 'doit être l’une des valeurs suivantes'],
  ] as const)('(%s) a choice and a date emptied again are left out, and a refused choice is told by its options’ labels', async (language, required, oneOf) => {
    const page = await suite.browser.signedIn('practitioner', 'practitioner-1');
    const sent = commandsSent(page);
    try {
      const name = labels.commands['RecordService']![language];
      const form = await stepForm(page, language, `${suite.running.baseUrl}/#/cases/${supportCase}`, name);
      // Chosen, then taken back; typed, then cleared.
      await form.locator('#cmd-RecordService-service').selectOption('advocacy');
      await form.locator('#cmd-RecordService-service').selectOption('');
      await form.locator('#cmd-RecordService-providedOn').fill('2026-03-02');
      await form.locator('#cmd-RecordService-providedOn').fill('');
      await form.getByRole('button', { name }).click();
      await form.locator('#cmd-RecordService-service-error').waitFor();
      expect(sent.at(-1)).toEqual({});
      expect(await form.locator('#cmd-RecordService-service-error').textContent()).toBe(required);
      expect(await form.locator('#cmd-RecordService-providedOn-error').count()).toBe(0);

      // A value the API does not take (as from a form drawn from an older version of the workflow):
      // its answer lists the values it takes, which the form names as the workflow does.
      await form.locator('#cmd-RecordService-service').selectOption('advocacy');
      await page.route('**/commands/RecordService', (route) => route.continue({ postData: JSON.stringify({ service: 'counselling' }) }));
      await form.getByRole('button', { name }).click();
      const error = form.locator('#cmd-RecordService-service-error');
      await error.filter({ hasText: oneOf }).waitFor();
      const said = (await error.textContent())!;
      for (const service of SERVICES) {
        expect(said).not.toContain(service);
        expect(said).toContain(labels.values[service]![language]);
      }
      expect(await page.locator('.error-summary').textContent()).not.toContain('caseCoordination');
      await page.unroute('**/commands/RecordService');
    } finally {
      await page.close();
    }
  });

  it.each([
    ['en', /Dec(ember)?\s1,\s2026/, 'is required unless the client is anonymous'],
    ['fr', /1(er)?\sdéc(\.|embre)\s2026/, 'est obligatoire sauf si la personne est anonyme'],
  ] as const)('(%s) a date in the future is refused beside its field, written as people write dates; an opt-in’s name is asked for in words', async (language, date, nameRequired) => {
    const page = await suite.browser.signedIn('practitioner', 'practitioner-1');
    try {
      const name = labels.commands['RecordService']![language];
      const form = await stepForm(page, language, `${suite.running.baseUrl}/#/cases/${supportCase}`, name);
      await form.locator('#cmd-RecordService-service').selectOption('advocacy');
      await form.locator('#cmd-RecordService-providedOn').fill('2026-12-01');
      await form.getByRole('button', { name }).click();
      const error = form.locator('#cmd-RecordService-providedOn-error');
      await error.waitFor();
      const said = (await error.textContent())!;
      expect(said).toMatch(date);
      expect(said).not.toContain('2026-12-01');
      expect(await form.locator('#cmd-RecordService-providedOn').getAttribute('aria-invalid')).toBe('true');

      await page.goto(`${suite.running.baseUrl}/#/open/support-coordination`);
      const optIn = labels.commands['RecordOptIn']![language];
      const opening = page.getByRole('form', { name: optIn });
      await opening.getByRole('button', { name: optIn }).click();
      const nameError = opening.locator('#cmd-RecordOptIn-client_name-error');
      await nameError.waitFor();
      expect(await nameError.textContent()).toBe(nameRequired);
      // Asked for unless the client is anonymous: marked required, not "optional", and gone once they are.
      const clientName = opening.locator('#cmd-RecordOptIn-client_name');
      expect(await clientName.getAttribute('aria-required')).toBe('true');
      await clientName.fill('Robin Tremblay');
      await opening.locator('#cmd-RecordOptIn-client_anonymous').selectOption('true');
      expect(await clientName.count()).toBe(0);
      await opening.locator('#cmd-RecordOptIn-client_anonymous').selectOption('false');
      expect(await clientName.inputValue()).toBe('');
    } finally {
      await page.close();
    }
  });

  it.each(['en', 'fr'] as const)('(%s) a step sent after someone else’s is not refused again and again: the case is read again, what was typed kept, and it is sent once checked', async (language) => {
    const page = await suite.browser.signedIn('practitioner', 'practitioner-1');
    try {
      const name = labels.commands['RecordService']![language];
      const form = await stepForm(page, language, `${suite.running.baseUrl}/#/cases/${supportCase}`, name);
      await form.locator('#cmd-RecordService-service').selectOption('accompaniment');
      await form.locator('#cmd-RecordService-note').fill(`Went with the client to the clinic (${language}).`);
      // Meanwhile another step is recorded on the case.
      const colleague = await suite.running.as('practitioner', 'practitioner-1');
      const before = (await colleague.get(`/cases/${supportCase}`)).body.revision as number;
      await run(colleague, supportCase, 'RecordService', { service: 'advocacy' });
      await form.getByRole('button', { name }).click();
      const notice = page.getByRole('form', { name }).getByRole('alert');
      await notice.filter({ hasText: (language === 'fr' ? fr : en).caseChangedMeanwhile }).waitFor();
      expect(await hasFocus(notice)).toBe(true);
      // The form, opened again on the case as it is now (the colleague's step in its history), keeps what was typed; not the API's "expected revision".
      const again = page.getByRole('form', { name });
      expect(await again.locator('#cmd-RecordService-service').inputValue()).toBe('accompaniment');
      expect(await again.locator('#cmd-RecordService-note').inputValue()).toBe(`Went with the client to the clinic (${language}).`);
      expect(await again.textContent()).not.toMatch(/expected revision|version attendue/);
      expect(await page.locator('.timeline > li, .timeline li').count()).toBeGreaterThan(before);
      await again.getByRole('button', { name }).click();
      await page.getByRole('status').first().waitFor();
      expect((await colleague.get(`/cases/${supportCase}`)).body.revision).toBe(before + 2);
    } finally {
      await page.close();
    }
  });

  it.each([
    ['en', 'Add', 'Id (the subject of their sign-in tokens)', 'Display name', 'Languages'],
    ['fr', 'Ajouter', 'Identifiant (le sujet de ses jetons de connexion)', 'Nom affiché', 'Langues'],
  ] as const)('(%s) an administrator adding a person is told what to fix beside each field, and in a summary without the API’s field keys', async (language, add, idLabel, nameLabel, languagesLabel) => {
    const page = await suite.browser.signedIn('admin', 'admin-1');
    try {
      await chooseLanguage(page, language);
      await page.locator('#staff-staffId').waitFor();
      await page.locator('#staff-staffId').fill('   ');
      expect(await page.getByRole('checkbox', { checked: true }).count()).toBe(0);
      await page.getByRole('button', { name: add, exact: true }).click();
      const summary = page.getByRole('alert');
      await summary.waitFor();
      const text = (await summary.textContent())!;
      for (const key of ['staffId', 'displayName', 'languages']) expect(text).not.toContain(key);
      // Each field's problem, named by the field's label, and beside the field itself.
      for (const [id, label] of [['staffId', idLabel], ['displayName', nameLabel], ['languages', languagesLabel]] as const) {
        const beside = (await page.locator(`#staff-${id}-error`).textContent())!;
        expect(beside.length).toBeGreaterThan(0);
        expect(text).toContain(`${label}${language === 'fr' ? '\u00a0: ' : ': '}${beside}`);
      }
      expect(await page.locator('#staff-displayName').getAttribute('aria-invalid')).toBe('true');
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it.each([
    ['en', 'Search', /letter or (a )?digit/],
    ['fr', 'Chercher', /lettre ou un chiffre/],
  ] as const)('(%s) a search for punctuation alone is told beside the search field, without the API’s path', async (language, button, words) => {
    const page = await suite.browser.signedIn('supervisor', 'supervisor-1');
    try {
      await chooseLanguage(page, language);
      await page.goto(`${suite.running.baseUrl}/#/search`);
      await page.locator('#search-q').fill('!!');
      await page.getByRole('button', { name: button, exact: true }).click();
      await page.getByRole('alert').waitFor();
      expect(await page.locator('main').textContent()).not.toContain('query.q');
      const field = page.locator('#search-q');
      expect(await field.getAttribute('aria-invalid')).toBe('true');
      const describedBy = (await field.getAttribute('aria-describedby'))!.split(' ');
      const beside = await Promise.all(describedBy.map((id) => page.locator(`#${id}`).textContent()));
      expect(beside.join(' ')).toMatch(words);
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
