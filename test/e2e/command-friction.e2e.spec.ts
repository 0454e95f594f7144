import { CommandResultSchema } from '../../src/http/response-schemas';
import { CommandBus } from '@nestjs/cqrs';
import { processCommand } from '../../domain/process';
import type { DomainError } from '../../domain/errors';
import { CommandPipeline, COMMAND_ATTEMPTS, type CaseStep } from '../../src/cases/command-pipeline';
import { ExecuteCommand } from '../../src/cases/execute-command.command';
import { workflowDefinitions } from '../../workflows/registry';
import { drain, receiveComplaint, run, scheduler } from '../sla/sla-support';
import { startApp, type HttpClient, type RunningApp } from '../support/app';

/** The RO referral of docs/api-examples.md, up to the preparation a support person can be agreed in. */
const referral = {
  source: 'victim',
  region: 'ON',
  receivedAt: '2026-03-02T08:30:00-05:00',
  victimRegistered: true,
  victim: { name: 'Sam Tremblay', contact: 'sam.tremblay@example.org' },
  offender: { name: 'Jordan Roy', fpsNumber: '123456A' },
};

/**
 * What a client meets between two commands: warnings and breaches the SLA scheduler records in the
 * meantime do not make its If-Match stale, and what a command creates comes back with its id.
 */
describe('commands: If-Match past the scheduler’s clock events, and the ids a command mints', () => {
  let running: RunningApp;
  let supervisor: HttpClient;
  let rju: HttpClient;

  beforeAll(async () => {
    // Monday 2 March 2026, 09:00 in Ottawa.
    running = await startApp({ start: '2026-03-02T14:00:00Z' });
    supervisor = await running.as('supervisor', 'supervisor-1');
    rju = await running.as('rju', 'rju-1');
  });
  afterAll(async () => running.close());

  const history = async (caseId: string) => (await supervisor.get(`/cases/${caseId}/history`)).body.items as { type: string; actor: { id: string } }[];

  /** A complaint whose acknowledgement clock the scheduler warned and breached after the client read revision `seen`. */
  async function complaintWithScheduledEvents(): Promise<{ caseId: string; seen: number }> {
    running.clock.set(new Date('2026-03-02T14:00:00Z'));
    const caseId = await receiveComplaint(supervisor, '2026-03-02T09:00:00-05:00');
    const seen = Number(JSON.parse((await supervisor.get(`/cases/${caseId}`)).headers.get('etag')!));
    // Acknowledgement was due Wednesday 17:00: on Thursday every warning and the breach are due.
    running.clock.set(new Date('2026-03-05T15:00:00Z'));
    await drain(scheduler(running));
    const scheduled = (await history(caseId)).slice(seen + 1);
    expect(scheduled.map((e) => e.type)).toEqual(expect.arrayContaining(['ClockWarned', 'ClockBreached']));
    expect(scheduled.every((e) => e.actor.id === 'sla-scheduler')).toBe(true);
    return { caseId, seen };
  }

  it('a command sent with the revision read before the scheduler’s warnings and breach is decided on the case as it is now', async () => {
    const { caseId, seen } = await complaintWithScheduledEvents();
    const answer = await supervisor.post(`/cases/${caseId}/commands/AcknowledgeComplaint`, { method: 'email' }, { 'if-match': `"${seen}"` });
    expect({ status: answer.status, state: answer.body.state }).toEqual({ status: 200, state: 'acknowledged' });
    expect(answer.body.revision).toBeGreaterThan(seen + 2);
    expect(answer.headers.get('etag')).toBe(`"${answer.body.revision}"`);
    expect((await history(caseId)).map((e) => e.type)).toContain('ComplaintAcknowledged');
  });

  it('a person’s event since that revision is still a conflict, scheduler events or not', async () => {
    const { caseId, seen } = await complaintWithScheduledEvents();
    await run(supervisor, caseId, 'AssignHandler', { handlerId: 'practitioner-1' });
    const answer = await supervisor.post(`/cases/${caseId}/commands/AcknowledgeComplaint`, { method: 'email' }, { 'if-match': `"${seen}"` });
    expect({ status: answer.status, code: answer.body.code }).toEqual({ status: 409, code: 'CASE.REVISION_CONFLICT' });
    expect((await history(caseId)).map((e) => e.type)).not.toContain('ComplaintAcknowledged');
  });

  it('a revision the case has not reached is a conflict that says so, not a change since it was read', async () => {
    const { caseId } = await complaintWithScheduledEvents();
    const revision = (await supervisor.get(`/cases/${caseId}`)).body.revision as number;
    const answer = await supervisor.post(`/cases/${caseId}/commands/AcknowledgeComplaint`, {}, { 'if-match': '"99"' });
    expect({ status: answer.status, code: answer.body.code, details: answer.body.details }).toEqual({
      status: 409,
      code: 'CASE.REVISION_NOT_REACHED',
      details: { expectedRevision: 99, actualRevision: revision },
    });
    expect(answer.body.message).toBe(
      `The case has no revision 99: it is at revision ${revision}. Send in If-Match the revision you last read (the ETag of your last answer), or none.`,
    );
    const french = await supervisor.post(`/cases/${caseId}/commands/AcknowledgeComplaint`, {}, { 'if-match': '"99"', 'accept-language': 'fr-CA' });
    expect(french.body.message).toBe(
      `Le dossier n’a pas de version 99\u00a0: il en est à la version ${revision}. Envoyez dans If-Match la version que vous avez lue en dernier (l’ETag de votre dernière réponse), ou aucune.`,
    );
    expect((await history(caseId)).map((e) => e.type)).not.toContain('ComplaintAcknowledged');
  });

  it('a step sent without If-Match that others overtake at every attempt is refused as the case being busy, naming no revision the client never read', async () => {
    running.clock.set(new Date('2026-03-02T14:00:00Z'));
    const example = (command: string) => workflowDefinitions.find((d) => d.name === 'support-coordination')!.commands.find((c) => c.type === command)!.example;
    const opened = await supervisor.post('/cases', { workflow: 'support-coordination', command: 'RecordOptIn', data: example('RecordOptIn') });
    const caseId = opened.body.caseId as string;
    await run(supervisor, caseId, 'AssignCoordinator', example('AssignCoordinator'));
    const coordinator = await running.as('practitioner', 'practitioner-1');
    await run(coordinator, caseId, 'RecordFirstContact', example('RecordFirstContact'));
    const actor = { id: 'practitioner-1', role: 'practitioner' } as const;
    const send = (note: string) =>
      running.app.get(CommandBus).execute(new ExecuteCommand({ caseId, command: 'RecordService', data: { service: 'advocacy', note }, actor, correlationId: note, causationId: note }));
    // Between each attempt's decision and its append, another command is recorded on the case: the store refuses every attempt's revision.
    let overtaken = 0;
    const overtaking: CaseStep = {
      authorize: () => undefined,
      decide: (loaded, ctx) => processCommand(loaded.definition, loaded.state, { type: 'RecordService', data: { service: 'advocacy', note: 'Overtaken' } }, ctx),
      check: async () => {
        overtaken++;
        await send(`Overtaking ${overtaken}`);
      },
    };
    const refused = await running.app
      .get(CommandPipeline)
      .run({ caseId, actor, correlationId: 'busy', causationId: 'busy' }, overtaking)
      .then(
        () => undefined,
        (error: unknown) => error as DomainError,
      );
    expect(overtaken).toBe(COMMAND_ATTEMPTS);
    expect([refused?.code, refused?.kind, refused?.details]).toEqual(['CASE.BUSY', 'conflict', undefined]);
    expect(refused?.messageIn('en')).toBe('Other steps were recorded on this case while this one was being decided, 5 times in a row, so nothing was recorded. Send it again.');
    expect(refused?.messageIn('fr')).toBe(
      'D’autres étapes ont été consignées dans ce dossier pendant que celle-ci était décidée, 5\u00a0fois de suite\u00a0: rien n’a donc été consigné. Envoyez-la de nouveau.',
    );
    const notes = (await supervisor.get(`/cases/${caseId}/history`)).body.items.filter((e: { type: string }) => e.type === 'ServiceRecorded').length;
    expect(notes).toBe(COMMAND_ATTEMPTS);
    // With If-Match, the same overtaking is the conflict with the revision the client sent.
    const revision = (await supervisor.get(`/cases/${caseId}`)).body.revision as number;
    const stale = await running.app
      .get(CommandPipeline)
      .run({ caseId, actor, expectedRevision: revision, correlationId: 'stale', causationId: 'stale' }, overtaking)
      .then(
        () => undefined,
        (error: unknown) => error as DomainError,
      );
    expect(stale?.code).toBe('CASE.REVISION_CONFLICT');
    expect(stale?.messageIn('en')).toContain(`you expected revision ${revision}`);
  });

  it('opening a case and agreeing a support person answer the ids they minted, and where each is recorded', async () => {
    running.clock.set(new Date('2026-03-02T14:00:00Z'));
    const opened = await rju.post('/cases', { workflow: 'restorative-opportunities', command: 'ReceiveReferral', data: referral });
    expect(opened.status).toBe(201);
    CommandResultSchema.parse(opened.body);
    expect(opened.body.created).toEqual([
      { id: expect.any(String), event: 'ReferralReceived', field: 'victim.subjectId' },
      { id: expect.any(String), event: 'ReferralReceived', field: 'offender.subjectId' },
    ]);
    const caseId = opened.body.caseId as string;
    const steps: [string, Record<string, unknown>][] = [
      ['BeginIntakeAssessment', { intakeOfficerId: 'rju-1' }],
      ['AssessIntake', { outcome: 'suitable', offenderAcceptedResponsibility: true, safetyConcerns: 'none', noContactConditions: [] }],
      ['AssignMediator', { mediatorId: 'mediator-1' }],
      ['RecordPreparation', { party: 'victim', heldAt: '2026-03-02T09:00:00-05:00', consent: 'given' }],
    ];
    for (const [command, data] of steps) expect((await run(rju, caseId, command, data)).created).toEqual([]);

    const agreed = await rju.post(`/cases/${caseId}/commands/AgreeSupportPerson`, { supports: 'victim', person: { name: 'Alex Tremblay', contact: '613-555-0199' } });
    expect(agreed.status).toBe(200);
    CommandResultSchema.parse(agreed.body);
    expect(agreed.body.created).toHaveLength(1);
    const [created] = agreed.body.created as { id: string; event: string; field: string }[];
    const recorded = (await rju.get(`/cases/${caseId}/history`)).body.items.find((e: { type: string }) => e.type === created!.event);
    expect(created!.field.split('.').reduce((value: any, key) => value?.[key], recorded.data)).toBe(created!.id);

    // A subject id the client chose is not minted: nothing is created that the client could not name already.
    const named = await rju.post(`/cases/${caseId}/commands/AgreeSupportPerson`, { supports: 'offender', person: { subjectId: 'support-2', name: 'Kim Roy' } });
    expect({ status: named.status, created: named.body.created }).toEqual({ status: 200, created: [] });
  });

  it('documents the ids in OpenAPI: commands and the opening of a case answer a CommandResult', async () => {
    const openapi = (await (await fetch(`${running.baseUrl}/openapi.json`)).json()) as any;
    expect(openapi.paths['/cases'].post.responses['201'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/CommandResult' });
    expect(openapi.paths['/cases/{id}/commands/AgreeSupportPerson'].post.responses['200'].content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/CommandResult',
    });
    expect(openapi.components.schemas.CommandResult.properties.created.items).toEqual({ $ref: '#/components/schemas/CreatedId' });
  });
});
