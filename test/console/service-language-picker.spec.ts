import { informationSessionLabels } from '../../workflows/information-session/labels';
import { supportCoordinationLabels } from '../../workflows/support-coordination/labels';
import { workflowDefinitions } from '../../workflows/registry';
import { receiveComplaint } from '../sla/sla-support';
import { consoleSuite, expectVisible, stepForm } from './browser';

const example = (workflow: string, command: string) =>
  ({ ...workflowDefinitions.find((d) => d.name === workflow)!.commands.find((c) => c.type === command)!.example }) as Record<string, unknown>;

const NOTE = {
  en: 'Only people who work in French are listed: the case is served in French, the official language it records.',
  fr: 'Seules les personnes qui travaillent en français sont affichées\u00a0: le dossier est traité en français, la langue officielle qu’il consigne.',
} as const;

/**
 * A case served in French is given only to people who work in French, a bilingual session only to
 * people who work in both (the API refuses anyone else, STAFF.DOES_NOT_WORK_IN_LANGUAGE): its staff
 * picker offers only them, and says so.
 */
describe('the staff picker of a case served in an official language', () => {
  jest.setTimeout(180_000);
  const suite = consoleSuite();

  beforeAll(async () => {
    const admin = await suite.running.as('admin', 'admin-1');
    for (const person of [
      { staffId: 'camille.fr', displayName: 'Camille Roy', role: 'practitioner', region: 'ON', languages: ['en', 'fr'] },
      { staffId: 'sam.en', displayName: 'Sam Lee', role: 'practitioner', region: 'ON', languages: ['en'] },
      { staffId: 'elie.fr', displayName: 'Élie Morin', role: 'practitioner', region: 'QC', languages: ['fr'] },
    ]) {
      expect((await admin.post('/staff', person)).status).toBe(201);
    }
  });

  it.each(['en', 'fr'] as const)('(%s) lists only the people who work in French for a client served in French, with a note saying so', async (language) => {
    const opened = await suite.supervisor.post('/cases', {
      workflow: 'support-coordination',
      command: 'RecordOptIn',
      data: { ...example('support-coordination', 'RecordOptIn'), region: 'ON', language: 'fr' },
    });
    expect(opened.status).toBe(201);
    const page = await suite.browser.signedIn('supervisor', 'supervisor-1');
    try {
      const form = await stepForm(page, language, `${suite.running.baseUrl}/#/cases/${opened.body.caseId as string}`, supportCoordinationLabels.commands['AssignCoordinator']![language]);
      const picker = form.locator('#cmd-AssignCoordinator-coordinatorId');
      await picker.locator('option[value="elie.fr"]').waitFor({ state: 'attached' });
      const note = form.locator('#cmd-AssignCoordinator-coordinatorId-language');
      await expectVisible(note);
      expect(await note.textContent()).toBe(NOTE[language]);
      expect((await picker.getAttribute('aria-describedby'))?.split(' ')).toContain('cmd-AssignCoordinator-coordinatorId-language');
      const offered = await picker.locator('option').evaluateAll((options) => options.map((o) => o.getAttribute('value')).filter((v) => v !== ''));
      expect(offered).toEqual(['camille.fr', 'elie.fr']);
    } finally {
      await page.close();
    }
  });

  it.each([
    ['en', 'Only people who work in both English and French are listed: the case is served in both official languages.'],
    ['fr', 'Seules les personnes qui travaillent en français et en anglais sont affichées\u00a0: le dossier est traité dans les deux langues officielles.'],
  ] as const)('(%s) lists only the people who work in both English and French for a bilingual session, with a note saying so', async (language, text) => {
    const opened = await suite.supervisor.post('/cases', {
      workflow: 'information-session',
      command: 'RequestInformationSession',
      data: { audience: 'classMembers', region: 'ON', topics: ['smsrcServices'] },
    });
    expect(opened.status).toBe(201);
    const caseId = opened.body.caseId as string;
    const scheduled = await suite.supervisor.post(`/cases/${caseId}/commands/ScheduleInformationSession`, {
      ...example('information-session', 'ScheduleInformationSession'),
      language: 'bilingual',
      presenterId: 'camille.fr',
    });
    expect({ status: scheduled.status, serviceLanguage: scheduled.body.serviceLanguage }).toEqual({ status: 200, serviceLanguage: 'bilingual' });
    const page = await suite.browser.signedIn('supervisor', 'supervisor-1');
    try {
      const form = await stepForm(page, language, `${suite.running.baseUrl}/#/cases/${caseId}`, informationSessionLabels.commands['ScheduleInformationSession']![language]);
      const picker = form.locator('#cmd-ScheduleInformationSession-presenterId');
      await picker.locator('option[value="camille.fr"]').waitFor({ state: 'attached' });
      const note = form.locator('#cmd-ScheduleInformationSession-presenterId-language');
      await expectVisible(note);
      expect(await note.textContent()).toBe(text);
      const offered = await picker.locator('option').evaluateAll((options) => options.map((o) => o.getAttribute('value')).filter((v) => v !== ''));
      // Neither Sam Lee (English only) nor Élie Morin (French only).
      expect(offered).toEqual(['camille.fr']);
    } finally {
      await page.close();
    }
  });

  it('offers everyone, with no note, for a case that records no language', async () => {
    const caseId = await receiveComplaint(suite.supervisor, '2026-03-02T08:30:00-05:00', 'ON');
    const page = await suite.browser.signedIn('supervisor', 'supervisor-1');
    try {
      const assign = workflowDefinitions.find((d) => d.name === 'complaint')!.labels.commands['AssignHandler']!.en;
      const form = await stepForm(page, 'en', `${suite.running.baseUrl}/#/cases/${caseId}`, assign);
      const picker = form.locator('#cmd-AssignHandler-handlerId');
      await picker.locator('option[value="sam.en"]').waitFor({ state: 'attached' });
      expect(await form.locator('#cmd-AssignHandler-handlerId-language').count()).toBe(0);
      expect(await picker.locator('option[value="elie.fr"]').count()).toBe(1);
    } finally {
      await page.close();
    }
  });
});
