import { CaseAsOfSchema } from '../../src/audit/audit.schemas';
import { startApp, type HttpClient, type RunningApp } from '../support/app';
import { driveComplaint, type Step } from './audit-support';

// The response's own schema: the case then, with the moment asked for.
const AsOfViewSchema = CaseAsOfSchema;
const MINUTE = 60_000;

const shift = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString();
/** The same instant written with the Ottawa winter offset. */
const inOttawa = (iso: string) => {
  const local = new Date(Date.parse(iso) - 5 * 3_600_000).toISOString().slice(0, 19);
  return `${local}-05:00`;
};

/** What a view says about the case itself (allowed commands aside: a command's answer is filtered by the caller's role). */
const facts = ({ state, status, revision, position, clocks, assignees, details, openedAt, updatedAt }: Step['view']) => ({
  state,
  status,
  revision,
  position,
  clocks,
  assignees,
  details,
  openedAt,
  updatedAt,
});

describe('GET /cases/:id/state: the case as it stood then', () => {
  let running: RunningApp;
  let auditor: HttpClient;
  let caseId: string;
  let steps: Step[];

  beforeAll(async () => {
    running = await startApp({ start: '2026-03-02T14:00:00Z' });
    ({ caseId, steps } = await driveComplaint(running));
    auditor = await running.as('auditor', 'auditor-1');
  });
  afterAll(async () => running.close());

  it('at the moment of each command, is the case that command left behind', async () => {
    for (const step of steps) {
      const response = await auditor.get(`/cases/${caseId}/state?asOf=${encodeURIComponent(step.at)}`);
      expect(response.status).toBe(200);
      const view = AsOfViewSchema.parse(response.body);
      expect(facts(view)).toEqual(facts(step.view));
      expect(view.asOf).toBe(step.at);
    }
  });

  it('between two commands, is still the case after the earlier one, whatever the offset the time is written with', async () => {
    for (const [i, step] of steps.slice(0, -1).entries()) {
      const between = inOttawa(shift(steps[i + 1]!.at, -MINUTE));
      const response = await auditor.get(`/cases/${caseId}/state?asOf=${encodeURIComponent(between)}`);
      expect(response.status).toBe(200);
      expect(facts(AsOfViewSchema.parse(response.body))).toEqual(facts(step.view));
      expect(response.body.asOf).toBe(between);
    }
  });

  it('shows the clocks as they were: running, then met, paused and resumed with a later due time', async () => {
    const [received, acknowledged, , paused, resumed] = steps;
    const at = async (step: Step) =>
      AsOfViewSchema.parse((await auditor.get(`/cases/${caseId}/state?asOf=${encodeURIComponent(shift(step.at, MINUTE))}`)).body);
    const clock = (view: Step['view'], key: string) => view.clocks.find((c) => c.clock === key)!;

    expect(clock(await at(received!), 'acknowledgement').status).toBe('running');
    expect(clock(await at(acknowledged!), 'acknowledgement')).toMatchObject({ status: 'met', onTime: true, metAt: acknowledged!.at });
    expect(clock(await at(paused!), 'response-1')).toMatchObject({ status: 'paused', pausedAt: paused!.at });
    const before = clock(await at(paused!), 'response-1').dueAt;
    const after = clock(await at(resumed!), 'response-1');
    expect(after.status).toBe('running');
    expect(Date.parse(after.dueAt)).toBeGreaterThan(Date.parse(before));
  });

  it('lists the steps the workflow allowed then, not now, whoever could take them (an auditor could take none)', async () => {
    const first = await auditor.get(`/cases/${caseId}/state?asOf=${encodeURIComponent(steps[0]!.at)}`);
    expect(first.body.nextSteps).toContain('AcknowledgeComplaint');
    const last = await auditor.get(`/cases/${caseId}/state?asOf=${encodeURIComponent(steps.at(-1)!.at)}`);
    expect(last.body.nextSteps).not.toContain('AcknowledgeComplaint');
    expect(last.body.nextSteps).toContain('AcceptResponse');
    expect([first.body.allowedCommands, last.body.allowedCommands]).toEqual([[], []]);
  });

  it('by revision, is the case right after that event', async () => {
    const last = steps.at(-1)!.view.revision;
    for (let revision = 0; revision <= last; revision++) {
      const response = await auditor.get(`/cases/${caseId}/state?revision=${revision}`);
      expect(response.status).toBe(200);
      expect(response.body.revision).toBe(revision);
      const step = steps.find((s) => s.view.revision === revision);
      if (step) expect(facts(AsOfViewSchema.parse(response.body))).toEqual(facts(step.view));
    }
  });

  it('before the first event, is a 404 naming when the case was opened', async () => {
    const before = inOttawa(shift(steps[0]!.at, -MINUTE));
    const response = await auditor.get(`/cases/${caseId}/state?asOf=${encodeURIComponent(before)}`);
    expect(response.status).toBe(404);
    expect(response.body.code).toBe('AUDIT.CASE_NOT_YET_OPENED');
    // The case as staff name it, by its reference.
    expect(response.body.message).toContain(`Case ${steps[0]!.view.reference} did not exist yet`);
    expect(response.body.message).toContain(steps[0]!.at);
    expect(response.body.message).toContain(before);
  });

  it('past the last revision, is a 404 naming the last revision', async () => {
    const last = steps.at(-1)!.view.revision;
    const response = await auditor.get(`/cases/${caseId}/state?revision=${last + 1}`);
    expect(response.status).toBe(404);
    expect(response.body.code).toBe('AUDIT.REVISION_NOT_FOUND');
    expect(response.body.message).toContain(`Case ${steps[0]!.view.reference} has no revision ${last + 1}: its last revision is ${last}`);
  });

  it('needs exactly one well-formed moment: 400s name the parameter', async () => {
    const both = await auditor.get(`/cases/${caseId}/state?revision=1&asOf=${encodeURIComponent(steps[0]!.at)}`);
    expect(both.status).toBe(400);
    expect(both.body.code).toBe('AUDIT.AS_OF_CHOICE');
    const neither = await auditor.get(`/cases/${caseId}/state`);
    expect(neither.status).toBe(400);
    expect(neither.body.code).toBe('AUDIT.AS_OF_CHOICE');
    const noOffset = await auditor.get(`/cases/${caseId}/state?asOf=2026-03-02T09:00:00`);
    expect(noOffset.status).toBe(400);
    expect(noOffset.body.message).toContain('asOf');
    const negative = await auditor.get(`/cases/${caseId}/state?revision=-1`);
    expect(negative.status).toBe(400);
    expect(negative.body.message).toContain('revision');
    const french = await auditor.get(`/cases/${caseId}/state`, { 'accept-language': 'fr-CA' });
    expect(french.body.message).toContain('Indiquez exactement un');
    // An axis means nothing beside a revision; a + the URL read as a space is told how to write it.
    const axis = await auditor.get(`/cases/${caseId}/state?revision=1&axis=recorded`);
    expect({ status: axis.status, paths: axis.body.details.issues.map((i: { path: string }) => i.path) }).toEqual({ status: 400, paths: ['query.axis'] });
    const plus = await auditor.get(`/cases/${caseId}/state?asOf=2026-03-02T15:00:00+01:00`, { 'accept-language': 'fr' });
    expect(plus.body.details.issues).toEqual([{ path: 'query.asOf', message: expect.stringContaining('écrivez le + du décalage %2B') }]);
    expect((await auditor.get(`/cases/${caseId}/state?asOf=${encodeURIComponent(steps[0]!.at)}&axis=recorded`)).status).not.toBe(400);
  });

  it('refuses a moment to come, on either axis, saying the service’s now, in English and French', async () => {
    const now = running.clock.now().toISOString();
    const later = new Date(running.clock.now().getTime() + 60_000).toISOString();
    for (const axis of ['business', 'recorded']) {
      const english = await auditor.get(`/cases/${caseId}/state?asOf=${encodeURIComponent(later)}&axis=${axis}`);
      expect({ status: english.status, code: english.body.code, message: english.body.message }).toEqual({
        status: 400,
        code: 'AUDIT.AS_OF_IN_FUTURE',
        message: `The moment asked for (asOf, ${later}) is later than now (${now}): a case can be shown as it stood at a moment that has passed, not at one to come.`,
      });
      const french = await auditor.get(`/cases/${caseId}/state?asOf=${encodeURIComponent(later)}&axis=${axis}`, { 'accept-language': 'fr' });
      expect(french.body.message).toContain('est postérieur à maintenant');
    }
    // Now itself is a moment that has come.
    expect((await auditor.get(`/cases/${caseId}/state?asOf=${encodeURIComponent(now)}`)).status).toBe(200);
  });

  it('is a 404 for a case that does not exist', async () => {
    const response = await auditor.get(`/cases/00000000-0000-4000-8000-000000000000/state?revision=0`);
    expect(response.status).toBe(404);
    expect(response.body.code).toBe('CASE.NOT_FOUND');
  });
});
