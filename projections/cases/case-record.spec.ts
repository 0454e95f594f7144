import type { AnyWorkflowDefinition } from '../../domain/workflow';
import { CaseHistory, Log } from '../../test/support/projection-history';
import { complaintWorkflow } from '../../workflows/complaint';
import { restorativeEngagementWorkflow } from '../../workflows/restorative-engagement';
import { restorativeOpportunitiesWorkflow } from '../../workflows/restorative-opportunities';
import type { ProjectionEvent } from '../projection';
import { canonicalJson } from '../../domain/canonical-json';
import { foldCaseRecord, fromCaseRow, plainCaseRecord, storedCaseRecordJson, toCaseRow, type CaseRecord } from './index';

const RE_CASE = '0190f3a0-0000-7000-8000-00000000000a';
const RO_CASE = '0190f3a0-0000-7000-8000-00000000000b';
const COMPLAINT_CASE = '0190f3a0-0000-7000-8000-00000000000c';
const SUPERVISOR = { id: 'supervisor-1', role: 'supervisor' } as const;
const RJU = { id: 'rju-officer-1', role: 'rju' } as const;

const example = (definition: AnyWorkflowDefinition, command: string): Record<string, unknown> => ({
  ...definition.commands.find((c) => c.type === command)!.example,
});

/** The case projection of a history, folded event by event as the runner does. */
function project(events: readonly ProjectionEvent[], previous?: CaseRecord): CaseRecord {
  return events.reduce<CaseRecord | undefined>((record, event) => foldCaseRecord(record, event), previous)!;
}

/** A restorative engagement case driven by its own commands, with the record after each. */
function engagement() {
  const history = new CaseHistory(restorativeEngagementWorkflow, RE_CASE);
  let record: CaseRecord | undefined;
  const run = (command: string, data = example(restorativeEngagementWorkflow, command), step = {}) => {
    record = project(history.run(command, data, step), record);
    return record;
  };
  return { history, run };
}

describe('cases projection: a restorative engagement case through its phases', () => {
  it('opens with the opt-in: no one assigned, the opt-in window met on time', () => {
    const { history, run } = engagement();
    const record = run('ReceiveOptIn', undefined, { at: '2026-02-20T16:00:00Z' });
    expect(record).toMatchObject({
      caseId: RE_CASE,
      streamId: `restorativeEngagement-${RE_CASE}`,
      workflow: 'restorative-engagement',
      workflowVersion: 1,
      state: 'optInReceived',
      status: 'open',
      region: 'ON',
      assignees: [],
      openedAt: '2026-02-20T16:00:00.000Z',
      updatedAt: '2026-02-20T16:00:00.000Z',
    });
    expect(record.details).toMatchObject({ channel: 'writtenRequest', officialLanguage: 'en', practitioners: 0 });
    expect(record.clocks).toEqual([expect.objectContaining({ clock: 'optInWindow', basis: 'calendar', days: 30, status: 'met', onTime: true })]);
    // A met clock is not due: nothing waits on this case's clocks.
    expect(record.nextDueAt).toBeNull();
    const last = history.events[history.events.length - 1]!;
    expect(record).toMatchObject({ revision: last.revision, position: last.position });
  });

  it('follows the case into phase 1 with its practitioners, then phase 2 and its engagements, then phase 3', () => {
    const { run } = engagement();
    run('ReceiveOptIn', undefined, { at: '2026-02-20T16:00:00Z' });
    expect(run('ConfirmParticipation').state).toBe('awaitingPractitioner');
    const assigned = run('AssignPractitioner', { practitionerIds: ['practitioner-1', 'practitioner-2'] }, { at: '2026-02-23T15:00:00Z' });
    expect(assigned).toMatchObject({ state: 'phase1', assignees: ['practitioner-1', 'practitioner-2'], updatedAt: '2026-02-23T15:00:00.000Z' });
    expect(assigned.details['practitioners']).toBe(2);
    run('RecordPreparationSession');
    run('SetGoals');
    expect(run('CompletePreparation')).toMatchObject({ state: 'phase2.choosingOptions', details: expect.objectContaining({ round: 1 }) });
    expect(run('ChooseParticipation').state).toBe('phase2.engaging');
    expect(run('ScheduleEngagement').details).toMatchObject({ engagementsScheduled: 1, engagementsHeld: 0 });
    expect(run('RecordEngagement').details).toMatchObject({ engagementsScheduled: 0, engagementsHeld: 1 });
    expect(run('SubmitSharing').details).toMatchObject({ sharingsSubmitted: 1 });
    const reflecting = run('CompleteEngagementPhase', {}, { at: '2026-04-20T15:00:00Z' });
    expect(reflecting).toMatchObject({ state: 'phase3', status: 'open', openedAt: '2026-02-20T16:00:00.000Z', updatedAt: '2026-04-20T15:00:00.000Z' });
  });

  it('goes back to phase 2 for a second round when the goals were not met', () => {
    const { run } = engagement();
    for (const command of ['ReceiveOptIn', 'ConfirmParticipation', 'AssignPractitioner', 'RecordPreparationSession', 'SetGoals', 'CompletePreparation', 'ChooseParticipation', 'ScheduleEngagement', 'RecordEngagement', 'CompleteEngagementPhase']) {
      run(command);
    }
    const reflected = run('RecordReflection', { goalsMet: 'notMet', feedback: 'Not yet.', followUpConsent: false });
    expect(reflected).toMatchObject({ state: 'phase3', details: expect.objectContaining({ goalsMet: 'notMet' }) });
    expect(run('ReturnToEngagement')).toMatchObject({ state: 'phase2.engaging', details: expect.objectContaining({ round: 2 }) });
  });

  it('closes with a follow-up, and completes when the follow-up is recorded', () => {
    const { run } = engagement();
    for (const command of ['ReceiveOptIn', 'ConfirmParticipation', 'AssignPractitioner', 'RecordPreparationSession', 'SetGoals', 'CompletePreparation', 'ChooseParticipation', 'ScheduleEngagement', 'RecordEngagement', 'CompleteEngagementPhase', 'RecordReflection']) {
      run(command);
    }
    const closing = run('CloseEngagement', { followUpInWeeks: 12 }, { at: '2026-02-20T15:00:00Z' });
    expect(closing).toMatchObject({ state: 'followUpScheduled', status: 'open', details: expect.objectContaining({ goalsMet: 'met', followUpDueOn: '2026-05-15' }) });
    // Recorded in the week it is due (not earlier than the tolerance allows).
    // Completed, so closed, though the class member may still withdraw consent to a sharing or revise how their input is used.
    expect(run('RecordFollowUp', undefined, { at: '2026-05-13T15:00:00Z' })).toMatchObject({ state: 'completed', status: 'closed' });
  });

  it('is closed once the class member withdraws, who may ask to take part again', () => {
    const { run } = engagement();
    run('ReceiveOptIn');
    run('ConfirmParticipation');
    run('AssignPractitioner');
    expect(run('Withdraw', {})).toMatchObject({ state: 'withdrawn', status: 'closed', assignees: ['practitioner-1'] });
    expect(run('ResumeParticipation', {})).toMatchObject({ status: 'open' });
  });

  it('shows the new practitioners after a supervisor reassigns the case', () => {
    const { run } = engagement();
    run('ReceiveOptIn');
    run('ConfirmParticipation');
    run('AssignPractitioner', { practitionerIds: ['practitioner-1'] });
    const reassigned = run('ReassignPractitioner', { practitionerIds: ['practitioner-2', 'practitioner-3'], reason: 'availability' }, { actor: SUPERVISOR });
    expect(reassigned.assignees).toEqual(['practitioner-2', 'practitioner-3']);
    expect(reassigned.details['practitioners']).toBe(2);
  });
});

describe('cases projection: a restorative opportunities case', () => {
  it('lists the intake officer and the mediator once each, and follows the no-contact condition', () => {
    const history = new CaseHistory(restorativeOpportunitiesWorkflow, RO_CASE);
    let record: CaseRecord | undefined;
    const run = (command: string, data = example(restorativeOpportunitiesWorkflow, command)) => {
      record = project(history.run(command, data, { actor: RJU, at: '2026-03-02T15:00:00Z' }), record);
      return record;
    };
    expect(run('ReceiveReferral')).toMatchObject({ state: 'referralReceived', assignees: [], details: expect.objectContaining({ referralSource: 'victim' }) });
    expect(run('BeginIntakeAssessment').assignees).toEqual(['rju-officer-1']);
    const flagged = run('AssessIntake', { ...example(restorativeOpportunitiesWorkflow, 'AssessIntake'), noContactConditions: [{ kind: 'paroleBoardNoContactCondition' }] });
    expect(flagged.details['noContactCondition']).toBe('inPlace');
    expect(run('AssignMediator', { mediatorId: 'mediator-1' }).assignees).toEqual(['rju-officer-1', 'mediator-1']);
    expect(run('RecordConditionAmended').details['noContactCondition']).toBe('facilitationPermitted');
    const reassigned = run('ReassignCase', { assignment: 'mediator', assigneeId: 'mediator-2', reason: 'Leave.' });
    expect(reassigned.assignees).toEqual(['rju-officer-1', 'mediator-2']);
  });
});

describe('cases projection: a complaint through its levels', () => {
  // Received Monday 2 March 2026, 10:00 in Ottawa. Acknowledgement: 2 business days → Wednesday 4 March 17:00 EST.
  // Response: 30 business days, skipping Good Friday (3 April) and Easter Monday (6 April) → Wednesday 15 April 17:00 EDT.
  const ACK_DUE = '2026-03-04T22:00:00.000Z';
  const RESPONSE_1_DUE = '2026-04-15T21:00:00.000Z';
  // Review requested Tuesday 10 March 10:00: 30 business days from then → Thursday 23 April 17:00 EDT.
  const RESPONSE_2_DUE = '2026-04-23T21:00:00.000Z';

  function complaint() {
    const history = new CaseHistory(complaintWorkflow, COMPLAINT_CASE);
    let record: CaseRecord | undefined;
    const run = (command: string, data = example(complaintWorkflow, command), step = {}) => {
      record = project(history.run(command, data, step), record);
      return record;
    };
    run('ReceiveComplaint', undefined, { at: '2026-03-02T15:00:00Z' });
    return { run, record: () => record! };
  }

  it('starts both clocks at receipt; the earliest due is the acknowledgement', () => {
    const { record } = complaint();
    expect(record()).toMatchObject({ state: 'received', status: 'open', assignees: [], nextDueAt: ACK_DUE });
    expect(record().clocks.map((c) => [c.clock, c.status, c.dueAt])).toEqual([
      ['acknowledgement', 'running', ACK_DUE],
      ['response-1', 'running', RESPONSE_1_DUE],
    ]);
    expect(toCaseRow(record()).open_clocks).toBe(2);
  });

  it('is next due at the response once acknowledged, and due nothing once responded', () => {
    const { run } = complaint();
    const acknowledged = run('AcknowledgeComplaint');
    expect(acknowledged).toMatchObject({ state: 'acknowledged', nextDueAt: RESPONSE_1_DUE });
    expect(toCaseRow(acknowledged).open_clocks).toBe(1);
    expect(run('AssignHandler', { handlerId: 'handler-1' })).toMatchObject({ state: 'underReview', assignees: ['handler-1'] });
    const responded = run('Respond');
    expect(responded).toMatchObject({ state: 'responded', nextDueAt: null });
    expect(toCaseRow(responded).open_clocks).toBe(0);
  });

  it('moves to the next level with a new response clock and no handler when a review is requested', () => {
    const { run } = complaint();
    run('AcknowledgeComplaint');
    run('AssignHandler', { handlerId: 'handler-1' });
    run('Respond');
    const review = run('RequestReview', undefined, { at: '2026-03-10T15:00:00Z' });
    expect(review).toMatchObject({ state: 'reviewRequested', assignees: [], nextDueAt: RESPONSE_2_DUE, updatedAt: '2026-03-10T15:00:00.000Z' });
    expect(review.details).toMatchObject({ level: 2, levelTitle: 'Program manager', reviewsRequested: 1 });
    expect(run('AssignHandler', { handlerId: 'handler-2' }).assignees).toEqual(['handler-2']);
    const reassigned = run('AssignHandler', { handlerId: 'handler-3' }, { actor: SUPERVISOR });
    expect(reassigned.assignees).toEqual(['handler-3']);
  });

  it('pauses and resumes the response clock', () => {
    const { run } = complaint();
    run('AcknowledgeComplaint');
    const paused = run('PauseClock', undefined, { at: '2026-03-03T15:00:00Z' });
    expect(paused.clocks.find((c) => c.clock === 'response-1')).toMatchObject({ status: 'paused', pausedAt: '2026-03-03T15:00:00.000Z' });
    // A paused clock is still open: it counts, and is listed as due.
    expect(toCaseRow(paused).open_clocks).toBe(1);
    const resumed = run('ResumeClock', undefined, { at: '2026-03-05T15:00:00Z' });
    const clock = resumed.clocks.find((c) => c.clock === 'response-1')!;
    expect(clock.status).toBe('running');
    // Two business days paused push the due time two business days later.
    expect(clock.dueAt).toBe('2026-04-17T21:00:00.000Z');
    expect(resumed.nextDueAt).toBe(clock.dueAt);
  });
});

describe('cases projection: persisted between events', () => {
  it('gives the same records when each event is folded onto the row read back, as the runner does', () => {
    const log = new Log();
    const re = new CaseHistory(restorativeEngagementWorkflow, RE_CASE, log);
    const complaint = new CaseHistory(complaintWorkflow, COMPLAINT_CASE, log);
    for (const command of ['ReceiveOptIn', 'ConfirmParticipation', 'AssignPractitioner', 'RecordPreparationSession', 'SetGoals', 'CompletePreparation', 'ChooseParticipation', 'ScheduleEngagement']) {
      re.run(command, example(restorativeEngagementWorkflow, command));
    }
    for (const command of ['ReceiveComplaint', 'AcknowledgeComplaint', 'PauseClock']) {
      complaint.run(command, example(complaintWorkflow, command), { at: '2026-03-02T15:00:00Z' });
    }
    complaint.run('ResumeClock', example(complaintWorkflow, 'ResumeClock'), { at: '2026-03-05T15:00:00Z' });

    const inMemory = new Map<string, CaseRecord>();
    const throughRows = new Map<string, CaseRecord>();
    // A record's view is worked out when first read: read here after every other event, never in `inMemory` until the end.
    const readAlong = new Map<string, CaseRecord>();
    log.events.forEach((event, i) => {
      inMemory.set(event.caseId, foldCaseRecord(inMemory.get(event.caseId), event));
      const along = foldCaseRecord(readAlong.get(event.caseId), event);
      if (i % 2 === 0) expect(along.state).toBe(foldCaseRecord(readAlong.get(event.caseId), event).state);
      readAlong.set(event.caseId, along);
      const row = throughRows.get(event.caseId);
      // Rows hold JSON: the record read back is what the next event folds onto.
      throughRows.set(event.caseId, fromCaseRow(JSON.parse(JSON.stringify(toCaseRow(foldCaseRecord(row, event))))));
    });
    for (const [caseId, record] of inMemory) {
      expect(toCaseRow(throughRows.get(caseId)!)).toEqual(toCaseRow(record));
      expect(toCaseRow(readAlong.get(caseId)!)).toEqual(toCaseRow(record));
    }
    // The folded state is the row cache's shortcut in memory, not part of what is stored.
    const record = inMemory.get(COMPLAINT_CASE)!;
    expect(record.folded?.revision).toBe(record.revision);
    const stored = plainCaseRecord(record);
    expect(stored).not.toHaveProperty('folded');
    expect(fromCaseRow(toCaseRow(record))).toEqual(JSON.parse(JSON.stringify(stored)));
    // What the board stores of it, its JSON members written once for both rows.
    expect(storedCaseRecordJson(record)).toBe(canonicalJson(stored));
    expect(storedCaseRecordJson(throughRows.get(COMPLAINT_CASE)!)).toBe(canonicalJson(stored));
  });
});
