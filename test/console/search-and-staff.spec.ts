import { randomBytes } from 'node:crypto';
import { startApp, type RunningApp } from '../support/app';
import { axeViolations, chooseLanguage, complaintFrom, ensureConsoleBuilt, expectVisible, hasFocus, openBrowser, type Browser } from './browser';

/** The console's search and staff directory pages, in headless Chromium against the real app, in both languages. */
describe('the console: finding a case and keeping the staff directory', () => {
  jest.setTimeout(120_000);
  let running: RunningApp;
  let browser: Browser;
  let reference: string;
  let caseId: string;

  beforeAll(async () => {
    ensureConsoleBuilt();
    // Commits close together reach the read models up to a second apart: the staff page must read its own writes by position.
    running = await startApp({ start: '2026-03-02T16:00:00Z', env: { MEND_SQLITE_WAKE_MS: '1000' } });
    const supervisor = await running.as('supervisor', 'supervisor-1');
    const opened = await complaintFrom(supervisor, 'Émilie Côté', 'ec@example.org');
    ({ reference, caseId } = opened);
    await supervisor.get(`/search?q=x&minPosition=${opened.position}`);
    browser = await openBrowser(running);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await running?.close();
  });


  it.each([
    ['en', 'Search', 'Reference, name, pseudonym, claim reference or FPS number', 'Search', '1 case found'],
    ['fr', 'Recherche', 'Référence, nom, pseudonyme, numéro de réclamation ou numéro SED', 'Chercher', '1\u00a0dossier trouvé'],
  ] as const)('(%s) a supervisor finds a complaint by the complainant’s name without accents, and opens it by its reference', async (language, nav, label, button, caption) => {
    const page = await browser.signedIn('supervisor', 'supervisor-1');
    try {
      await chooseLanguage(page, language);
      await page.getByRole('navigation').getByRole('link', { name: nav }).click();
      await page.getByLabel(label).fill('emilie cote');
      await page.getByRole('button', { name: button, exact: true }).click();
      const results = page.getByRole('table', { name: caption });
      await results.waitFor();
      expect(await axeViolations(page)).toEqual([]);
      await results.getByRole('link', { name: new RegExp(reference) }).click();
      await page.waitForURL(`**/#/cases/${caseId}`);
      await page.locator('.case-id', { hasText: reference }).waitFor();
    } finally {
      await page.close();
    }
  });

  it('an auditor searching by name is told, in French, that their role may not', async () => {
    const page = await browser.signedIn('auditor', 'auditor-1');
    try {
      await chooseLanguage(page, 'fr');
      await page.getByRole('navigation').getByRole('link', { name: 'Recherche' }).click();
      await page.getByLabel('Référence du dossier').fill('emilie');
      await page.keyboard.press('Enter');
      await page.getByRole('alert').filter({ hasText: 'chercher des dossiers par les personnes' }).waitFor();
    } finally {
      await page.close();
    }
  });

  it.each([
    ['en', 'Reads', 'Reader’s login', 'From (day)', 'To (day, included)', 'Show the reads', 'Found by a search for the people in it', 'supervisor-1 (supervisor)'],
    ['fr', 'Consultations', 'Identifiant de la personne', 'Du (jour)', 'Au (jour, inclus)', 'Afficher les consultations', 'Trouvé par une recherche des personnes qui y figurent', 'supervisor-1 (superviseure ou superviseur)'],
  ] as const)('(%s) an auditor sees which cases a supervisor’s search by name found and which they opened, across cases, by day', async (language, nav, login, from, to, button, searched, reader) => {
    const supervisor = await running.as('supervisor', 'supervisor-1');
    expect((await supervisor.get('/search?q=emilie')).body.items).toHaveLength(1);
    expect((await supervisor.get(`/cases/${caseId}`)).status).toBe(200);
    const page = await browser.signedIn('auditor', 'auditor-1');
    try {
      await chooseLanguage(page, language);
      await page.getByRole('navigation').getByRole('link', { name: nav }).click();
      await page.getByLabel(login).fill('supervisor-1');
      await page.getByLabel(from).fill('2026-03-02');
      await page.getByLabel(to).fill('2026-03-02');
      await page.getByRole('button', { name: button }).click();
      const reads = page.getByTestId('reads-found');
      await reads.waitFor();
      // The search found the complaint, and the supervisor opened it: each a row naming the case by its reference.
      const found = reads.locator('tbody tr', { hasText: searched });
      expect(await found.count()).toBeGreaterThanOrEqual(1);
      expect(await reads.locator('tbody tr', { hasText: language === 'en' ? 'The case' : 'Le dossier' }).count()).toBeGreaterThanOrEqual(1);
      await expectVisible(found.first().getByRole('link', { name: new RegExp(reference) }));
      expect(await found.first().textContent()).toContain(reader);
      expect(await axeViolations(page)).toEqual([]);
      await found.first().getByRole('link', { name: new RegExp(reference) }).click();
      await page.waitForURL(`**/#/audit/${caseId}`);

      // A day after the reads: none; a window that ends before it starts: said beside its end, by the fields' labels, in the page's language.
      await page.getByRole('navigation').getByRole('link', { name: nav }).click();
      await page.getByLabel(from).fill('2026-03-03');
      await page.getByRole('button', { name: button }).click();
      await page.getByText(language === 'en' ? 'No read matches.' : 'Aucune consultation ne correspond.').waitFor();
      await page.getByLabel(to).fill('2026-03-01');
      await page.getByRole('button', { name: button }).click();
      await page.locator('#reads-to-error', { hasText: language === 'en' ? `“${to}” cannot be before “${from}”.` : `«\u00a0${to}\u00a0» ne peut pas précéder «\u00a0${from}\u00a0».` }).waitFor();
      expect(await page.getByLabel(to).getAttribute('aria-invalid')).toBe('true');
      await chooseLanguage(page, 'en');
    } finally {
      await page.close();
    }
  });

  it('opens a case from an address that names it by its reference, as people quote it, and says no more of one the reader may not open', async () => {
    const page = await browser.signedIn('supervisor', 'supervisor-1');
    try {
      await chooseLanguage(page, 'en');
      await page.goto(`${running.baseUrl}/#/cases/${reference.toLowerCase()}`);
      await page.locator('.case-id', { hasText: reference }).waitFor();
      await page.getByRole('heading', { name: 'Next steps' }).waitFor();
    } finally {
      await page.close();
    }
    const auditor = await browser.signedIn('auditor', 'auditor-1');
    try {
      await chooseLanguage(auditor, 'en');
      await auditor.goto(`${running.baseUrl}/#/audit/${reference}`);
      await auditor.locator('.case-id', { hasText: reference }).waitFor();
    } finally {
      await auditor.close();
    }
    // Not assigned to this practitioner: the page says of its reference what it says of one no case has.
    expect((await (await running.as('practitioner', 'practitioner-9')).get(`/cases/${caseId}`)).status).toBe(403);
    const practitioner = await browser.signedIn('practitioner', 'practitioner-9');
    try {
      await chooseLanguage(practitioner, 'fr');
      for (const named of [reference, 'CMP-2026-99999', 'nothing-at-all']) {
        await practitioner.goto(`${running.baseUrl}/#/cases/${named}`);
        await practitioner.getByRole('alert').filter({ hasText: `Aucun dossier ${named} parmi ceux que vous pouvez consulter.` }).waitFor();
      }
      expect(await axeViolations(practitioner)).toEqual([]);
      await chooseLanguage(practitioner, 'en');
    } finally {
      await practitioner.close();
    }
  });

  it('leaves the focus in the field a person went straight into when a new page opens', async () => {
    const page = await browser.signedIn('auditor', 'auditor-1');
    try {
      await chooseLanguage(page, 'en');
      // As a fast typist or assistive technology does: into the search field the moment it is drawn, before the
      // console's own move of the focus to the new page, which runs after paint (at the latest 100 ms after it).
      await page.evaluate(
        `new MutationObserver((_, observer) => { const field = document.getElementById('search-q'); if (field) { field.focus(); observer.disconnect(); } }).observe(document.body, { childList: true, subtree: true })`,
      );
      await page.getByRole('navigation').getByRole('link', { name: 'Search' }).click();
      await page.locator('#search-q').waitFor();
      await page.waitForTimeout(300);
      expect(await page.evaluate<string>('document.activeElement.id')).toBe('search-q');
      await page.keyboard.type('emilie');
      await page.keyboard.press('Enter');
      await page.getByRole('alert').filter({ hasText: 'search cases by the people' }).waitFor();
    } finally {
      await page.close();
    }
  });

  it.each([
    ['en', 'Display name', 'Id (the subject of their sign-in tokens)', 'English', 'Add', 'Added: Alex Martin.', 'Stop giving them cases', 'No'],
    ['fr', 'Nom affiché', 'Identifiant (le sujet de ses jetons de connexion)', 'anglais', 'Ajouter', 'Fiche ajoutée\u00a0: Alex Martin.', 'Cesser de lui confier des dossiers', 'Non'],
  ] as const)('(%s) an admin adds a person, sees them listed, and marks them as no longer taking cases', async (language, nameLabel, idLabel, english, add, added, deactivate, no) => {
    const page = await browser.signedIn('admin', 'admin-1');
    const staffId = `practitioner-${language}`;
    try {
      await chooseLanguage(page, language);
      await page.locator('#staff-title').waitFor();
      // Every broken rule at once, each beside its field, in the page's language.
      await page.getByRole('button', { name: add, exact: true }).click();
      await page.locator('#staff-staffId-error').waitFor();
      await page.locator('#staff-displayName-error').waitFor();
      await page.locator('#staff-languages-error').waitFor();
      expect(await axeViolations(page)).toEqual([]);

      await page.getByLabel(idLabel).fill(staffId);
      await page.getByLabel(nameLabel).fill('Alex Martin');
      await page.getByRole('checkbox', { name: english, exact: true }).check();
      await page.getByRole('button', { name: add, exact: true }).click();
      await page.getByRole('status').filter({ hasText: added }).waitFor();
      const row = page.getByRole('row', { name: new RegExp(staffId) });
      await row.waitFor();
      await row.getByRole('button', { name: new RegExp(deactivate) }).click();
      await row.getByRole('cell', { name: new RegExp(`^${no}`) }).waitFor();
      expect(await axeViolations(page)).toEqual([]);
      const entry = await (await running.as('admin')).get(`/staff/${staffId}`);
      expect(entry.body).toMatchObject({ displayName: 'Alex Martin', active: false, revision: 1 });
    } finally {
      await page.close();
    }
  });

  it.each([
    ['en', 'Change', 'Change Sam Roy’s record', 'Display name', 'Region', 'French', 'Save the changes', 'Samuel Roy’s record is changed.'],
    ['fr', 'Modifier', 'Modifier la fiche de Sam Roy', 'Nom affiché', 'Région', 'français', 'Enregistrer les modifications', 'La fiche de Samuel Roy est modifiée.'],
  ] as const)('(%s) an admin changes a person’s name, region and languages from their row, their id kept', async (language, change, title, nameLabel, regionLabel, french, save, changed) => {
    const staffId = `moved-${language}`;
    const admin = await running.as('admin', 'admin-1');
    expect((await admin.post('/staff', { staffId, displayName: 'Sam Roy', role: 'practitioner', region: 'ON', languages: ['en'] })).status).toBe(201);
    const page = await browser.signedIn('admin', 'admin-1');
    try {
      await chooseLanguage(page, language);
      const row = page.getByRole('row', { name: new RegExp(staffId) });
      await row.waitFor();
      await row.getByRole('button', { name: new RegExp(`^${change}`) }).click();
      const form = page.getByRole('form', { name: title });
      await form.waitFor();
      expect(await hasFocus(form.getByRole('heading', { name: title }))).toBe(true);
      expect(await form.locator('code').textContent()).toBe(staffId);
      await form.getByLabel(nameLabel).fill('Samuel Roy');
      await form.getByLabel(regionLabel).selectOption('QC');
      await form.getByRole('checkbox', { name: french, exact: true }).check();
      expect(await axeViolations(page)).toEqual([]);
      await form.getByRole('button', { name: save }).click();
      await page.getByRole('status').filter({ hasText: changed }).waitFor();
      expect(await page.getByRole('form', { name: title }).count()).toBe(0);
      const entry = await admin.get(`/staff/${staffId}`);
      expect(entry.body).toMatchObject({ staffId, displayName: 'Samuel Roy', region: 'QC', languages: ['en', 'fr'], revision: 1 });
    } finally {
      await page.close();
    }
  });

  it('(fr) an admin is told that someone still holds open cases before marking them as no longer taking any, and may keep them as they are', async () => {
    const admin = await running.as('admin', 'admin-1');
    expect((await admin.post('/staff', { staffId: 'dominique.holds', displayName: 'Dominique Gagnon', role: 'practitioner', region: 'QC', languages: ['fr'] })).status).toBe(201);
    const supervisor = await running.as('supervisor', 'supervisor-1');
    const assigned = await supervisor.post(`/cases/${caseId}/commands/AssignHandler`, { handlerId: 'dominique.holds' });
    expect(assigned.status).toBe(200);
    await supervisor.get(`/staff?minPosition=${assigned.body.position}`);
    const page = await browser.signedIn('admin', 'admin-1');
    try {
      await chooseLanguage(page, 'fr');
      const row = page.getByRole('row', { name: /dominique\.holds/ });
      await row.waitFor();
      await row.getByRole('button', { name: /Cesser de lui confier des dossiers/ }).click();
      const warning = row.locator('.still-holds p');
      await expectVisible(warning);
      expect(await warning.textContent()).toBe(
        'Dominique Gagnon a encore 1\u00a0dossier en cours. Il lui reste attribué jusqu’à ce que le personnel de supervision le réattribue, et aucun nouveau dossier ne peut lui être confié.',
      );
      expect(await page.evaluate<boolean>("document.activeElement === document.querySelector('.still-holds p')")).toBe(true);
      expect(await axeViolations(page)).toEqual([]);
      await row.getByRole('button', { name: 'Ne rien changer' }).click();
      expect(await row.locator('.still-holds').count()).toBe(0);
      expect((await admin.get('/staff/dominique.holds')).body).toMatchObject({ active: true, revision: 0 });

      await row.getByRole('button', { name: /Cesser de lui confier des dossiers/ }).click();
      await row.getByRole('button', { name: 'Dominique Gagnon ne prend plus de dossiers' }).click();
      await row.getByRole('cell', { name: /^Non/ }).waitFor();
      expect((await admin.get('/staff/dominique.holds')).body).toMatchObject({ active: false, revision: 1 });
    } finally {
      await page.close();
    }
  });

  it('a supervisor sees in the workload the cases of someone who left, follows their name to those cases, and back to everyone’s', async () => {
    // A person of their own at each attempt (the console tests are retried once).
    const suffix = randomBytes(2).toString('hex');
    const staffId = `lee.leaves.${suffix}`;
    const name = `Lee Tremblay ${suffix}`;
    const admin = await running.as('admin', 'admin-1');
    expect((await admin.post('/staff', { staffId, displayName: name, role: 'practitioner', region: 'ON', languages: ['en'] })).status).toBe(201);
    const supervisor = await running.as('supervisor', 'supervisor-1');
    const held = await complaintFrom(supervisor, 'Jordan Blake', 'jb@example.org');
    expect((await supervisor.post(`/cases/${held.caseId}/commands/AssignHandler`, { handlerId: staffId })).status).toBe(200);
    const left = await admin.post(`/staff/${staffId}`, { active: false });
    expect(left.status).toBe(200);
    await supervisor.get(`/workload?minPosition=${left.body.position}`);
    const page = await browser.signedIn('supervisor', 'supervisor-1');
    try {
      await chooseLanguage(page, 'en');
      const row = page.locator('#workload tbody tr', { hasText: name });
      await row.waitFor();
      expect(await row.locator('.cannot-work').textContent()).toBe('1 case they can no longer work (they left, or their role changed): give it to someone else');
      expect(await axeViolations(page)).toEqual([]);
      await row.getByRole('link', { name }).click();
      await page.waitForURL(`**/#/assigned/${staffId}`);
      await page.getByRole('heading', { name: `Cases of ${name}` }).waitFor();
      const cases = page.getByRole('table', { name: '1 case' });
      await cases.getByRole('link', { name: new RegExp(held.reference) }).waitFor();
      expect(await axeViolations(page)).toEqual([]);
      await page.getByRole('link', { name: 'Show everyone’s cases' }).click();
      await page.getByRole('heading', { name: 'Cases', exact: true }).waitFor();
      // Everyone's open cases, once they have loaded: more than that one.
      await page.locator('table.cases tbody tr').nth(1).waitFor();
    } finally {
      await page.close();
    }
  });
});
