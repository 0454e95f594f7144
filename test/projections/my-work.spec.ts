import { InboxSchema, WorkloadSchema } from '../../src/projections/work.schemas';
import { SlaWeeksSchema } from '../../src/sla/sla.schemas';
import { workflowDefinitions } from '../../workflows/registry';
import { startApp, type HttpClient, type RunningApp } from '../support/app';
import { drain, receiveComplaint, run, scheduler } from '../sla/sla-support';

const example = (workflow: string, command: string) =>
  workflowDefinitions.find((d) => d.name === workflow)!.commands.find((c) => c.type === command)!.example;

/**
 * My work (issue 14, item 6): a practitioner's inbox by the next due clock, the workload of each
 * person and on-time rates week by week — each answer within what the reader's role may see.
 */
describe('my work: inbox, workload, on-time rates by week', () => {
  let running: RunningApp;
  let supervisor: HttpClient;
  let p1: HttpClient;
  let rju: HttpClient;
  const ids: Record<string, string> = {};
  const head = async () => running.store.headPosition();
  const named = (items: readonly { caseId: string }[]) => items.map((item) => Object.keys(ids).find((name) => ids[name] === item.caseId) ?? item.caseId);

  beforeAll(async () => {
    running = await startApp({ start: '2026-03-02T14:00:00Z' }); // Monday 09:00 in Ottawa
    supervisor = await running.as('supervisor', 'supervisor-1');
    p1 = await running.as('practitioner', 'p1');
    rju = await running.as('rju', 'rju-1');
    const monday = '2026-03-02T09:00:00-05:00';
    for (const name of ['a', 'c', 'd', 'e']) ids[name] = await receiveComplaint(supervisor, monday);
    await run(supervisor, ids['a']!, 'AssignHandler', { handlerId: 'p1' });
    await run(supervisor, ids['c']!, 'AssignHandler', { handlerId: 'p1' });
    await run(supervisor, ids['d']!, 'AssignHandler', { handlerId: 'p2' });
    await run(p1, ids['c']!, 'AcknowledgeComplaint');
    await run(supervisor, ids['d']!, 'AcknowledgeComplaint');
    await run(supervisor, ids['e']!, 'AcknowledgeComplaint');
    // An RO case whose intake officer has the same id as the practitioner: it is not theirs to know of.
    const referral = await rju.post('/cases', { workflow: 'restorative-opportunities', command: 'ReceiveReferral', data: example('restorative-opportunities', 'ReceiveReferral') });
    expect(referral.status).toBe(201);
    ids['ro'] = referral.body.caseId;
    await run(rju, ids['ro']!, 'BeginIntakeAssessment', { intakeOfficerId: 'p1' });
    running.clock.set('2026-03-04T14:00:00Z'); // Wednesday
    ids['b'] = await receiveComplaint(supervisor, '2026-03-04T09:00:00-05:00');
    await run(supervisor, ids['b']!, 'AssignHandler', { handlerId: 'p1' });
  });
  afterAll(async () => running.close());

  const inbox = async (http: HttpClient, query = '') => {
    const response = await http.get(`/inbox?minPosition=${await head()}${query}`);
    expect(response.status).toBe(200);
    return InboxSchema.parse(response.body);
  };

  it('gives a practitioner their open cases, the clock due first first, with what each waits for and the commands they may run', async () => {
    const page = await inbox(p1);
    expect(page.assignee).toBe('p1');
    expect(named(page.items)).toEqual(['a', 'b', 'c']);
    const [a, b, c] = page.items;
    expect(a!.waitingFor).toMatchObject({ clock: 'acknowledgement', status: 'running', dueAt: '2026-03-04T22:00:00.000Z' });
    expect(b!.waitingFor).toMatchObject({ clock: 'acknowledgement', dueAt: '2026-03-06T22:00:00.000Z' });
    expect(c!.waitingFor).toMatchObject({ clock: 'response-1', status: 'running' });
    expect(a!.overdue).toBe(false);
    expect(a!.commands).toContain('AcknowledgeComplaint');
    expect(c!.commands).toContain('Respond');
    expect(c!.commands).not.toContain('AssignHandler');
    // What the case's state allows whoever may run it: the reassignment a supervisor makes too.
    expect(c!.nextSteps).toEqual(expect.arrayContaining([...c!.commands, 'AssignHandler']));
  });

  it('pages with a cursor in due order', async () => {
    const first = await inbox(p1, '&limit=2');
    expect(named(first.items)).toEqual(['a', 'b']);
    const second = await inbox(p1, `&limit=2&cursor=${first.nextCursor}`);
    expect(named(second.items)).toEqual(['c']);
    expect(second.nextCursor).toBeUndefined();
    expect((await p1.get('/inbox?cursor=nonsense')).status).toBe(400);
  });

  it('keeps each inbox to what the reader may see', async () => {
    expect((await p1.get('/inbox?assignee=p2')).status).toBe(403);
    const seenBySupervisor = await inbox(supervisor, '&assignee=p1');
    expect(named(seenBySupervisor.items)).toEqual(['a', 'b', 'c']);
    // The supervisor is offered what a supervisor may run, not what the practitioner may.
    expect(seenBySupervisor.items[2]!.commands).not.toContain('Respond');
    expect(named((await inbox(rju, '&assignee=p1')).items)).toEqual(['ro']);
    expect((await inbox(supervisor)).items).toEqual([]);
    // Without a staff directory anyone is known from their token: an id no case names has an empty inbox.
    expect((await inbox(supervisor, '&assignee=nobody.here')).items).toEqual([]);
    const auditor = await running.as('auditor', 'auditor-1');
    expect((await auditor.get('/inbox')).status).toBe(403);
  });

  it('counts open cases and clocks per person, the unassigned apart, within the workflows the reader may see', async () => {
    running.clock.set('2026-03-05T19:00:00Z'); // Thursday: a's acknowledgement is overdue, not yet breached
    const before = await supervisor.get(`/workload?minPosition=${await head()}`);
    expect(before.status).toBe(200);
    const people = WorkloadSchema.parse(before.body).people;
    expect(people).toEqual([
      { assignee: 'p1', openCases: 3, openClocks: 5, warned: expect.any(Number), overdue: 1, breached: 0, nextDueAt: '2026-03-04T22:00:00.000Z', cannotWork: 0 },
      { assignee: null, openCases: 1, openClocks: 1, warned: 0, overdue: 0, breached: 0, nextDueAt: expect.any(String), cannotWork: 0 },
      { assignee: 'p2', openCases: 1, openClocks: 1, warned: 0, overdue: 0, breached: 0, nextDueAt: expect.any(String), cannotWork: 0 },
    ]);
    const forRju = WorkloadSchema.parse((await rju.get('/workload')).body).people;
    expect(forRju.map((row) => [row.assignee, row.openCases])).toEqual([['p1', 1]]);
    expect((await p1.get('/workload')).status).toBe(403);
  });

  it('rates clocks on time week by week, a late-recorded breach in the week it ran out', async () => {
    const weeks = async (http: HttpClient, query = '') => {
      const response = await http.get(`/sla/weeks?minPosition=${await head()}${query}`);
      expect(response.status).toBe(200);
      return SlaWeeksSchema.parse(response.body).weeks;
    };
    expect((await weeks(supervisor, '&weeks=1'))).toEqual([{ week: '2026-03-02', metOnTime: 3, metLate: 0, breached: 0, onTimeRate: 1 }]);
    // The scheduler was down until the next Monday: b's acknowledgement ran out on Friday, recorded Monday.
    running.clock.set('2026-03-09T14:00:00Z');
    await drain(scheduler(running));
    expect(await weeks(supervisor, '&weeks=2')).toEqual([
      { week: '2026-03-02', metOnTime: 3, metLate: 0, breached: 2, onTimeRate: 0.6 },
      { week: '2026-03-09', metOnTime: 0, metLate: 0, breached: 0, onTimeRate: null },
    ]);
    // Acknowledged after its breach was recorded: it stays breached, in the week it ran out.
    await run(p1, ids['b']!, 'AcknowledgeComplaint');
    expect((await weeks(supervisor, '&weeks=2'))[0]).toMatchObject({ metOnTime: 3, breached: 2 });
    expect((await weeks(supervisor, '&weeks=2&workflow=restorative-engagement'))[0]).toMatchObject({ metOnTime: 0, breached: 0 });
    const workload = WorkloadSchema.parse((await supervisor.get(`/workload?minPosition=${await head()}`)).body).people;
    expect(workload.find((row) => row.assignee === 'p1')).toMatchObject({ openCases: 3, breached: 1, overdue: 0 }); // b, met since, no longer counts
  });
});
