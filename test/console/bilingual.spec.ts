import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { en, fr } from '../../console/src/i18n/messages';
import { supportCoordinationLabels } from '../../workflows/support-coordination/labels';
import { drain, receiveComplaint, run, scheduler } from '../sla/sla-support';
import { startApp, type HttpClient, type RunningApp } from '../support/app';
import { chooseLanguage, documentLanguage, ensureConsoleBuilt, openBrowser, RE_OPT_IN, type Browser, waitUntil } from './browser';

/** Every sentence of the English catalogue that French says differently: none may show on a French page. */
const ENGLISH_ONLY = new Set(
  Object.entries(en)
    // The language switch is written in the other language on purpose ("Français" on an English page).
    .filter(([key]) => key !== 'otherLanguage' && key !== 'otherLanguageHint')
    .filter(([key, value]) => typeof value === 'string' && value !== fr[key as keyof typeof fr])
    .map(([, value]) => (value as string).trim())
    .filter((text) => /\p{L}/u.test(text)),
);

/** An opt-in as in docs/api-examples.md, in French. */
const optIn = { ...RE_OPT_IN, officialLanguage: 'fr' };

const referral = {
  source: 'victim',
  region: 'QC',
  receivedAt: '2026-03-02T09:00:00-05:00',
  victimRegistered: true,
  victim: { name: 'Sam Tremblay', contact: 'sam.tremblay@example.org' },
  offender: { name: 'Jordan Roy', fpsNumber: '123456A' },
};

/**
 * The console in both official languages: the switch, what it changes (the document's language,
 * every text, the API's answers), that it is remembered; every page checked by axe-core and at a
 * phone's width in each language; and journeys made with the keyboard alone.
 */
describe('the Mend console in English and in French', () => {
  jest.setTimeout(180_000);
  let running: RunningApp;
  let browser: Browser;
  let supervisor: HttpClient;
  let complaintCase: string;
  let reCase: string;
  let withdrawnCase: string;
  let roCase: string;
  let lateCase: string;

  beforeAll(async () => {
    ensureConsoleBuilt();
    // Monday 2 March 2026, 09:00 in Ottawa.
    running = await startApp({ start: '2026-03-02T14:00:00Z' });
    supervisor = await running.as('supervisor', 'supervisor-1');
    complaintCase = await receiveComplaint(supervisor, '2026-03-02T09:00:00-05:00');
    await run(supervisor, complaintCase, 'AcknowledgeComplaint', { method: 'email' });
    await run(supervisor, complaintCase, 'AssignHandler', { handlerId: 'practitioner-1' });
    const opened = await supervisor.post('/cases', { workflow: 'restorative-engagement', command: 'ReceiveOptIn', data: optIn });
    expect(opened.status).toBe(201);
    reCase = opened.body.caseId as string;
    const rju = await running.as('rju', 'rju-1');
    const ro = await rju.post('/cases', { workflow: 'restorative-opportunities', command: 'ReceiveReferral', data: referral });
    expect(ro.status).toBe(201);
    roCase = ro.body.caseId as string;
    // A complaint received the week before and never acknowledged: its breach is on the supervisor's lists, in the workload and the weekly rates.
    lateCase = await receiveComplaint(supervisor, '2026-02-23T09:00:00-05:00');
    await run(supervisor, lateCase, 'AssignHandler', { handlerId: 'practitioner-1' });
    await drain(scheduler(running));
    // A class member who withdrew: their practitioner may take no step; a supervisor records their return.
    withdrawnCase = (await supervisor.post('/cases', { workflow: 'restorative-engagement', command: 'ReceiveOptIn', data: optIn })).body.caseId as string;
    await run(supervisor, withdrawnCase, 'ConfirmParticipation', { officialLanguage: 'en' });
    await run(supervisor, withdrawnCase, 'AssignPractitioner', { practitionerIds: ['practitioner-2'] });
    await run(supervisor, withdrawnCase, 'Withdraw', {});
    await supervisor.get(`/cases/${reCase}?minPosition=${await running.store.headPosition()}`);
    browser = await openBrowser(running);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await running?.close();
  });

  it('switches to French: <html lang="fr-CA">, French texts, the API’s errors in French, and the choice kept across a reload', async () => {
    const page = await browser.signedIn('practitioner', 'practitioner-1');
    expect(await documentLanguage(page)).toBe('en-CA');
    await page.getByRole('heading', { name: 'My caseload' }).waitFor();

    const switcher = page.getByRole('button', { name: 'Français' });
    expect(await switcher.getAttribute('lang')).toBe('fr');
    await switcher.click();
    await page.getByRole('heading', { name: 'Mes dossiers' }).waitFor();
    expect(await documentLanguage(page)).toBe('fr-CA');
    // The page's own title, in French: the page, then the console (its effect runs once the page is drawn).
    await waitUntil(page, "document.title === 'Mes dossiers – Console Mend'");
    expect(await page.title()).toBe('Mes dossiers – Console Mend');
    expect(await page.getByRole('button', { name: 'English' }).getAttribute('lang')).toBe('en');
    expect(await englishOnPage(page)).toEqual([]);

    await page.reload();
    await page.getByRole('heading', { name: 'Mes dossiers' }).waitFor();
    expect(await documentLanguage(page)).toBe('fr-CA');
    await expectVisible(page.getByText('Session ouverte par'));

    await page.locator(`main a[href="#/cases/${complaintCase}"]`).click();
    await page.getByRole('heading', { name: 'Prochaines étapes' }).waitFor();
    // The state and commands are named by the workflow's own French labels (GET /workflows in French).
    expect(await page.getByTestId('case-state').textContent()).toBe('En examen');
    expect(await page.getByRole('heading', { level: 2 }).textContent()).toMatch(/^Dossier\u00a0: Plainte /);
    // Its region by name, not by code.
    await expectVisible(page.locator('p.facts', { hasText: 'Région\u00a0: Ontario' }));
    // Its level of authority by the title configured in French, in its details and its history alike.
    await expectVisible(page.locator('dl.details dd', { hasText: 'Coordination régionale du programme' }).first());
    expect(await page.getByText('Regional program coordinator').count()).toBe(0);
    // Its history too, clock events included: times written the French way (never as stored), clocks by their French names.
    const history = page.locator('.timeline');
    expect(await history.textContent()).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}/);
    expect(await history.locator('.event-data dd', { hasText: /^Accusé de réception$/ }).count()).toBeGreaterThan(0);
    // Each clock event names its clock beside what happened to it, without opening its data.
    await expectVisible(history.locator('.event-type', { hasText: /^Début du délai\u00a0: Accusé de réception$/ }));
    // A clock's warnings at a share of its time, written as a percentage the French way.
    expect(await history.locator('.event-data dd', { hasText: /^50\u00a0%$/ }).count()).toBeGreaterThan(0);
    expect(await history.locator('.event-data dd', { hasText: /^(Acknowledgement|acknowledgement|Response, level 1|response-1|business)$/ }).count()).toBe(0);
    // A field is named by the workflow's French label, not its technical name.
    await page.getByRole('button', { name: 'Répondre', exact: true }).click();
    const form = page.getByRole('form', { name: 'Répondre' });
    expect(await form.locator('label[for="cmd-Respond-response"] .label-text').textContent()).toBe('Réponse (obligatoire)');
    expect(await form.locator('label[for="cmd-Respond-response"] [lang="en"]').count()).toBe(0);
    // Times in the case's region's zone, written the French Canadian way (2 mars 2026, 9 h HNE; 9 h 30 with minutes),
    // a line breaking after the comma and before the zone only.
    expect(await page.locator('.timeline time').first().textContent()).toMatch(/^(1er|\d{1,2})\u00a0mars\u00a02026, \d{1,2}\u00a0h(\u00a0\d{2})? HNE$/);
    await expectVisible(page.getByRole('cell', { name: /jours ouvrables/ }).first());
    // Its clocks are named as the workflow declares them, in French.
    await expectVisible(page.getByRole('rowheader', { name: 'Accusé de réception', exact: true }));
    await expectVisible(page.getByRole('rowheader', { name: 'Réponse, palier 1', exact: true }));

    await form.getByRole('button', { name: 'Répondre' }).click();
    // The API was asked in French: its message and each field's error come back in French.
    const summary = page.locator('.error-summary');
    await summary.waitFor();
    // In plain words: how many things to fix, then each beside its field's name, not the API's `data.response`.
    expect(await summary.locator('p').textContent()).toMatch(/^(Un point doit être corrigé|\d+\u00a0points doivent être corrigés) avant l’enregistrement\u00a0:$/);
    expect(await form.locator('#cmd-Respond-response-error').textContent()).toBe('est obligatoire');
    expect(await summary.locator('li').first().textContent()).toBe('Réponse\u00a0: est obligatoire');
    expect(await form.getByText('(obligatoire)').count()).toBeGreaterThan(0);
    expect(await englishOnPage(page)).toEqual([]);
    await browser.screenshot(page, 'practitioner-fr');

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Next steps' }).waitFor();
    expect(await documentLanguage(page)).toBe('en-CA');
    await expectVisible(page.locator('dl.details dd', { hasText: 'Regional program coordinator' }).first());
    expect(await page.getByText('Coordination régionale du programme').count()).toBe(0);
    await page.close();
  });

  it.each([
    ['en', 'Clock warning: Acknowledgement, 50%', 'Clock warning: Acknowledgement, 80%', 'Clock ran out: Acknowledgement'],
    ['fr', 'Avertissement de délai\u00a0: Accusé de réception, 50\u00a0%', 'Avertissement de délai\u00a0: Accusé de réception, 80\u00a0%', 'Délai dépassé\u00a0: Accusé de réception'],
  ] as const)('(%s) a late case’s history names the clock of each clock event, and the share of its time each warning came at', async (language, ...titles) => {
    const page = await browser.signedIn('practitioner', 'practitioner-1');
    try {
      await chooseLanguage(page, language);
      await page.goto(`${running.baseUrl}/#/cases/${lateCase}`);
      const events = page.locator('.timeline .event-type');
      await events.first().waitFor();
      expect(await events.allTextContents()).toEqual(expect.arrayContaining([...titles]));
      await chooseLanguage(page, 'en');
    } finally {
      await page.close();
    }
  });

  it.each([
    ['en', 'What others may do', 'Assign a handler (supervisor or Restorative Justice Unit)'],
    ['fr', 'Ce que d’autres peuvent faire', 'Attribuer la plainte (superviseure ou superviseur, ou Unité de la justice réparatrice)'],
  ] as const)('(%s) a handler reads beside their own next steps those others may take, and who may', async (language, heading, step) => {
    const page = await browser.signedIn('practitioner', 'practitioner-1');
    try {
      await chooseLanguage(page, language);
      await page.goto(`${running.baseUrl}/#/cases/${lateCase}`);
      const others = page.getByRole('region', { name: heading });
      await others.waitFor();
      expect(await others.getByRole('listitem').allTextContents()).toContain(step);
      // Not offered as a step of their own.
      expect(await page.locator('.command-list button', { hasText: step.split(' (')[0] }).count()).toBe(0);
      await chooseLanguage(page, 'en');
    } finally {
      await page.close();
    }
  });

  it.each([
    ['en', "New Year's Day", 'Holiday'],
    ['fr', 'Jour de l’An', 'Jour férié'],
  ] as const)('(%s) a first contact made on a holiday names the holiday in the reader’s language', async (language, holiday, label) => {
    const opened = await supervisor.post('/cases', {
      workflow: 'support-coordination',
      command: 'RecordOptIn',
      data: { channel: 'supportLine', region: 'ON', client: { name: 'Jordan', contact: 'jordan@example.org', affiliation: 'cafMember' }, language: 'en', optedInAt: '2025-12-30T15:00:00Z' },
    });
    expect(opened.status).toBe(201);
    const supportCase = opened.body.caseId as string;
    await run(supervisor, supportCase, 'AssignCoordinator', { coordinatorId: 'practitioner-1', timeZone: 'America/Toronto', region: 'ON' });
    // Thursday 1 January 2026, 10:00 in Toronto.
    await run(await running.as('practitioner', 'practitioner-1'), supportCase, 'RecordFirstContact', { method: 'phone', contactedAt: '2026-01-01T15:00:00Z' });
    const page = await browser.signedIn('practitioner', 'practitioner-1');
    try {
      await chooseLanguage(page, language);
      await page.goto(`${running.baseUrl}/#/cases/${supportCase}`);
      const contact = page.locator('.timeline li').filter({ has: page.getByText(supportCoordinationLabels.events['FirstContactMade']![language], { exact: true }) });
      await contact.locator('summary').click();
      const named = contact.locator('.event-data dt').filter({ hasText: new RegExp(`^${label}$`) });
      expect(await named.locator('xpath=following-sibling::dd[1]').allTextContents()).toEqual([holiday]);
      expect(await contact.textContent()).not.toContain(language === 'fr' ? "New Year's Day" : 'Jour de l’An');
      await chooseLanguage(page, 'en');
    } finally {
      await page.close();
    }
  });

  it.each([
    ['en', 'What others may do', 'Resume participation (supervisor)', 'No cases.', 'closed'],
    ['fr', 'Ce que d’autres peuvent faire', 'Reprendre la participation (superviseure ou superviseur)', 'Aucun dossier.', 'fermé'],
  ] as const)('(%s) a practitioner whose class member withdrew has the case closed, out of their inbox, and reads on it what a supervisor may do', async (language, heading, step, noCases, closed) => {
    const page = await browser.signedIn('practitioner', 'practitioner-2');
    try {
      await chooseLanguage(page, language);
      // Withdrawn is closed (the state is tagged so): no one works it until the class member comes back.
      await page.getByText(noCases, { exact: true }).waitFor();
      expect(await page.locator('table.inbox tbody tr').count()).toBe(0);
      await page.goto(`${running.baseUrl}/#/cases/${withdrawnCase}`);
      const others = page.getByRole('region', { name: heading });
      await others.waitFor();
      expect(await others.getByRole('listitem').allTextContents()).toEqual([step]);
      expect(await page.locator('.command-list button').count()).toBe(0);
      expect(await page.locator('main').textContent()).toContain(closed);
      await chooseLanguage(page, 'en');
    } finally {
      await page.close();
    }
  });

  it.each([
    ['en', 'What others may do', 'Respond (practitioner assigned to the case or supervisor assigned to the case or Restorative Justice Unit assigned to the case)'],
    [
      'fr',
      'Ce que d’autres peuvent faire',
      'Répondre (praticienne ou praticien à qui le dossier est attribué, ou superviseure ou superviseur à qui le dossier est attribué, ou Unité de la justice réparatrice à qui le dossier est attribué)',
    ],
  ] as const)('(%s) a supervisor reads who may take a step only on a case assigned to them, each role whole', async (language, heading, step) => {
    const page = await browser.signedIn('supervisor', 'supervisor-1');
    try {
      await chooseLanguage(page, language);
      await page.goto(`${running.baseUrl}/#/cases/${complaintCase}`);
      const others = page.getByRole('region', { name: heading });
      await others.waitFor();
      expect(await others.getByRole('listitem').allTextContents()).toContain(step);
      await chooseLanguage(page, 'en');
    } finally {
      await page.close();
    }
  });

  it('opens in French for a browser set to French, until another language is chosen', async () => {
    const french = await openBrowser(running, { locale: 'fr-CA' });
    try {
      const page = await french.context.newPage();
      await page.goto(running.baseUrl);
      await page.getByRole('heading', { name: 'Ouvrir une session' }).waitFor();
      expect(await documentLanguage(page)).toBe('fr-CA');
      await page.getByLabel('Jeton d’accès').fill('pas un jeton');
      await page.getByRole('button', { name: 'Ouvrir une session' }).click();
      await expectVisible(page.getByText('Ce n’est pas un jeton Mend'));
      expect(await englishOnPage(page)).toEqual([]);
      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('heading', { name: 'Sign in' }).waitFor();
      await page.reload();
      await page.getByRole('heading', { name: 'Sign in' }).waitFor();
      expect(await documentLanguage(page)).toBe('en-CA');
    } finally {
      await french.close();
    }
  });

  /** Every page of the console, for the role that sees it, with what shows it is loaded. */
  const pages: readonly { name: string; role: 'practitioner' | 'supervisor' | 'auditor' | 'rju' | 'admin' | undefined; path: () => string; ready: string }[] = [
    { name: 'sign-in', role: undefined, path: () => '', ready: '#token' },
    { name: 'practitioner caseload', role: 'practitioner', path: () => '#/caseload', ready: 'table.cases' },
    { name: 'practitioner case, form open with errors', role: 'practitioner', path: () => `#/cases/${complaintCase}`, ready: '.timeline' },
    { name: 'supervisor SLA dashboard', role: 'supervisor', path: () => '#/sla', ready: 'table.at-risk' },
    { name: 'supervisor cases', role: 'supervisor', path: () => '#/cases', ready: 'table.cases' },
    { name: 'supervisor RE case', role: 'supervisor', path: () => `#/cases/${reCase}`, ready: '.timeline' },
    { name: 'auditor cases', role: 'auditor', path: () => '#/audit', ready: 'table.cases' },
    { name: 'auditor case audit', role: 'auditor', path: () => `#/audit/${complaintCase}`, ready: '[data-testid="as-of-view"]' },
    { name: 'auditor case audit, a breached clock', role: 'auditor', path: () => `#/audit/${lateCase}`, ready: '[data-testid="as-of-view"]' },
    { name: 'rju cases', role: 'rju', path: () => '#/cases', ready: 'table.cases' },
    { name: 'rju RO case', role: 'rju', path: () => `#/cases/${roCase}`, ready: '.timeline' },
    { name: 'supervisor search', role: 'supervisor', path: () => '#/search', ready: '#search-q' },
    { name: 'admin home: the staff directory', role: 'admin', path: () => '', ready: 'table.cases' },
    { name: 'supervisor intake, complaint form', role: 'supervisor', path: () => '#/open/complaint', ready: 'form.command' },
    { name: 'rju intake, referral form', role: 'rju', path: () => '#/open/restorative-opportunities', ready: 'form.command' },
  ];

  it.each(pages.flatMap((p) => (['en', 'fr'] as const).map((language) => [p.name, language, p] as const)))(
    '%s (%s): no axe-core violation, no table spilling over at 1366 and 1024 px, no sideways scrolling at 320 px (WCAG 1.4.10)',
    async (name, language, target) => {
      const page = target.role ? await browser.signedIn(target.role, `${target.role}-1`) : await browser.context.newPage();
      try {
        if (!target.role) await page.goto(running.baseUrl);
        await chooseLanguage(page, language);
        if (target.path()) await page.goto(`${running.baseUrl}/${target.path()}`);
        await page.locator(target.ready).first().waitFor();
        if (name.includes('form open')) {
          const respond = language === 'fr' ? 'Répondre' : 'Respond';
          await page.getByRole('button', { name: respond, exact: true }).click();
          await page.getByRole('form', { name: respond }).getByRole('button', { name: respond }).click();
          await page.locator('.error-summary li').first().waitFor();
        }
        if (name.includes('SLA')) await page.locator('table.at-risk button').first().click().then(() => page.locator('.reassign form').first().waitFor());
        if (name.includes('SLA')) await page.locator('#breached-clocks, #workload, #weeks').last().waitFor();
        expect(await documentLanguage(page)).toBe(`${language}-CA`);
        if (language === 'fr') expect(await englishOnPage(page)).toEqual([]);
        if (language === 'fr') expect(await fallbacksToEnglish(page)).toEqual([]);

        const { violations } = await new AxeBuilder({ page }).analyze();
        expect(violations.map((v) => ({ rule: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }))).toEqual([]);

        // At a laptop's widths no table spills out of its column over the next.
        for (const width of [1366, 1024]) {
          await page.setViewportSize({ width, height: 900 });
          const spilling = await page.evaluate(`[...document.querySelectorAll('table')]
            .filter((table) => table.getBoundingClientRect().width > table.parentElement.getBoundingClientRect().width + 1)
            .map((table) => table.id || table.className)`);
          expect({ width, spilling }).toEqual({ width, spilling: [] });
        }
        await page.setViewportSize({ width: 320, height: 700 });
        expect(await sidewaysOverflow(page)).toEqual([]);
        // Every table folds into a block per row: squeezed into 320 px, a table of four or more
        // columns breaks its words in the middle.
        expect(
          await page.evaluate(`[...document.querySelectorAll('table')]
            .filter((table) => getComputedStyle(table).display === 'table')
            .map((table) => table.id || table.className)`),
        ).toEqual([]);
        // A list of cases folds into a block per case, each cell named by its column, in this language.
        const folded = await page.evaluate(`[...document.querySelectorAll('table.fold td[data-label]')].slice(0, 3).map((td) =>
          [getComputedStyle(td).display, getComputedStyle(td, '::before').content.includes(td.dataset.label)])`);
        if (await page.locator('table.fold tbody tr').count()) expect((folded as unknown[]).length).toBeGreaterThan(0);
        for (const cell of folded as [string, boolean][]) expect(cell).toEqual(['block', true]);
        await browser.screenshot(page, `320-${name.replace(/\W+/g, '-')}-${language}`);
      } finally {
        await page.close();
      }
    },
  );

  it('works with the keyboard alone: skip link, language switch, sign-in, a case, a form and its errors', async () => {
    const page = await browser.context.newPage();
    try {
      await page.goto(running.baseUrl);
      await chooseLanguage(page, 'en');
      // From the top of a freshly loaded page, as a keyboard user arrives.
      await page.reload();
      await page.locator('#token').waitFor();
      await page.keyboard.press('Tab');
      expect(await focused(page)).toMatchObject({ tag: 'A', text: 'Skip to content', outline: true });
      await page.keyboard.press('Enter');
      expect((await focused(page)).id).toBe('main');

      await page.locator('#token').focus();
      await page.keyboard.type(await running.token('practitioner', 'practitioner-1'));
      await page.keyboard.press('Tab');
      expect(await focused(page)).toMatchObject({ tag: 'BUTTON', text: 'Sign in', outline: true });
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { name: 'My caseload' }).waitFor();

      await tabTo(page, (f) => f.tag === 'BUTTON' && f.text === 'Français');
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { name: 'Mes dossiers' }).waitFor();

      await tabTo(page, (f) => f.tag === 'A' && f.href === `#/cases/${complaintCase}`);
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { name: 'Prochaines étapes' }).waitFor();
      // The new page takes the focus, as a page load would.
      expect((await focused(page)).id).toBe('main');

      await tabTo(page, (f) => f.tag === 'BUTTON' && f.text === 'Répondre');
      await page.keyboard.press('Enter');
      await tabTo(page, (f) => f.id === 'cmd-Respond-response');
      await page.keyboard.type('Nous avons reporté votre rencontre à la semaine prochaine.');
      // The next level is left out: at level 1 the case requires it, so the form says so before sending, in French.
      await tabTo(page, (f) => f.tag === 'BUTTON' && f.text === 'Répondre' && f.inForm);
      await page.keyboard.press('Enter');
      await page.locator('.error-summary').waitFor();
      // The refusal takes the focus, so the person hears and sees it first.
      await page.locator('.error-summary:focus').waitFor();
      // Said beside the group it is about, which the summary names.
      expect(await page.locator('.error-summary li a').first().textContent()).toBe('Palier de révision suivant\u00a0: est obligatoire');
      await page.locator('#cmd-Respond-nextLevel-error').waitFor();
      // A name without its contact information: the summary names the field with its group.
      await tabTo(page, (f) => f.id === 'cmd-Respond-nextLevel_name');
      await page.keyboard.type('Alex Tremblay');
      await tabTo(page, (f) => f.tag === 'BUTTON' && f.text === 'Répondre' && f.inForm);
      await page.keyboard.press('Enter');
      await page.locator('.error-summary li a', { hasText: 'Palier de révision suivant — Coordonnées\u00a0: est obligatoire' }).waitFor();
      // The form, sent again empty with the keyboard: each field's error is a link in the summary that takes the focus to it.
      await tabTo(page, (f) => f.id === 'cmd-Respond-response');
      await page.keyboard.press('Control+A');
      await page.keyboard.press('Delete');
      await tabTo(page, (f) => f.tag === 'BUTTON' && f.text === 'Répondre' && f.inForm);
      await page.keyboard.press('Enter');
      await page.locator('.error-summary li').first().waitFor();
      // The focus moves once the summary has been drawn: wait for it rather than read it at once.
      await page.locator('.error-summary:focus, .error-summary :focus').first().waitFor();
      expect(await focused(page)).toMatchObject({ inSummary: true });
      await tabTo(page, (f) => f.tag === 'A' && f.inSummary);
      const target = (await focused(page)).href.split('#')[1]!;
      await page.keyboard.press('Enter');
      expect((await focused(page)).id).toBe(target);
    } finally {
      await page.close();
    }
  });
});


/** Texts of the page (and its accessible names) outside any part marked `lang="en"` that are English sentences of the catalogue. */
async function englishOnPage(page: Page): Promise<string[]> {
  // In-page scripts are written as source: the tests' program has no DOM library to type them.
  const texts = await page.evaluate<string[]>(`(() => {
    const english = (element) => element.closest('[lang]')?.getAttribute('lang') === 'en';
    const found = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || english(parent) || parent.closest('script, style, noscript')) continue;
      found.push(node.textContent ?? '');
    }
    for (const element of document.querySelectorAll('[aria-label], [placeholder], [title]')) {
      if (english(element)) continue;
      for (const name of ['aria-label', 'placeholder', 'title']) found.push(element.getAttribute(name) ?? '');
    }
    return found.map((text) => text.trim()).filter(Boolean);
  })()`);
  return texts.filter((text) => ENGLISH_ONLY.has(text));
}

/**
 * What a French page shows in English because it has no French for it: the parts marked
 * `lang="en"` (a state, command, event, field or value without a label falls back to its technical
 * name, marked so), but for the switch to English.
 */
async function fallbacksToEnglish(page: Page): Promise<string[]> {
  const texts = await page.locator('body [lang="en"]').allTextContents();
  return texts.map((text) => text.trim()).filter((text) => text && text !== 'English');
}

/** Elements wider than the viewport, and whether the page itself scrolls sideways. */
async function sidewaysOverflow(page: Page): Promise<string[]> {
  return page.evaluate<string[]>(`(() => {
    const width = document.documentElement.clientWidth;
    const problems = [];
    if (document.documentElement.scrollWidth > width) problems.push('page is ' + document.documentElement.scrollWidth + 'px wide for ' + width + 'px');
    for (const element of document.querySelectorAll('body *')) {
      const box = element.getBoundingClientRect();
      if (box.width > 0 && box.right > width + 1 && !element.closest('.visually-hidden, .skip')) {
        problems.push(element.tagName.toLowerCase() + (element.id ? '#' + element.id : '') + '.' + element.className + ' ends at ' + Math.round(box.right) + 'px');
      }
    }
    return problems.slice(0, 10);
  })()`);
}

interface Focused {
  readonly tag: string;
  readonly id: string;
  readonly text: string;
  readonly href: string;
  readonly outline: boolean;
  readonly inForm: boolean;
  readonly inSummary: boolean;
}

/** The focused element, and whether it shows a focus ring. */
function focused(page: Page): Promise<Focused> {
  return page.evaluate<Focused>(`(() => {
    const element = document.activeElement;
    const style = getComputedStyle(element);
    return {
      tag: element.tagName,
      id: element.id,
      text: (element.textContent ?? '').trim(),
      href: element.getAttribute('href') ?? '',
      outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
      inForm: element.closest('form.command') !== null,
      inSummary: element.closest('.error-summary') !== null,
    };
  })()`);
}

/** Presses Tab until the focus is on what `wanted` describes, every stop showing its focus ring. */
async function tabTo(page: Page, wanted: (f: Focused) => boolean): Promise<void> {
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    const now = await focused(page);
    if (now.tag !== 'BODY') expect({ ...now, outline: now.outline || now.tag === 'MAIN' }).toMatchObject({ outline: true });
    if (wanted(now)) return;
  }
  throw new Error('The element was not reached with Tab');
}

async function expectVisible(locator: ReturnType<Page['locator']>): Promise<void> {
  await locator.waitFor({ state: 'visible' });
  expect(await locator.isVisible()).toBe(true);
}
