import { fr } from '../../console/src/i18n/messages';
import { startApp, type HttpClient, type RunningApp } from '../support/app';
import { axeViolations, chooseLanguage, complaintFrom, ensureConsoleBuilt, expectVisible, openBrowser, type Browser } from './browser';

/**
 * A person's erasure, as an administrator does it from the console: by the identifier a supervisor
 * reads under the person on the case page, confirmed before anything is sent, refused within the
 * retention period unless the person consented, in headless Chromium against the real app.
 */
describe('the console: erasing a person’s personal information', () => {
  jest.setTimeout(120_000);
  let running: RunningApp;
  let browser: Browser;
  let supervisor: HttpClient;
  let caseId: string;

  beforeAll(async () => {
    ensureConsoleBuilt();
    running = await startApp({ start: '2026-03-02T16:00:00Z' });
    supervisor = await running.as('supervisor', 'supervisor-1');
    ({ caseId } = await complaintFrom(supervisor, 'Émilie Côté', 'ec@example.org'));
    browser = await openBrowser(running);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await running?.close();
  });

  const complainantName = async () => (await supervisor.get(`/cases/${caseId}/history`)).body.items[0].data.complainant.name as string;

  it('(fr) a supervisor reads the identifier under the person; the administrator erases by it, once confirmed and with the person’s consent', async () => {
    const reader = await browser.signedIn('supervisor', 'supervisor-1');
    const admin = await browser.signedIn('admin', 'admin-1');
    try {
      await chooseLanguage(reader, 'fr');
      await reader.goto(`${running.baseUrl}/#/cases/${caseId}`);
      const card = reader.locator('.person', { hasText: 'Émilie Côté' });
      await expectVisible(card.locator('.privacy-id', { hasText: 'Identifiant pour les demandes relatives aux renseignements personnels' }));
      const subjectId = (await card.locator('.privacy-id code').textContent())!;
      const history = await supervisor.get(`/cases/${caseId}/history`);
      expect(subjectId).toBe(history.body.items[0].data.complainant.subjectId);

      await chooseLanguage(admin, 'fr');
      await admin.getByRole('link', { name: 'Effacement', exact: true }).click();
      await expectVisible(admin.getByRole('heading', { name: 'Effacer les renseignements personnels d’une personne' }));
      expect(await axeViolations(admin)).toEqual([]);

      // Nothing typed: said so, nothing sent.
      await admin.getByRole('button', { name: 'Effacer', exact: true }).click();
      await expectVisible(admin.getByRole('alert').getByText(/^Rien n’a été effacé\u00a0: saisissez l’identifiant/));

      // Asked, then kept: nothing erased.
      await admin.getByLabel('Identifiant de la personne').fill(subjectId);
      await admin.getByRole('button', { name: 'Effacer', exact: true }).click();
      const warning = admin.locator('.still-holds p');
      await expectVisible(warning);
      expect(await warning.textContent()).toBe(
        `Cette opération est irréversible\u00a0: les renseignements personnels conservés sous ${subjectId} s’afficheront [effacé] dans tous les dossiers qui les ont consignés. Les effacer\u202f?`,
      );
      expect(await admin.evaluate<string>("document.activeElement?.textContent ?? ''")).toContain('irréversible');
      expect(await axeViolations(admin)).toEqual([]);
      await admin.getByRole('button', { name: 'Ne rien changer', exact: true }).click();
      expect(await warning.count()).toBe(0);
      expect(await complainantName()).toBe('Émilie Côté');

      // Within the retention period, without consent: the API's refusal, in French; nothing erased.
      await admin.getByRole('button', { name: 'Effacer', exact: true }).click();
      await admin.getByRole('button', { name: 'Effacer définitivement', exact: true }).click();
      await expectVisible(admin.getByRole('alert').getByText(/exige de les conserver 2\u00a0ans après leur dernière utilisation, jusqu’au/));
      // Its times as people read them, not as the API stores them.
      expect(await admin.getByRole('alert').textContent()).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
      expect(await complainantName()).toBe('Émilie Côté');

      // A consent without its day is asked for here, before the warning: nothing is sent.
      await admin.getByLabel('La personne a consenti au retrait de ses renseignements').check();
      await admin.getByRole('button', { name: 'Effacer', exact: true }).click();
      await expectVisible(admin.getByRole('alert').getByText(fr.erasureNoConsentDate, { exact: true }));
      expect(await warning.count()).toBe(0);

      // With the person's consent: erased.
      await admin.getByLabel('Consentement donné par').selectOption('subject');
      await admin.getByLabel('Consentement donné le').fill('2026-03-02');
      await admin.getByRole('button', { name: 'Effacer', exact: true }).click();
      await admin.getByRole('button', { name: 'Effacer définitivement', exact: true }).click();
      const done = admin.getByRole('status');
      await expectVisible(done);
      expect(await done.textContent()).toBe(
        `Effacement effectué\u00a0: les renseignements personnels conservés sous ${subjectId} s’affichent désormais [effacé] (avec le consentement de la personne).`,
      );
      expect(await complainantName()).toBe('[erased]');
      expect(await axeViolations(admin)).toEqual([]);

      // The case page no longer offers an identifier for a person it cannot show.
      await reader.reload();
      await expectVisible(reader.locator('.person').first());
      expect(await reader.locator('.privacy-id').count()).toBe(0);
    } finally {
      await chooseLanguage(reader, 'en');
      await chooseLanguage(admin, 'en');
      await Promise.all([reader.close(), admin.close()]);
    }
  });

  it('(en) an identifier no case recorded erases nothing, and says to check it', async () => {
    const admin = await browser.signedIn('admin', 'admin-1');
    try {
      await admin.goto(`${running.baseUrl}/#/erasure`);
      await admin.getByLabel('Identifier of the person').fill('nobody-recorded-this');
      await admin.getByRole('button', { name: 'Erase', exact: true }).click();
      await admin.getByRole('button', { name: 'Erase for good', exact: true }).click();
      const said = admin.getByRole('status');
      await expectVisible(said);
      expect(await said.textContent()).toBe(
        'Nothing was erased: no personal information is kept under nobody-recorded-this. Either no case recorded this identifier or it was erased before; check the identifier.',
      );
    } finally {
      await admin.close();
    }
  });
});
