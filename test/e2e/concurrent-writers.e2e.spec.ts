import { CommandBus } from '@nestjs/cqrs';
import { processCommand } from '../../domain/process';
import { CommandPipeline, COMMAND_ATTEMPTS, pauseBound, type CaseStep, type ConflictPause } from '../../src/cases/command-pipeline';
import { ExecuteCommand } from '../../src/cases/execute-command.command';
import { workflowDefinitions } from '../../workflows/registry';
import { run } from '../sla/sla-support';
import { startApp, type HttpClient, type RunningApp } from '../support/app';

const example = (command: string) => workflowDefinitions.find((d) => d.name === 'support-coordination')!.commands.find((c) => c.type === command)!.example;

/**
 * Writers that send a step without If-Match to one case at the same moment: each one another
 * overtook decides again on the case as it is now, after a random pause that grows with each
 * attempt, so that they do not all reload and collide again in step. Without the pause, of 20
 * writers 15 were refused 409 CASE.BUSY (each round of attempts let exactly one through).
 */
describe('concurrent writers on one case', () => {
  let running: RunningApp;
  let supervisor: HttpClient;
  let coordinator: HttpClient;

  beforeAll(async () => {
    running = await startApp({ start: '2026-03-02T14:00:00Z' });
    supervisor = await running.as('supervisor', 'supervisor-1');
    coordinator = await running.as('practitioner', 'practitioner-1');
  });
  afterAll(async () => running.close());

  /** A support-coordination case at which its coordinator may record a service any number of times. */
  async function serviceCase(): Promise<string> {
    const opened = await supervisor.post('/cases', { workflow: 'support-coordination', command: 'RecordOptIn', data: example('RecordOptIn') });
    const caseId = opened.body.caseId as string;
    await run(supervisor, caseId, 'AssignCoordinator', example('AssignCoordinator'));
    await run(coordinator, caseId, 'RecordFirstContact', example('RecordFirstContact'));
    return caseId;
  }

  const history = async (caseId: string) =>
    (await supervisor.get(`/cases/${caseId}/history?limit=1000`)).body.items as { type: string; revision: number; data: { note?: string } }[];

  it('20 at once are recorded but for a few refused CASE.BUSY, each once, at gap-free revisions', async () => {
    const caseId = await serviceCase();
    const before = (await supervisor.get(`/cases/${caseId}`)).body.revision as number;
    const writers = 20;
    // Each writer's connection opened first, as a busy client's are: new connections, opened one by
    // one, spread the writers out by themselves.
    await Promise.all(Array.from({ length: writers }, () => coordinator.get(`/cases/${caseId}`)));
    const answers = await Promise.all(
      Array.from({ length: writers }, (_, i) => coordinator.post(`/cases/${caseId}/commands/RecordService`, { service: 'advocacy', note: `Writer ${i}` })),
    );
    const recorded = answers.flatMap((answer, i) => (answer.status === 200 ? [i] : []));
    const refused = answers.filter((answer) => answer.status !== 200);
    expect(refused.map((answer) => [answer.status, answer.body.code])).toEqual(refused.map(() => [409, 'CASE.BUSY']));
    // Without the pause exactly 15 are refused; with it, 0 of 200 on a quiet machine and at most 8
    // of 20 under a load average of 7. The bound leaves room for a busy CI machine.
    expect(refused.length).toBeLessThanOrEqual(10);

    const revisions = recorded.map((i) => answers[i]!.body.revision as number).sort((a, b) => a - b);
    expect(revisions).toEqual(Array.from({ length: recorded.length }, (_, k) => before + 1 + k));
    const events = await history(caseId);
    expect(events.map((e) => e.revision)).toEqual(events.map((_, k) => k));
    const notes = events.filter((e) => e.type === 'ServiceRecorded').map((e) => e.data.note);
    expect(notes.sort()).toEqual(recorded.map((i) => `Writer ${i}`).sort());
  });

  it('pauses between attempts, never before the first: after attempts 1 to 4 of a step overtaken at every attempt', async () => {
    const caseId = await serviceCase();
    const pipeline = running.app.get(CommandPipeline);
    const pauses: number[] = [];
    const instant: ConflictPause = async (attempt) => void pauses.push(attempt);
    const pause = jest.spyOn(pipeline as unknown as { pause: ConflictPause }, 'pause').mockImplementation(instant);
    try {
      const actor = { id: 'practitioner-1', role: 'practitioner' } as const;
      const send = (note: string) =>
        running.app.get(CommandBus).execute(new ExecuteCommand({ caseId, command: 'RecordService', data: { service: 'advocacy', note }, actor, correlationId: note, causationId: note }));
      await send('Alone');
      expect(pauses).toEqual([]);

      let overtaken = 0;
      const overtaking: CaseStep = {
        authorize: () => undefined,
        decide: (loaded, ctx) => processCommand(loaded.definition, loaded.state, { type: 'RecordService', data: { service: 'advocacy', note: 'Overtaken' } }, ctx),
        check: async () => {
          overtaken++;
          await send(`Overtaking ${overtaken}`);
        },
      };
      const refused = await pipeline.run({ caseId, actor, correlationId: 'busy', causationId: 'busy' }, overtaking).then(
        () => undefined,
        (error: { code?: string }) => error.code,
      );
      expect(refused).toBe('CASE.BUSY');
      expect(pauses).toEqual(Array.from({ length: COMMAND_ATTEMPTS - 1 }, (_, k) => k + 1));
    } finally {
      pause.mockRestore();
    }
  });

  it('waits at most 25, 50, 100 and 200 ms after attempts 1 to 4: 375 ms in all', () => {
    expect([1, 2, 3, 4, 5].map(pauseBound)).toEqual([25, 50, 100, 200, 200]);
  });
});
