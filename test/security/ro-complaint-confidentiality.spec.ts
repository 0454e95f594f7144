import { randomUUID } from 'node:crypto';
import { workflowDefinitions } from '../../workflows/registry';
import { SlaScheduler } from '../../src/sla/sla-scheduler.service';
import { startApp, type HttpClient, type RunningApp } from '../support/app';
import { openStream } from '../sla/sla-support';

const example = (workflow: string, command: string) =>
  workflowDefinitions.find((d) => d.name === workflow)!.commands.find((c) => c.type === command)!.example;

const RO = 'restorative-opportunities';
/** The RO program's chain: English titles, and French ones as configuration writes them after `|`. */
const RO_CHAIN = ['RJU case coordinator', 'Manager, Restorative Justice Unit'];
const RO_CHAIN_FR = ['Coordination des cas, UJR', 'Gestion, Unité de justice réparatrice'];

/**
 * A complaint about a restorative-opportunities case follows the RO program's escalation chain and
 * is as confidential as the case it is about: to every role but the Restorative Justice Unit it
 * does not exist, in case reads, lists, counts, the complaint board, the SLA views and the audit
 * views. A complaint about nothing confidential stays visible to the department, beside it.
 */
describe('a complaint about an RO case: confidential to the Restorative Justice Unit like the case', () => {
  let running: RunningApp;
  let rju: HttpClient;
  let roCaseId: string;
  let roComplaintId: string;
  /** Another, never acknowledged: its clocks warn and breach. */
  let unansweredId: string;
  let complaintId: string;
  let position: number;
  const absent = randomUUID();

  beforeAll(async () => {
    running = await startApp({
      start: '2026-03-02T15:00:00Z',
      env: { MEND_WORKFLOW_SETTINGS: JSON.stringify({ complaint: { chainsByProgram: { [RO]: RO_CHAIN.map((en, i) => `${en} | ${RO_CHAIN_FR[i]}`) } } }) },
    });
    rju = await running.as('rju', 'rju-1');
    const ro = await rju.post('/cases', { workflow: RO, command: 'ReceiveReferral', data: example(RO, 'ReceiveReferral') });
    expect(ro.status).toBe(201);
    roCaseId = ro.body.caseId;
    const roComplaint = await rju.post('/cases', {
      workflow: 'complaint',
      command: 'ReceiveComplaint',
      data: { ...example('complaint', 'ReceiveComplaint'), concerns: { program: RO, caseId: roCaseId } },
    });
    expect(roComplaint.status).toBe(201);
    roComplaintId = roComplaint.body.caseId;
    const unanswered = await rju.post('/cases', {
      workflow: 'complaint',
      command: 'ReceiveComplaint',
      data: { ...example('complaint', 'ReceiveComplaint'), concerns: { program: RO } },
    });
    expect(unanswered.status).toBe(201);
    unansweredId = unanswered.body.caseId;
    const supervisor = await running.as('supervisor', 'supervisor-1');
    const complaint = await supervisor.post('/cases', { workflow: 'complaint', command: 'ReceiveComplaint', data: example('complaint', 'ReceiveComplaint') });
    expect(complaint.status).toBe(201);
    complaintId = complaint.body.caseId;
    // The RJU handler is in the staff directory: a supervisor reads its caseload.
    const admin = await running.as('admin', 'admin-1');
    expect((await admin.post('/staff', { staffId: 'rju-2', displayName: 'Dana Roy', role: 'rju', region: 'ON', languages: ['en'] })).status).toBe(201);
    position = await running.store.headPosition();
  });
  afterAll(async () => running.close());

  it("follows the RO program's chain, and the Restorative Justice Unit reads it, lists it and handles it", async () => {
    const view = await rju.get(`/cases/${roComplaintId}?minPosition=${position}`);
    expect(view.status).toBe(200);
    expect(view.body.details).toMatchObject({
      program: RO,
      levelTitle: RO_CHAIN[0],
      levelTitleFr: RO_CHAIN_FR[0],
      nextLevelTitle: RO_CHAIN[1],
      nextLevelTitleFr: RO_CHAIN_FR[1],
      levels: 2,
    });
    expect(view.body.allowedCommands).toEqual(expect.arrayContaining(['AcknowledgeComplaint', 'AssignHandler', 'WithdrawComplaint']));
    const list = await rju.get(`/cases?workflow=complaint&minPosition=${position}`);
    expect(list.body.items.map((c: { caseId: string }) => c.caseId).sort()).toEqual([roComplaintId, unansweredId].sort());
    expect(list.body.total).toBe(2);
    expect((await rju.get(`/cases/${complaintId}`)).status).toBe(404);

    expect((await rju.post(`/cases/${roComplaintId}/commands/AcknowledgeComplaint`, { method: 'email' })).status).toBe(200);
    expect((await rju.post(`/cases/${roComplaintId}/commands/AssignHandler`, { handlerId: 'rju-2' })).status).toBe(200);
    const handler = await running.as('rju', 'rju-2');
    const wrongLevel = await handler.post(`/cases/${roComplaintId}/commands/Respond`, {
      response: 'We looked into it.',
      nextLevel: { name: 'Sam Roy', role: 'Executive Director, SMSRC', contact: 'sam.roy@example.gc.ca' },
    });
    expect(wrongLevel.status).toBe(422);
    expect(wrongLevel.body.code).toBe('COMPLAINT.RESPONSE_NAMES_ANOTHER_LEVEL');
    const inFrench = await handler.post(`/cases/${roComplaintId}/commands/Respond`, { response: 'Réponse.', nextLevel: { name: 'Sam Roy', role: 'Direction exécutive, CSRIS', contact: 'sam.roy@example.gc.ca' } }, { 'accept-language': 'fr-CA' });
    expect(inFrench.body.message).toContain(`palier 2 (${RO_CHAIN_FR[1]})`);
    // The responder may name the next level by its title in either language.
    const responded = await handler.post(`/cases/${roComplaintId}/commands/Respond`, {
      response: 'We looked into it.',
      nextLevel: { name: 'Sam Roy', role: RO_CHAIN_FR[1], contact: 'sam.roy@example.gc.ca' },
    });
    expect(responded.status).toBe(200);
    expect(responded.body).toMatchObject({ state: 'responded', details: { lastLevel: false, nextLevelTitle: RO_CHAIN[1] } });
    position = responded.body.position;
  });

  describe.each(['practitioner', 'supervisor', 'auditor', 'admin'] as const)('to a %s', (role) => {
    let http: HttpClient;
    beforeAll(async () => {
      http = await running.as(role, `${role}-9`);
    });

    const sameAsAbsent = async (path: (id: string) => string, method: 'GET' | 'POST' = 'GET') => {
      const send = (id: string) => (method === 'GET' ? http.get(path(id)) : http.post(path(id), {}));
      const [hidden, none] = [await send(roComplaintId), await send(absent)];
      expect((await send(unansweredId)).status).toBe(none.status);
      expect({ status: hidden.status, code: hidden.body.code }).toEqual({ status: none.status, code: none.body.code });
      expect(String(hidden.body.message).replace(roComplaintId, 'ID')).toBe(String(none.body.message).replace(absent, 'ID'));
      return hidden;
    };

    it('reading it, its history, state and export answer as for a case that does not exist', async () => {
      expect([403, 404]).toContain((await sameAsAbsent((id) => `/cases/${id}?minPosition=${position}`)).status);
      await sameAsAbsent((id) => `/cases/${id}/history`);
      await sameAsAbsent((id) => `/cases/${id}/state?revision=0`);
      await sameAsAbsent((id) => `/cases/${id}/export?format=ndjson`);
    });

    it('commands on it answer as for a case that does not exist', async () => {
      await sameAsAbsent((id) => `/cases/${id}/commands/AcceptResponse`, 'POST');
      await sameAsAbsent((id) => `/cases/${id}/commands/WithdrawComplaint`, 'POST');
    });

    it('lists and their counts leave it out', async () => {
      const list = await http.get(`/cases?workflow=complaint&minPosition=${position}&limit=200`);
      if (list.status !== 200) return expect(list.status).toBe(403);
      const ids = list.body.items.map((c: { caseId: string }) => c.caseId);
      expect(ids).not.toContain(roComplaintId);
      expect(ids).not.toContain(unansweredId);
      expect(list.body.total).toBe(ids.length);
      expect(JSON.stringify(list.body)).not.toContain(roCaseId);
      if (role === 'supervisor' || role === 'auditor') expect(ids).toEqual([complaintId]);
    });

    it('the complaint board leaves it out', async () => {
      const board = await http.get(`/complaints/board?minPosition=${position}`);
      if (board.status !== 200) return expect(board.status).toBe(403);
      const items = board.body.levels.flatMap((l: { items: { caseId: string }[] }) => l.items.map((i) => i.caseId));
      expect(items).toEqual([complaintId]);
      expect(JSON.stringify(board.body)).not.toContain(RO_CHAIN[0]);
      // The default chain's first level, named in both languages.
      expect(board.body.levels).toMatchObject([{ level: 1, title: 'Regional program coordinator', titleFr: 'Coordination régionale du programme' }]);
    });

    it('the SLA clocks and their counts leave it out', async () => {
      const clocks = await http.get(`/sla/clocks?workflow=complaint&minPosition=${position}&limit=200`);
      if (clocks.status !== 200) return expect(clocks.status).toBe(403);
      const caseIds = new Set(clocks.body.items.map((c: { caseId: string }) => c.caseId));
      expect([...caseIds]).toEqual([complaintId]);
      const summary = await http.get(`/sla/summary?workflow=complaint&minPosition=${position}`);
      expect(summary.status).toBe(200);
      // The visible complaint's acknowledgement and level-1 response clocks; none of the hidden one's.
      expect(summary.body.overall).toMatchObject({ running: 2, met: 0 });
      expect((await http.get(`/sla/clocks?caseId=${roComplaintId}`)).body.items).toEqual([]);
    });

    it('search, a lookup by its reference, inboxes, the workload, staff caseloads and the metrics leave it out', async () => {
      const reference = (await rju.get(`/cases/${roComplaintId}`)).body.reference as string;
      const visibleReference = (await rju.get(`/cases/by-reference/${reference}`)).body.reference;
      expect(visibleReference).toBe(reference);
      // Its reference answers as one that was never minted.
      const byReference = await http.get(`/cases/by-reference/${reference}?minPosition=${position}`);
      const never = await http.get('/cases/by-reference/CMP-2099-99999');
      expect({ status: byReference.status, code: byReference.body.code }).toEqual({ status: never.status, code: never.body.code });
      // Searched by its reference, or by its complainant's name (the visible complaint's too): only the visible complaint.
      for (const q of [reference, String((example('complaint', 'ReceiveComplaint') as { complainant: { name: string } }).complainant.name)]) {
        const found = await http.get(`/search?q=${encodeURIComponent(q)}`);
        if (found.status !== 200) continue;
        expect(found.body.items.map((c: { caseId: string }) => c.caseId)).not.toContain(roComplaintId);
        expect(found.body.total).toBe(found.body.items.length);
      }
      // The RJU handler's inbox and workload, as a supervisor sees them: nothing of the RO complaints.
      const inbox = await http.get('/inbox?assignee=rju-2');
      if (inbox.status === 200) expect(inbox.body.items).toEqual([]);
      const workload = await http.get(`/workload?minPosition=${position}`);
      if (workload.status === 200) {
        expect(workload.body.people.map((row: { assignee: string | null; openCases: number }) => [row.assignee, row.openCases])).toEqual([[null, 1]]);
      }
      const staff = await http.get('/staff/rju-2');
      if (staff.status === 200) expect(staff.body.caseload).toBe(0);
      const metrics = await http.get('/metrics');
      if (metrics.status === 200) {
        expect(metrics.body).not.toContain(`workflow="${RO}"`);
        // The visible complaint's two running clocks; none of the RO complaints'.
        const running = (String(metrics.body).match(/^mend_sla_clocks\{workflow="complaint",status="(?:running|warned)"\} (\d+)$/gm) ?? []).map((line) => Number(line.split(' ').pop()));
        expect(running.reduce((a, b) => a + b, 0)).toBe(2);
      }
    });

    it('the audit views do not reveal it', async () => {
      const verify = await http.get(`/audit/verify?caseId=${roComplaintId}`);
      const verifyAbsent = await http.get(`/audit/verify?caseId=${absent}`);
      expect({ status: verify.status, code: verify.body.code }).toEqual({ status: verifyAbsent.status, code: verifyAbsent.body.code });
      const access = await http.get(`/audit/access?caseId=${roComplaintId}`);
      if (access.status === 200) expect(access.body.items).toEqual([]);
      const all = await http.get('/audit/verify');
      if (all.status === 200) {
        // Every stream but those of the RO case and the complaints about it (their reservations and access logs too).
        const hiddenIds = [roCaseId, roComplaintId, unansweredId];
        const events = await running.store.readAll();
        // The hidden cases' references, as their opening events record them: their reservations are hidden too.
        const hiddenReferences = events
          .filter((e) => hiddenIds.some((hidden) => e.streamId.endsWith(hidden)))
          .flatMap((e) => ((e.metadata as { reference?: string }).reference ? [(e.metadata as { reference: string }).reference] : []));
        expect(hiddenReferences.length).toBe(hiddenIds.length);
        const streams = new Set(events.map((e) => e.streamId).filter((id) => !id.startsWith('$')));
        const visible = [...streams].filter((id) => ![...hiddenIds, ...hiddenReferences].some((hidden) => id.endsWith(hidden)));
        expect(all.body).toMatchObject({ ok: true, streams: visible.length });
        expect(JSON.stringify(all.body)).not.toContain(roComplaintId);
      }
      const log = await http.get('/audit/access?limit=500');
      if (log.status === 200) expect(log.body.items.map((i: { caseId: string }) => i.caseId)).not.toContain(roComplaintId);
    });
  });

  it('the SLA views and stream tell supervisors of the warnings and breaches of the visible complaint only', async () => {
    const token = await running.token('supervisor', 'supervisor-1');
    const stream = await openStream(running.baseUrl, token, '/sla/stream');
    expect(stream.response.status).toBe(200);
    await stream.greeting();
    const scheduler = running.app.get(SlaScheduler);
    // Past half of both unacknowledged complaints' acknowledgement time, then past its end.
    running.clock.set('2026-03-03T19:00:00Z');
    await scheduler.sweep();
    running.clock.set('2026-03-05T12:00:00Z');
    await scheduler.sweep();
    // The visible complaint's two warnings and its breach; the unit's complaint has as many, interleaved if they leaked.
    const received = await stream.take(3);
    stream.close();
    expect(received.map((e) => [e.event, JSON.parse(e.data!).caseId])).toEqual([
      ['ClockWarned', complaintId],
      ['ClockWarned', complaintId],
      ['ClockBreached', complaintId],
    ]);
    const supervisor = await running.as('supervisor', 'supervisor-1');
    const head = await running.store.headPosition();
    const summary = await supervisor.get(`/sla/summary?workflow=complaint&minPosition=${head}`);
    expect(summary.body.overall).toMatchObject({ breached: 1 });
    const breached = await supervisor.get(`/sla/clocks?status=breached&minPosition=${head}`);
    expect(breached.body.items.map((c: { caseId: string }) => c.caseId)).toEqual([complaintId]);
    // The unit's own complaint was breached too: recorded, but for the unit's eyes.
    const events = await running.store.readAll();
    expect(events.filter((e) => e.streamId.endsWith(unansweredId) && e.type === 'ClockBreached')).toHaveLength(1);

    // Nor do the scheduler's own counts tell of it: each reader's are those of the cases it may know
    // of, the supervisor's the visible complaint's, an RO auditor's the unit's; together, all of them.
    const alerts = events.filter((e) => e.type === 'ClockWarned' || e.type === 'ClockBreached');
    const count = (type: string, caseIds?: string[]) => alerts.filter((e) => e.type === type && (!caseIds || caseIds.some((id) => e.streamId.endsWith(id)))).length;
    const units = [unansweredId, roComplaintId, roCaseId];
    expect(summary.body.scheduler.totals).toMatchObject({ warnings: 2, breaches: 1, failures: 0 });
    expect(summary.body.scheduler.lastSweep).toMatchObject({ dueRows: 1, cases: 1, breaches: 1 });
    const unit = (await (await running.as('roAuditor', 'ro-auditor-1')).get(`/sla/summary?minPosition=${head}`)).body.scheduler;
    expect(unit.totals).toMatchObject({ warnings: count('ClockWarned', units), breaches: count('ClockBreached', units) });
    expect(unit.totals.breaches).toBeGreaterThan(0);
    expect(summary.body.scheduler.totals.breaches + unit.totals.breaches).toBe(count('ClockBreached'));
    expect(summary.body.scheduler.lastSweep.cases + unit.lastSweep.cases).toBe(running.app.get(SlaScheduler).liveness().lastSweep!.cases);
    // And /metrics, which supervisors read too, labels them by workflow and leaves the unit's out.
    const metrics = String((await supervisor.get('/metrics')).body);
    expect(metrics).toContain(`mend_sla_breaches_recorded_total{workflow="complaint"} ${count('ClockBreached', [complaintId])}`);
    expect(metrics).not.toContain(RO);
  });
});
