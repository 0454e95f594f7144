import { randomUUID } from 'node:crypto';
import type { CalendarProvider } from '../../domain/calendar/types';
import { findCommand } from '../../domain/fold';
import type { MendSettings } from '../../domain/settings';
import { PolicyService } from '../../src/security/policy.service';
import { CALENDARS, SETTINGS } from '../../src/workflows/tokens';
import { workflowDefinitions } from '../../workflows/registry';
import { startApp, type HttpClient, type RunningApp } from '../support/app';
import { runJourney } from '../support/api-examples';
import { buildWorkflowModel, withAncestors, type ModelPath, type PersonActor, type WorkflowModel } from '../support/workflow-model';
import { journeys } from './journeys.fixture';
import { workflowDrivers } from './workflow-drivers';

// After every example's business time, so that nothing a command records lies in the future.
const NOW = '2026-03-03T15:00:00Z';

interface Coverage {
  readonly states: Set<string>;
  readonly transitions: Set<string>;
  commands: number;
}

describe('model-based: every state and transition of every workflow, over HTTP', () => {
  let running: RunningApp;
  let policy: PolicyService;
  const clients = new Map<string, HttpClient>();
  const report: string[] = [];

  const as = async ({ id, role }: PersonActor) => {
    const key = `${role}:${id}`;
    if (!clients.has(key)) clients.set(key, await running.as(role, id));
    return clients.get(key)!;
  };

  beforeAll(async () => {
    running = await startApp({ start: NOW, env: { MEND_RATE_LIMIT: '1000000' } });
    policy = running.app.get(PolicyService);
    // A cohort's example session links a class member's Restorative Engagement case by id: the case exists, its
    // class member in phase 2 with engagement sessions chosen (the API examples' engagement journey, up to its first schedule).
    const session = findCommand(workflowDefinitions.find((d) => d.name === 'defence-cohort')!, 'RecordEngagementSession')!.example as { engagementCaseIds: string[] };
    const engagement = journeys.find((j) => j.workflow === 'restorative-engagement')!;
    expect(session.engagementCaseIds).toEqual([engagement.caseId]);
    const upToSchedule = { ...engagement, steps: engagement.steps.slice(0, engagement.steps.findIndex((s) => s.command === 'ScheduleEngagement')) };
    for (const exchange of await runJourney(running, upToSchedule)) expect([exchange.step.title, exchange.status]).toEqual([exchange.step.title, exchange.step.expect.status]);
  });
  afterAll(async () => {
    console.log(`Model-based coverage over HTTP\n${report.join('\n')}`);
    await running.close();
  });

  it('has a driver for every registered workflow', () => {
    expect(workflowDrivers.map((d) => d.definition.name).sort()).toEqual(workflowDefinitions.map((d) => d.name).sort());
  });

  /**
   * Runs one path on a new case, checking every response, the events stored and the case read
   * back. What the case offers each actor is what the workflow allows next, narrowed by the
   * permission table.
   */
  async function runPath(model: WorkflowModel, path: ModelPath, reader: PersonActor, coverage: Coverage, label: string) {
    const { definition } = model;
    const caseId = randomUUID();
    const streamId = `${definition.category}-${caseId}`;
    const readBack = await as(reader);

    const before = await readBack.get(`/cases/${caseId}`);
    expect({ label, status: before.status, code: before.body.code }).toEqual({ label, status: 404, code: 'CASE.NOT_FOUND' });
    coverage.states.add(model.initialState);

    let revision = -1;
    for (const [index, expected] of path.steps.entries()) {
      const { actor } = expected.step;
      const at = `${label} step ${index + 1}: ${expected.step.command} as ${actor.role} ${actor.id}`;
      const http = await as(actor);
      const offeredTo = ({ id, role }: PersonActor) =>
        policy.commandsFor({ id, role }, { caseId, workflow: definition.name, assignees: expected.assignees }, expected.allowedCommands);
      const response =
        revision < 0
          ? await http.post('/cases', { workflow: definition.name, command: expected.step.command, data: expected.step.data, caseId })
          : await http.post(`/cases/${caseId}/commands/${expected.step.command}`, expected.step.data, { 'if-match': `"${revision}"` });
      const stored = await running.store.readStream(streamId, { fromRevision: revision + 1 });
      expect({
        at,
        status: response.status,
        state: response.body.state,
        revision: response.body.revision,
        assignees: response.body.assignees,
        allowedCommands: response.body.allowedCommands,
        stored: stored.map((e) => e.type),
      }).toEqual({
        at,
        status: revision < 0 ? 201 : 200,
        state: expected.state,
        revision: expected.revision,
        assignees: expected.assignees,
        allowedCommands: offeredTo(actor),
        stored: expected.events,
      });

      const view = await readBack.get(`/cases/${caseId}?minPosition=${response.body.position}`);
      expect({ at, status: view.status, state: view.body.state, etag: view.headers.get('etag'), allowedCommands: view.body.allowedCommands }).toEqual({
        at,
        status: 200,
        state: expected.state,
        etag: `"${expected.revision}"`,
        allowedCommands: offeredTo(reader),
      });
      revision = expected.revision;
      coverage.commands++;
      for (const state of withAncestors(view.body.state)) coverage.states.add(state);
      for (const transition of expected.transitions) coverage.transitions.add(transition);
    }
  }

  it.each(workflowDrivers.map((driver) => [driver.definition.name, driver] as const))(
    '%s: paths from the machine reach every state and take every transition',
    async (name, driver) => {
      const model = buildWorkflowModel(driver, {
        now: running.clock.now(),
        calendars: running.app.get<CalendarProvider>(CALENDARS),
        settings: running.app.get<MendSettings>(SETTINGS),
      });
      const coverage: Coverage = { states: new Set(), transitions: new Set(), commands: 0 };
      for (const [index, path] of model.paths.entries()) {
        await runPath(model, path, driver.reader, coverage, `${name} path ${index + 1}/${model.paths.length}`);
      }

      report.push(
        `  ${name}: states ${coverage.states.size}/${model.states.length}, transitions ${coverage.transitions.size}/${model.transitions.length}` +
          ` (graph of ${model.graph.states} abstract states, ${model.graph.edges} edges, ${model.graph.goals} state-command pairs; ${model.paths.length} paths, ${coverage.commands} commands)`,
      );
      expect([...coverage.states].sort()).toEqual([...model.states].sort());
      expect([...coverage.transitions].sort()).toEqual([...model.transitions].sort());
    },
  );
});
