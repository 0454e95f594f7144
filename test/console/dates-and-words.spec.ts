import type { Page } from 'playwright-core';
import { receiveComplaint, run } from '../sla/sla-support';
import { chooseLanguage, consoleSuite } from './browser';

/** The texts of the page's `<time>` elements, in order. */
const times = (page: Page) => page.locator('main time').allTextContents();

/**
 * Dates and times as each language writes them (French the Canadian way: 1er mars 2026, 8 h,
 * 8 h 30; English as before), a history whose words agree with any event, French punctuation, and
 * time zones by their names.
 */
describe('the console: dates, times and words in French as they are printed', () => {
  jest.setTimeout(180_000);
  const suite = consoleSuite();
  let complaint: string;
  let optIn: string;

  beforeAll(async () => {
    // Received on Sunday 1 March at 8:00 in Ottawa, acknowledged on Monday at 8:30.
    complaint = await receiveComplaint(suite.supervisor, '2026-03-01T08:00:00-05:00');
    await run(suite.supervisor, complaint, 'AcknowledgeComplaint', { method: 'email', acknowledgedAt: '2026-03-02T08:30:00-05:00' });
    const opened = await suite.supervisor.post('/cases', {
      workflow: 'restorative-engagement',
      command: 'ReceiveOptIn',
      data: {
        channel: 'writtenRequest',
        region: 'ON',
        receivedAt: '2026-02-20T10:15:00-05:00',
        claimDecisionDate: '2026-02-01',
        classMember: { name: 'Sam', pseudonym: true, contact: 'sam.re@example.org' },
        officialLanguage: 'fr',
      },
    });
    expect(opened.status).toBe(201);
    optIn = opened.body.caseId as string;
    await suite.supervisor.get(`/cases/${optIn}?minPosition=${await suite.running.store.headPosition()}`);
  });

  it('writes the first of the month 1er, hours without a leading zero and minutes only when there are some, in French', async () => {
    const page = await suite.browser.signedIn('supervisor', 'supervisor-1');
    try {
      await chooseLanguage(page, 'fr');
      await page.goto(`${suite.running.baseUrl}/#/cases/${complaint}`);
      await page.locator('.timeline').waitFor();
      const shown = await times(page);
      expect(shown).toContain('1er\u00a0mars\u00a02026, 8\u00a0h HNE');
      expect(shown).toContain('2\u00a0mars\u00a02026, 8\u00a0h\u00a030 HNE');
      for (const text of shown) {
        expect(text).not.toMatch(/\b0\d\u00a0h/);
        expect(text).not.toMatch(/h\u00a000\b/);
        expect(text).not.toMatch(/(^|\D)1\u00a0(janv|févr|mars|avr|mai|juin|juil|août|sept|oct|nov|déc)/);
      }
      // A date without a time (the claim decision) likewise.
      await page.goto(`${suite.running.baseUrl}/#/cases/${optIn}`);
      await page.locator('.timeline').waitFor();
      expect(await times(page)).toContain('1er\u00a0févr.\u00a02026');
    } finally {
      await page.close();
    }
  });

  it('leaves English as it was', async () => {
    const page = await suite.browser.signedIn('supervisor', 'supervisor-1');
    try {
      await chooseLanguage(page, 'en');
      await page.goto(`${suite.running.baseUrl}/#/cases/${complaint}`);
      await page.locator('.timeline').waitFor();
      const shown = await times(page);
      expect(shown).toContain('Mar\u00a01, 2026, 8:00\u00a0a.m. EST');
      expect(shown).toContain('Mar\u00a02, 2026, 8:30\u00a0a.m. EST');
      await page.goto(`${suite.running.baseUrl}/#/cases/${optIn}`);
      await page.locator('.timeline').waitFor();
      expect(await times(page)).toContain('Feb 1, 2026');
    } finally {
      await page.close();
    }
  });

  it.each([
    ['en', 'Mar\u00a02, 2026, 6:30\u00a0a.m. MST'],
    ['fr', '2\u00a0mars\u00a02026, 6\u00a0h\u00a030 HNR'],
  ] as const)('(%s) names Yukon’s time by its abbreviation, as every other region’s, not by its offset', async (language, received) => {
    // Yukon keeps UTC−7 all year: Mountain Standard Time, which Intl names only as GMT-7 and UTC−7 there.
    const yukon = await receiveComplaint(suite.supervisor, '2026-03-02T06:30:00-07:00', 'YT');
    await suite.supervisor.get(`/cases/${yukon}?minPosition=${await suite.running.store.headPosition()}`);
    const page = await suite.browser.signedIn('supervisor', 'supervisor-1');
    try {
      await chooseLanguage(page, language);
      await page.goto(`${suite.running.baseUrl}/#/cases/${yukon}`);
      await page.locator('.timeline').waitFor();
      const shown = await times(page);
      expect(shown).toContain(received);
      for (const text of shown) expect(text).not.toMatch(/GMT|UTC/);
    } finally {
      await page.close();
    }
  });

  it('says when each event happened in words that agree with any event, feminine or masculine', async () => {
    const page = await suite.browser.signedIn('supervisor', 'supervisor-1');
    try {
      await chooseLanguage(page, 'fr');
      await page.goto(`${suite.running.baseUrl}/#/cases/${complaint}`);
      const timeline = page.locator('.timeline');
      await timeline.waitFor();
      const text = (await timeline.textContent())!;
      // « Plainte reçue survenu le… », « Accusé de réception survenu le… »: no participle to agree with the event.
      expect(text).not.toMatch(/survenue?|saisie? le|saisie? plus tard/);
      expect(await timeline.locator('li').first().locator('.when').textContent()).toMatch(/^— le 2\u00a0mars\u00a02026, 9\u00a0h HNE/);
      // Nor in English: the time is when it was recorded in Mend (a complaint's own date of receipt is among its data), not "happened".
      await chooseLanguage(page, 'en');
      await page.getByRole('heading', { name: 'Timeline' }).waitFor();
      expect(await page.locator('.timeline li').first().locator('.when').textContent()).toMatch(/^— Mar(ch)?\s2,\s2026/);
      expect(await page.locator('.timeline').textContent()).not.toContain('happened');
    } finally {
      await page.close();
    }
  });

  it.each([
    ['en', /Received on: Jan(uary)?\s1,\s2030/, '“Received on”'],
    ['fr', /Date de réception\u00a0: 1er\u00a0janv(\.|ier)\u00a02030/, '«\u00a0Date de réception\u00a0»'],
  ] as const)('(%s) a refusal names the instants it gives as people read them, in the case’s zone, not as the API stores them', async (language, received, quoted) => {
    const page = await suite.browser.signedIn('supervisor', 'supervisor-1');
    try {
      await chooseLanguage(page, language);
      await page.goto(`${suite.running.baseUrl}/#/open/complaint`);
      const form = page.locator('form.command');
      await form.locator('#cmd-ReceiveComplaint-channel').selectOption('mail');
      await form.locator('#cmd-ReceiveComplaint-receivedAt').fill('2030-01-01T10:00');
      await form.locator('#cmd-ReceiveComplaint-complainant_name').fill('Alex');
      await form.locator('#cmd-ReceiveComplaint-text').fill('A letter about my preparation meeting.');
      await form.locator('button[type="submit"]').click();
      const summary = form.locator('.error-summary');
      await summary.waitFor();
      const text = (await summary.textContent())!;
      expect(text).toMatch(received);
      expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}/);
      // The field named once, by the form.
      expect(text).not.toContain(quoted);
    } finally {
      await page.close();
    }
  });

  it('sets a no-break space before the semicolon of a form’s note', async () => {
    const page = await suite.browser.signedIn('supervisor', 'supervisor-1');
    try {
      await chooseLanguage(page, 'fr');
      await page.goto(`${suite.running.baseUrl}/#/open/complaint`);
      const note = page.locator('form.command p.hint', { hasText: 'doivent être remplis' });
      expect(await note.textContent()).toBe('Les champs marqués (obligatoire) doivent être remplis\u202f; les autres peuvent rester vides.');
    } finally {
      await page.close();
    }
  });

  it.each([
    ['en', 'Eastern Time'],
    ['fr', 'heure de l’Est'],
  ] as const)('(%s) names the time zone of the audit page’s date and time by its name, not its IANA id', async (language, zone) => {
    const page = await suite.browser.signedIn('auditor', 'auditor-1');
    try {
      await chooseLanguage(page, language);
      await page.goto(`${suite.running.baseUrl}/#/audit/${complaint}`);
      const hint = page.locator('#as-of-typed-hint');
      await hint.waitFor();
      const text = (await hint.textContent())!;
      expect(text).not.toContain('America/');
      expect(text).toContain(zone);
    } finally {
      await page.close();
    }
  });
  it.each([
    ['en', 'Business time paused', /^1\s?hr 30\s?mins?$/],
    ['fr', 'Temps ouvrable suspendu', /^1\s?h 30\s?min$/],
  ] as const)('(%s) writes the business time a clock spent paused as a duration, not milliseconds', async (language, label, shown) => {
    const caseId = await receiveComplaint(suite.supervisor, '2026-03-02T09:00:00-05:00');
    await run(suite.supervisor, caseId, 'PauseClock', { clock: 'response-1', reason: 'Waiting for the dates the complainant is free.' });
    suite.running.clock.advance(90 * 60_000);
    await run(suite.supervisor, caseId, 'ResumeClock', { clock: 'response-1' });
    const page = await suite.browser.signedIn('supervisor', 'supervisor-1');
    try {
      await chooseLanguage(page, language);
      await page.goto(`${suite.running.baseUrl}/#/cases/${caseId}`);
      await page.locator('.timeline').waitFor();
      await page.evaluate("document.querySelectorAll('.timeline details').forEach((d) => { d.open = true; })");
      const term = page.locator('.timeline .event-data dt').filter({ hasText: new RegExp(`^${label}$`) });
      expect((await term.locator('xpath=following-sibling::dd[1]').textContent())!.trim()).toMatch(shown);
    } finally {
      await page.close();
    }
  });
});
