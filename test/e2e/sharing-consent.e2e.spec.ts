import { workflowDefinitions } from '../../workflows/registry';
import { startApp, type HttpClient, type RunningApp } from '../support/app';

const re = (command: string) =>
  ({ ...(workflowDefinitions.find((d) => d.name === 'restorative-engagement')!.commands.find((c) => c.type === command)!.example as Record<string, unknown>) });

/**
 * Seed 000: "Class members are in control of the information they provide", and a sharing "will only
 * be submitted with your consent". Over HTTP on the SQLite store: a class member whose process is
 * completed withdraws consent to their sharing and revises how their input is used; the case says
 * how many sharings may still be used, and its history keeps both the submission and the withdrawal.
 */
describe('restorative engagement: consent and choices after completion, over HTTP', () => {
  let running: RunningApp;
  let supervisor: HttpClient;
  let practitioner: HttpClient;
  let caseId: string;

  beforeAll(async () => {
    running = await startApp({ start: '2026-03-02T15:00:00Z' });
    supervisor = await running.as('supervisor', 'supervisor-1');
    practitioner = await running.as('practitioner', 'practitioner-1');
    const opened = await supervisor.post('/cases', {
      workflow: 'restorative-engagement',
      command: 'ReceiveOptIn',
      data: { channel: 'claimForm', region: 'ON', receivedAt: '2026-03-02T09:00:00-05:00', classMember: { name: 'Sam', pseudonym: true } },
    });
    expect(opened.status).toBe(201);
    caseId = opened.body.caseId as string;
    const steps: [HttpClient, string, Record<string, unknown>][] = [
      [supervisor, 'ConfirmParticipation', re('ConfirmParticipation')],
      [supervisor, 'AssignPractitioner', { practitionerIds: ['practitioner-1'] }],
      [practitioner, 'RecordPreparationSession', re('RecordPreparationSession')],
      [practitioner, 'SetGoals', re('SetGoals')],
      [practitioner, 'CompletePreparation', {}],
      [practitioner, 'ChooseParticipation', re('ChooseParticipation')],
      [practitioner, 'ScheduleEngagement', { ...re('ScheduleEngagement'), scheduledFor: '2026-03-02T10:00:00-05:00' }],
      [practitioner, 'RecordEngagement', { outcome: 'held', engagementId: 'engagement-1' }],
      [practitioner, 'SubmitSharing', { engagementId: 'engagement-1' }],
      [practitioner, 'CompleteEngagementPhase', {}],
      [practitioner, 'RecordReflection', re('RecordReflection')],
      [practitioner, 'CloseEngagement', {}],
    ];
    for (const [http, command, data] of steps) {
      const answer = await http.post(`/cases/${caseId}/commands/${command}`, data);
      expect([command, answer.status]).toEqual([command, 200]);
    }
  });
  afterAll(async () => running.close());

  it('withdraws consent to the sharing of a completed case, which says how many may still be used', async () => {
    const before = await practitioner.get(`/cases/${caseId}`);
    expect(before.body).toMatchObject({ state: 'completed', details: { sharingsSubmitted: 1, sharingsMayBeUsed: 1, sharingsConsentWithdrawn: 0 } });
    expect(before.body.allowedCommands).toEqual(expect.arrayContaining(['WithdrawSharingConsent', 'ReviseInputChoices', 'Withdraw']));
    const withdrawn = await practitioner.post(`/cases/${caseId}/commands/WithdrawSharingConsent`, { engagementId: 'engagement-1' });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body).toMatchObject({ state: 'completed', details: { sharingsSubmitted: 1, sharingsMayBeUsed: 0, sharingsConsentWithdrawn: 1 } });
  });

  it('keeps the submission and its withdrawal in the history', async () => {
    const history = await supervisor.get(`/cases/${caseId}/history`);
    expect(history.status).toBe(200);
    const sharing = (history.body.items as { type: string; data: { engagementId?: string } }[]).filter((item) => item.type.startsWith('Sharing'));
    expect(sharing.map((item) => [item.type, item.data.engagementId])).toEqual([
      ['SharingSubmitted', 'engagement-1'],
      ['SharingConsentWithdrawn', 'engagement-1'],
    ]);
  });

  it('refuses to withdraw it twice, beside the sharing, in French too', async () => {
    const again = await practitioner.post(`/cases/${caseId}/commands/WithdrawSharingConsent`, { engagementId: 'engagement-1' }, { 'accept-language': 'fr' });
    expect(again.status).toBe(422);
    expect(again.body.code).toBe('RE.SHARING_CONSENT_ALREADY_WITHDRAWN');
    expect(again.body.details.issues).toEqual([{ path: 'data.engagementId', message: expect.stringContaining('a déjà été retiré') }]);
  });

  it('records a revision of how the input is used, each its own event', async () => {
    const first = await practitioner.post(`/cases/${caseId}/commands/ReviseInputChoices`, { inputUse: [] });
    expect(first.status).toBe(200);
    const second = await practitioner.post(`/cases/${caseId}/commands/ReviseInputChoices`, { stayConnected: { programUpdates: false, researchAndConsultations: false } });
    expect(second.status).toBe(200);
    const same = await practitioner.post(`/cases/${caseId}/commands/ReviseInputChoices`, { inputUse: [] });
    expect([same.status, same.body.code, same.body.details.issues[0].path]).toEqual([422, 'RE.CHOICES_UNCHANGED', 'data.inputUse']);
    const history = await supervisor.get(`/cases/${caseId}/history`);
    expect((history.body.items as { type: string; data: unknown }[]).filter((item) => item.type === 'InputChoicesRevised').map((item) => item.data)).toEqual([
      expect.objectContaining({ inputUse: [] }),
      expect.objectContaining({ stayConnected: { programUpdates: false, researchAndConsultations: false } }),
    ]);
  });
});
