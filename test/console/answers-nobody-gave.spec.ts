import type { Page } from 'playwright-core';
import { restorativeEngagementLabels as labels } from '../../workflows/restorative-engagement/labels';
import { run } from '../sla/sla-support';
import { axeViolations, consoleSuite, hasFocus, stepForm } from './browser';

/** The bodies of the commands and new cases the page sends, as they leave the browser. */
function bodiesSent(page: Page): Record<string, unknown>[] {
  const sent: Record<string, unknown>[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && /\/cases(\/[^/]+\/commands\/[^/]+)?$/.test(new URL(request.url()).pathname)) sent.push(request.postDataJSON() as Record<string, unknown>);
  });
  return sent;
}

/**
 * A form records only what the person said: a kind to choose among (a union told apart by a
 * constant) starts on « Choose… », not on its first kind, and a required yes or no (a consent) is
 * asked as two answers, neither chosen, so that a question left unanswered is refused by the API
 * beside its field rather than recorded as "no".
 */
describe('the console: no answer is given for the person', () => {
  jest.setTimeout(180_000);
  const suite = consoleSuite();
  let reflecting: string;

  beforeAll(async () => {
    const opened = await suite.supervisor.post('/cases', {
      workflow: 'restorative-engagement',
      command: 'ReceiveOptIn',
      data: {
        channel: 'writtenRequest',
        region: 'ON',
        receivedAt: '2026-02-10T10:15:00-05:00',
        claimDecisionDate: '2026-02-02',
        classMember: { name: 'Sam', pseudonym: true, contact: 'sam.re@example.org' },
        officialLanguage: 'en',
      },
    });
    expect(opened.status).toBe(201);
    reflecting = opened.body.caseId as string;
    await run(suite.supervisor, reflecting, 'ConfirmParticipation', { officialLanguage: 'en' });
    await run(suite.supervisor, reflecting, 'AssignPractitioner', { practitionerIds: ['practitioner-1'] });
    const practitioner = await suite.running.as('practitioner', 'practitioner-1');
    await run(practitioner, reflecting, 'RecordPreparationSession', {
      delivery: 'virtual',
      topics: ['programOverview', 'participationOptions', 'confidentialityLimits', 'dutyToReportException', 'supportServices'],
      heldAt: '2026-02-16T13:00:00-05:00',
    });
    await run(practitioner, reflecting, 'SetGoals', { goals: 'Be heard.' });
    await run(practitioner, reflecting, 'CompletePreparation');
    await run(practitioner, reflecting, 'ChooseParticipation', { options: ['writtenSharing'], deliveries: ['indirect'], settings: ['individual'], anonymity: 'anonymous' });
    await run(practitioner, reflecting, 'ScheduleEngagement', { engagementId: 'letter-1', option: 'writtenSharing', delivery: 'indirect', setting: 'individual', scheduledFor: '2026-02-20T13:00:00-05:00' });
    await run(practitioner, reflecting, 'RecordEngagement', { outcome: 'held', engagementId: 'letter-1', heldAt: '2026-02-20T14:30:00-05:00' });
    await run(practitioner, reflecting, 'SubmitSharing', { engagementId: 'letter-1', consentGivenAt: '2026-02-23T10:00:00-05:00' });
    await run(practitioner, reflecting, 'CompleteEngagementPhase');
  });

  it.each(['en', 'fr'] as const)('(%s) a reflection submitted untouched records nothing: its kind and each consent are asked, and refused unanswered beside their fields', async (language) => {
    const page = await suite.browser.signedIn('practitioner', 'practitioner-1');
    const sent = bodiesSent(page);
    try {
      const name = labels.commands['RecordReflection']![language];
      const form = await stepForm(page, language, `${suite.running.baseUrl}/#/cases/${reflecting}`, name);
      const goalsMet = form.locator('#cmd-RecordReflection-goalsMet');
      await goalsMet.waitFor();
      // Nothing chosen: « Choose… » is shown, and the kinds' own fields wait for a kind.
      expect(await goalsMet.inputValue()).toBe('');
      expect(await goalsMet.locator('option:checked').textContent()).toBe(language === 'en' ? 'Choose…' : 'Choisir…');
      expect(await form.locator('#cmd-RecordReflection-inputUse').count()).toBe(0);
      // A consent every kind asks for is a yes or a no (a group of radios, required), neither said.
      const consent = form.getByRole('radiogroup', { name: new RegExp(labels.fields['followUpConsent']![language]) });
      expect(await consent.getByRole('radio').count()).toBe(2);
      expect(await consent.getByRole('radio', { checked: true }).count()).toBe(0);

      await form.getByRole('button', { name, exact: true }).click();
      const summary = form.getByRole('alert');
      await summary.waitFor();
      expect(sent.at(-1)).toEqual({});
      expect(await hasFocus(summary)).toBe(true);
      const error = form.locator('#cmd-RecordReflection-goalsMet-error');
      await error.waitFor();
      expect(await goalsMet.getAttribute('aria-invalid')).toBe('true');
      expect((await goalsMet.getAttribute('aria-describedby'))?.split(' ')).toContain('cmd-RecordReflection-goalsMet-error');
      // The kind left unchosen is missing, as any field left out is: not a list of the kinds it could have been.
      expect(await error.textContent()).toBe(language === 'en' ? 'is required' : 'est obligatoire');
      const link = summary.getByRole('link', { name: new RegExp(labels.fields['goalsMet']![language]) });
      await link.click();
      expect(await hasFocus(goalsMet)).toBe(true);

      // The kind chosen: its own consents are asked too, none answered for the person.
      await goalsMet.selectOption('met');
      const programUpdates = form.locator('#cmd-RecordReflection-stayConnected_programUpdates');
      await programUpdates.waitFor();
      expect(await programUpdates.getByRole('radio', { checked: true }).count()).toBe(0);
      expect(await consent.getByRole('radio', { checked: true }).count()).toBe(0);
      await form.getByRole('button', { name, exact: true }).click();
      await form.locator('#cmd-RecordReflection-followUpConsent-error').waitFor();
      expect(sent.at(-1)).toEqual({ goalsMet: 'met', inputUse: [], stayConnected: {} });
      // Each question of the group left unanswered is named at once, beside its own answer.
      for (const question of ['programUpdates', 'researchAndConsultations']) {
        expect(await form.locator(`#cmd-RecordReflection-stayConnected_${question}-error`).count()).toBe(1);
      }
      expect(await axeViolations(page)).toEqual([]);

      // Answered, it records what was answered: a "no" is said, not assumed.
      await consent.getByRole('radio', { name: language === 'en' ? 'No' : 'Non' }).check();
      await programUpdates.getByRole('radio', { name: language === 'en' ? 'Yes' : 'Oui' }).check();
      await form.locator('#cmd-RecordReflection-stayConnected_researchAndConsultations-false').check();
      await form.getByRole('button', { name, exact: true }).click();
      await page.getByRole('status').filter({ hasText: name }).waitFor();
      expect(sent.at(-1)).toEqual({ goalsMet: 'met', followUpConsent: false, inputUse: [], stayConnected: { programUpdates: true, researchAndConsultations: false } });
    } finally {
      await page.close();
    }
  });

  it('a new case’s kind starts on « Choose… » and is refused unchosen, beside its field', async () => {
    const page = await suite.browser.signedIn('supervisor', 'supervisor-1');
    const sent = bodiesSent(page);
    try {
      await page.goto(`${suite.running.baseUrl}/#/open/restorative-engagement`);
      const channel = page.locator('#cmd-ReceiveOptIn-channel');
      await channel.waitFor();
      expect(await channel.inputValue()).toBe('');
      // What every kind asks is there to fill in before the kind is chosen, and kept after.
      await page.locator('#cmd-ReceiveOptIn-classMember_name').fill('Alex');
      await page.locator('form.command button[type="submit"]').click();
      await page.locator('#cmd-ReceiveOptIn-channel-error').waitFor();
      expect(sent.at(-1)).not.toHaveProperty('data.channel');
      expect(sent.at(-1)).toMatchObject({ data: { classMember: { name: 'Alex' } } });
      await channel.selectOption('writtenRequest');
      expect(await page.locator('#cmd-ReceiveOptIn-classMember_name').inputValue()).toBe('Alex');
      expect(await page.locator('label[for="cmd-ReceiveOptIn-claimDecisionDate"] .required').count()).toBe(1);
    } finally {
      await page.close();
    }
  });
});
