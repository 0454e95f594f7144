import type { NewEvent } from '../../domain/envelope';
import { DEFAULT_SETTINGS } from '../../domain/settings';
import { itExplainsItsErrors } from '../../test/support/error-texts';
import { foldHistory, specFor } from '../../test/support/workflow-spec';
import { defenceCohortWorkflow as workflow } from './index';
import { cohortFormed, forming, ids, planned, representativeJoined, representativeJoinedAt, representativeWithdrawn, running, sessionHeld } from './spec-history';

const { given } = specFor(workflow);
const NOW = '2026-03-02T14:00:00.000Z';
const supervisor = { actor: { id: 'supervisor-1', role: 'supervisor' as const } };

const representative = (id: string) => ({ subjectId: id, name: `Representative ${id}`, affiliation: 'dndEmployee', nominatedOn: '2026-01-20' });
const form = (count: number, practitionerIds = ['practitioner-1', 'practitioner-2'], extra: Record<string, unknown> = {}) => ({
  type: 'FormCohort',
  data: { format: 'partTime', delivery: 'virtual', practitionerIds, representatives: ids(count).map(representative), ...extra },
});

describe('defence cohort: forming', () => {
  it('forms a cohort of six to eight with two practitioners, each representative joining under their own subject', () => {
    const outcome = given().when(form(6), supervisor).run();
    expect(outcome.events[0]).toEqual({
      type: 'CohortFormed',
      data: {
        region: 'ON',
        format: 'partTime',
        delivery: 'virtual',
        practitionerIds: ['practitioner-1', 'practitioner-2'],
        minimumRepresentatives: 6,
        maximumRepresentatives: 8,
        formedAt: NOW,
      },
    });
    expect(outcome.events.slice(1).map((e) => (e.data as { representative: { subjectId: string } }).representative.subjectId)).toEqual(ids(6));
    expect(outcome.stateName).toBe('forming');
    expect(workflow.summarize(outcome.state).assignees).toEqual(['practitioner-1', 'practitioner-2']);
    given().when(form(8), supervisor).thenState('forming');
  });

  it('refuses a cohort of fewer than six: "groups of six to eight"', () => {
    const error = given().when(form(5), supervisor).error();
    expect(error.code).toBe('DRC.REPRESENTATIVES_OUT_OF_RANGE');
    expect(error.messageIn('en')).toBe('A cohort has 6 to 8 Defence representatives; this one would have 5.');
  });

  it('refuses a cohort of more than eight', () => given().when(form(9), supervisor).thenThrows('DRC.REPRESENTATIVES_OUT_OF_RANGE'));

  it('refuses a cohort without exactly two practitioners: "two restorative practitioners are assigned to guide each cohort"', () => {
    given().when(form(6, ['practitioner-1']), supervisor).thenThrows('DRC.PRACTITIONERS_NOT_TWO');
    given().when(form(6, ['practitioner-1', 'practitioner-2', 'practitioner-3']), supervisor).thenThrows('DRC.PRACTITIONERS_NOT_TWO');
  });

  it('reports every broken rule at once, in both languages', () => {
    given().when(form(4, ['practitioner-1']), supervisor).thenBreaks('DRC.REPRESENTATIVES_OUT_OF_RANGE', 'DRC.PRACTITIONERS_NOT_TWO');
    const error = given().when(form(4, ['practitioner-1']), supervisor).error();
    expect(error.messageIn('fr')).toContain('Cette demande ne respecte pas 2\u00a0règles');
    expect((error.detailsIn('fr') as { rules: { message: string }[] }).rules[1]!.message).toContain('Deux praticiennes ou praticiens');
  });

  it('refuses a representative named twice, with the other broken rules', () => {
    const twice = { ...form(5), data: { ...form(5).data, representatives: [...ids(5), 'rep-1'].map(representative) } };
    expect(given().when(twice, supervisor).error().messageIn('en')).toBe('A representative can be in the cohort only once: rep-1 is named more than once.');
    const alsoOneShort = { ...twice, data: { ...twice.data, representatives: [...ids(4), 'rep-1'].map(representative) } };
    given().when(alsoOneShort, supervisor).thenBreaks('DRC.REPRESENTATIVES_OUT_OF_RANGE', 'DRC.REPRESENTATIVE_TWICE');
  });

  it('takes its size bounds from the settings and keeps them', () => {
    const settings = { ...DEFAULT_SETTINGS, workflows: { 'defence-cohort': { minimumRepresentatives: 4, maximumRepresentatives: 10, fullTimeWeeks: 12, partTimeWeeks: 25 } } };
    const outcome = given().when(form(4), { ...supervisor, settings }).run();
    expect(outcome.events[0]!.data).toMatchObject({ minimumRepresentatives: 4, maximumRepresentatives: 10 });
  });

  it('is formed by a supervisor', () => {
    const grants = workflow.commands.find((c) => c.type === 'FormCohort')!.grants;
    expect(grants).toEqual({ supervisor: 'any' });
  });
});

describe('defence cohort: representatives join before the start', () => {
  const add = (id: string) => ({ type: 'AddRepresentative', data: { representative: representative(id) } });

  it('adds a nominated representative', () => {
    const outcome = given(...forming(6)).when(add('rep-7'), supervisor).run();
    expect(outcome.events).toEqual([
      {
        type: 'RepresentativeJoined',
        data: { representative: { subjectId: 'rep-7', name: 'Representative rep-7', affiliation: 'dndEmployee', nominatedOn: '2026-01-20' }, joinedAt: NOW },
      },
    ]);
    expect(workflow.summarize(outcome.state).details['representatives']).toBe(7);
  });

  it('adds no ninth', () => given(...forming(8)).when(add('rep-9'), supervisor).thenThrows('DRC.COHORT_FULL'));

  it('does not add someone twice, nor someone who left', () => {
    given(...forming(6)).when(add('rep-2'), supervisor).thenThrows('DRC.ALREADY_IN_COHORT');
    given(...forming(7), representativeWithdrawn('rep-7', 6)).when(add('rep-7'), supervisor).thenThrows('DRC.ALREADY_IN_COHORT');
  });

  it('reports a full cohort and a repeated representative at once', () =>
    given(...forming(8)).when(add('rep-1'), supervisor).thenBreaks('DRC.COHORT_FULL', 'DRC.ALREADY_IN_COHORT'));

  it('adds no one once the cohort has started', () =>
    given(...running(6))
      .when(add('rep-7'), supervisor)
      .thenThrows('COMMAND.NOT_ALLOWED'));
});

describe('defence cohort: representatives leave at any time', () => {
  const leave = (id: string) => ({ type: 'WithdrawRepresentative', data: { representativeId: id, reason: 'postingOrDeployment' } });

  it('records a representative leaving a running cohort, keeping its history', () => {
    const outcome = given(...running(7)).when(leave('rep-3')).run();
    expect(outcome.events).toEqual([
      { type: 'RepresentativeWithdrawn', data: { representativeId: 'rep-3', reason: 'postingOrDeployment', withdrawnAt: NOW, stage: 'running', remaining: 6 } },
    ]);
    expect(outcome.stateName).toBe('running');
    expect(workflow.summarize(outcome.state).details).toMatchObject({ representatives: 6, representativesWithdrawn: 1, belowMinimum: false });
  });

  it('flags a cohort that falls below six to the supervisor, and does not close it', () => {
    const outcome = given(...running(6)).when(leave('rep-3')).run();
    expect(outcome.events).toEqual([
      { type: 'RepresentativeWithdrawn', data: { representativeId: 'rep-3', reason: 'postingOrDeployment', withdrawnAt: NOW, stage: 'running', remaining: 5 } },
      { type: 'CohortBelowMinimum', data: { representatives: 5, minimum: 6, flaggedAt: NOW } },
    ]);
    expect(outcome.stateName).toBe('running');
    expect(workflow.summarize(outcome.state).details['belowMinimum']).toBe(true);
    expect(outcome.allowedCommands).toContain('RecordSession');
  });

  it('lets representatives leave before the start too, flagged the same way', () => {
    const outcome = given(...forming(6)).when(leave('rep-1'), supervisor).run();
    expect(outcome.events.map((e) => e.type)).toEqual(['RepresentativeWithdrawn', 'CohortBelowMinimum']);
    expect(outcome.stateName).toBe('forming');
  });

  it('refuses someone who is not in the cohort now', () => {
    given(...running(6)).when(leave('rep-9')).thenThrows('DRC.NOT_IN_COHORT');
    given(...running(7), representativeWithdrawn('rep-7', 6)).when(leave('rep-7')).thenThrows('DRC.NOT_IN_COHORT');
  });

  it('refuses a departure dated before the representative joined, beside its date, in either language', () => {
    // rep-7 joined on 2026-02-25, after the cohort was formed and the others joined (2026-02-20).
    const history = [...forming(6), representativeJoinedAt('rep-7', '2026-02-25T15:00:00.000Z')];
    const leaveOn = (id: string, withdrawnAt: string) => ({ type: 'WithdrawRepresentative', data: { representativeId: id, reason: 'ownRequest', withdrawnAt } });
    const early = given(...history).when(leaveOn('rep-7', '2026-02-24T10:00:00-05:00'), supervisor).error();
    expect(early.code).toBe('DRC.BEFORE_JOINED');
    expect(early.messageIn('en')).toBe('“Left at” (2026-02-24T10:00:00-05:00) is before representative rep-7 joined the cohort (2026-02-25T15:00:00.000Z).');
    expect(early.messageIn('fr')).toBe(
      '«\u00a0Date du départ\u00a0» (2026-02-24T10:00:00-05:00) précède l’arrivée de la personne représentante rep-7 dans la cohorte (2026-02-25T15:00:00.000Z).',
    );
    expect(early.details).toEqual({ issues: [{ path: 'data.withdrawnAt', message: early.messageIn('en') }] });
    expect((early.detailsIn('fr') as { issues: { message: string }[] }).issues[0]!.message).toBe(early.messageIn('fr'));
    // Before the cohort was formed too; someone who joined earlier may leave on that day, and rep-7 from the moment they joined.
    given(...history).when(leaveOn('rep-7', '2026-02-01T10:00:00-05:00'), supervisor).thenThrows('DRC.BEFORE_JOINED');
    given(...history).when(leaveOn('rep-1', '2026-02-24T10:00:00-05:00'), supervisor).thenState('forming');
    given(...history).when(leaveOn('rep-7', '2026-02-25T15:00:00.000Z'), supervisor).thenState('forming');
  });

  it('refuses a departure dated in the future, with the other broken rule', () =>
    given(...running(6)).when({ type: 'WithdrawRepresentative', data: { representativeId: 'rep-9', reason: 'leave', withdrawnAt: '2026-03-03T00:00:00Z' } }).thenBreaks(
      'DRC.NOT_IN_COHORT',
      'DRC.TIME_IN_FUTURE',
    ));
});

describe('defence cohort: starting', () => {
  const start = (startedOn = '2026-03-02') => ({ type: 'StartCohort', data: { startedOn } });

  it('computes the planned end of a full-time cohort, 12 weeks, and records it', () => {
    const outcome = given(...forming(6)).when(start()).run();
    expect(outcome.events).toEqual([
      { type: 'CohortStarted', data: { startedOn: '2026-03-02', format: 'fullTime', weeks: 12, plannedEndOn: '2026-05-24', representatives: 6 } },
    ]);
    expect(outcome.stateName).toBe('running');
    expect(workflow.summarize(outcome.state).details).toMatchObject({ startedOn: '2026-03-02', plannedEndOn: '2026-05-24' });
  });

  it('computes the planned end of a part-time cohort, week-on/week-off for 25 weeks', () =>
    given(cohortFormed({ format: 'partTime' }), ...ids(6).map(representativeJoined))
      .when(start())
      .thenEvents([{ type: 'CohortStarted', data: { startedOn: '2026-03-02', format: 'partTime', weeks: 25, plannedEndOn: '2026-08-23', representatives: 6 } }]));

  it('keeps the planned end it recorded when the settings change later', () => {
    const settings = { ...DEFAULT_SETTINGS, workflows: { 'defence-cohort': { minimumRepresentatives: 6, maximumRepresentatives: 8, fullTimeWeeks: 10, partTimeWeeks: 25 } } };
    const started = given(...forming(6)).when(start(), { settings }).run();
    expect(started.events[0]!.data).toMatchObject({ weeks: 10, plannedEndOn: '2026-05-10' });
    expect(workflow.summarize(foldHistory(workflow, [...forming(6), ...started.events])).details['plannedEndOn']).toBe('2026-05-10');
  });

  it('does not start below six: members left before the start', () =>
    given(...forming(6), representativeWithdrawn('rep-1', 5))
      .when(start())
      .thenThrows('DRC.REPRESENTATIVES_OUT_OF_RANGE'));

  it('reports a cohort too small and a start in the future at once', () =>
    given(...forming(6), representativeWithdrawn('rep-1', 5)).when(start('2026-03-09')).thenBreaks(
      'DRC.REPRESENTATIVES_OUT_OF_RANGE',
      'DRC.TIME_IN_FUTURE',
    ));

  it('starts only once', () => given(...running(6)).when(start()).thenThrows('COMMAND.NOT_ALLOWED'));

  it('does not start before its last representative was nominated, beside the start', () => {
    const history = [cohortFormed(), ...ids(5).map(representativeJoined), representativeJoinedAt('rep-6', '2026-02-20T15:00:00.000Z', '2026-02-10')];
    const error = given(...history).when(start('2026-02-09')).error();
    expect(error.code).toBe('DRC.START_BEFORE_NOMINATION');
    expect(error.messageIn('en')).toBe('“Started on” (2026-02-09) is before representative rep-6 was nominated (2026-02-10).');
    expect(error.messageIn('fr')).toBe('«\u00a0Date de début\u00a0» (2026-02-09) précède la désignation de la personne représentante rep-6 (2026-02-10).');
    expect(error.detailsIn('en')).toEqual({ issues: [{ path: 'data.startedOn', message: error.messageIn('en') }] });
    given(...history).when(start('2026-02-10')).thenState('running');
  });

  it('does not start before the program’s first cohorts: "In January 2022, the first groups … began working in cohorts"', () => {
    const early = [cohortFormed(), ...ids(6).map((id) => representativeJoinedAt(id, '2026-02-20T15:00:00.000Z', '1999-12-01'))];
    const error = given(...early).when(start('1999-12-31')).error();
    expect(error.code).toBe('DRC.START_BEFORE_PROGRAM');
    expect(error.messageIn('en')).toBe('“Started on” (1999-12-31) is before the first cohorts of Defence representatives began (2022-01-01).');
    given(...early).when(start('2022-01-03')).thenState('running');
  });
});

describe('defence cohort: nominations', () => {
  it('refuses a nomination dated after today in the cohort’s region, beside its date, with the other broken rules', () => {
    const later = { ...representative('rep-3'), nominatedOn: '2026-03-03' };
    const data = { ...form(6).data, representatives: [...ids(2).map(representative), later, ...ids(3, 4).map(representative)] };
    const error = given().when({ type: 'FormCohort', data }, supervisor).error();
    expect(error.code).toBe('DRC.TIME_IN_FUTURE');
    expect(error.detailsIn('en')).toMatchObject({ issues: [{ path: 'data.representatives[2].nominatedOn' }] });
    expect(error.messageIn('en')).toBe('“Nominated on”: 2026-03-03 is in the future; record only what has already happened.');
    // Today in Ontario (09:00 on 2 March) is not the future.
    given().when({ type: 'FormCohort', data: { ...data, representatives: data.representatives.map((r) => ({ ...r, nominatedOn: '2026-03-02' })) } }, supervisor).thenState('forming');
    given(...forming(6))
      .when({ type: 'AddRepresentative', data: { representative: { ...representative('rep-7'), nominatedOn: '2026-03-03' } } }, supervisor)
      .thenThrows('DRC.TIME_IN_FUTURE');
  });
});

describe('defence cohort: practitioners', () => {
  const replace = (practitionerId: string, replacementId: string) => ({ type: 'ReplacePractitioner', data: { practitionerId, replacementId, reason: 'availability' } });

  it('replaces one of the two, keeping two', () => {
    const outcome = given(...running(6)).when(replace('practitioner-2', 'practitioner-3'), supervisor).run();
    expect(outcome.events).toEqual([
      { type: 'PractitionerReplaced', data: { previousPractitionerId: 'practitioner-2', practitionerId: 'practitioner-3', reason: 'availability', replacedAt: NOW } },
    ]);
    expect(workflow.summarize(outcome.state).assignees).toEqual(['practitioner-1', 'practitioner-3']);
  });

  it('refuses to replace someone who does not guide the cohort, or with someone who already does', () =>
    given(...forming(6)).when(replace('practitioner-9', 'practitioner-1'), supervisor).thenBreaks(
      'DRC.NOT_COHORT_PRACTITIONER',
      'DRC.ALREADY_COHORT_PRACTITIONER',
    ));
});

describe('defence cohort: sessions', () => {
  const session = (data: Record<string, unknown> = {}) => ({ type: 'RecordSession', data: { kind: 'reflection', delivery: 'inPerson', ...data } });

  it('records sessions of learning, reflection and planning for action', () => {
    const outcome = given(...running(6)).when(session({ kind: 'planningForAction', attendeeIds: ['rep-1', 'rep-2'] })).run();
    expect(outcome.events).toEqual([
      { type: 'CohortSessionHeld', data: { sessionId: 'id-1', kind: 'planningForAction', heldAt: NOW, delivery: 'inPerson', attendeeIds: ['rep-1', 'rep-2'] } },
    ]);
    expect(workflow.summarize(outcome.state).details).toMatchObject({ sessionsHeld: 1, planningSessionsHeld: 1 });
  });

  it('records no session before the cohort starts', () => given(...forming(6)).when(session()).thenThrows('COMMAND.NOT_ALLOWED'));

  it('refuses attendees who are not in the cohort and a session before its start, at once', () =>
    given(...running(6)).when(session({ heldAt: '2026-02-20T10:00:00-05:00', attendeeIds: ['rep-1', 'rep-9'] })).thenBreaks(
      'DRC.BEFORE_START',
      'DRC.NOT_IN_COHORT',
    ));

  it('names the date before the start by its label, in either language, not by its field', () => {
    const early = given(...running(6)).when(session({ heldAt: '2026-02-20T10:00:00-05:00' })).error();
    expect(early.code).toBe('DRC.BEFORE_START');
    expect(early.messageIn('en')).toMatch(/^“Held at” \(2026-02-20T10:00:00-05:00\) is before the cohort started/);
    expect(early.messageIn('fr')).toMatch(/^«\u00a0Date de la séance\u00a0» \(2026-02-20T10:00:00-05:00\) précède le début de la cohorte/);
  });

  it('says a session before the start beside its date too, without naming the field again', () => {
    const early = given(...running(6)).when(session({ heldAt: '2026-02-20T10:00:00-05:00' })).error();
    expect(early.details).toEqual({ issues: [{ path: 'data.heldAt', message: '2026-02-20T10:00:00-05:00 is before the cohort started (2026-02-23).' }] });
    expect(early.detailsIn('fr')).toEqual({ issues: [{ path: 'data.heldAt', message: '2026-02-20T10:00:00-05:00 précède le début de la cohorte (2026-02-23).' }] });
    // An engagement session's date too.
    const engagement = given(...running(6))
      .when({ type: 'RecordEngagementSession', data: { delivery: 'virtual', setting: 'individual', engagementCaseIds: ['re-case-1'], heldAt: '2026-02-20T10:00:00-05:00' } })
      .error();
    expect(engagement.details).toMatchObject({ issues: [{ path: 'data.heldAt' }] });
  });
});

describe('defence cohort: engagement sessions with class members', () => {
  const engagement = (setting: string, engagementCaseIds: string[]) => ({
    type: 'RecordEngagementSession',
    data: { delivery: 'virtual', setting, engagementCaseIds },
  });

  it('links the Restorative Engagement cases that took part, by case id only', () => {
    const outcome = given(...running(6)).when(engagement('group', ['re-case-1', 're-case-2'])).run();
    expect(outcome.events).toEqual([
      { type: 'EngagementSessionHeld', data: { sessionId: 'id-1', heldAt: NOW, delivery: 'virtual', setting: 'group', engagementCaseIds: ['re-case-1', 're-case-2'] } },
    ]);
    expect(workflow.summarize(outcome.state).details).toMatchObject({ engagementSessionsHeld: 1, engagementCases: 2 });
  });

  it('records no class member’s personal data: its schema has no field for it', () => {
    const error = given(...running(6))
      .when({ type: 'RecordEngagementSession', data: { delivery: 'virtual', setting: 'individual', engagementCaseIds: ['re-case-1'], classMember: { name: 'Sam' } } })
      .error();
    expect(error.code).toBe('VALIDATION.INVALID_INPUT');
    expect(error.message).toContain('data.classMember: unknown field');
    expect(workflow.events.find((e) => e.type === 'EngagementSessionHeld')!.personalData).toBeUndefined();
  });

  it('counts each case once across sessions', () => {
    const first = given(...running(6)).when(engagement('individual', ['re-case-1'])).run();
    const state = foldHistory(workflow, [...running(6), ...first.events, { type: 'EngagementSessionHeld', data: { ...first.events[0]!.data as object, sessionId: 's-2' } }]);
    expect(workflow.summarize(state).details).toMatchObject({ engagementSessionsHeld: 2, engagementCases: 1 });
  });

  it('names one case for an individual session and several for a group', () => {
    given(...running(6)).when(engagement('individual', ['re-case-1', 're-case-2'])).thenThrows('DRC.ENGAGEMENT_SETTING');
    given(...running(6)).when(engagement('group', ['re-case-1'])).thenThrows('DRC.ENGAGEMENT_SETTING');
  });
});

describe('defence cohort: completion', () => {
  const complete = (representativeIds: string[]) => ({
    type: 'CompleteCohort',
    data: { commitments: representativeIds.map((representativeId) => ({ representativeId, commitments: `What ${representativeId} will do.` })) },
  });

  it('records each representative’s commitments, sealed under their own subject, then completes', () => {
    const outcome = given(...planned(6)).when(complete(ids(6))).run();
    expect(outcome.events.slice(0, 2)).toEqual([
      { type: 'RepresentativeCommitted', data: { representativeId: 'rep-1', commitments: 'What rep-1 will do.', recordedAt: NOW } },
      { type: 'RepresentativeCommitted', data: { representativeId: 'rep-2', commitments: 'What rep-2 will do.', recordedAt: NOW } },
    ]);
    expect(outcome.events.at(-1)).toEqual({
      type: 'CohortCompleted',
      data: { completedAt: NOW, representatives: 6, sessionsHeld: 2, engagementSessionsHeld: 0, plannedEndOn: '2026-05-17' },
    });
    expect(outcome.stateName).toBe('completed');
    expect(outcome.allowedCommands).toEqual([]);
    expect(workflow.events.find((e) => e.type === 'RepresentativeCommitted')!.personalData).toEqual([{ subject: 'representativeId', fields: ['commitments'] }]);
  });

  it('asks for the commitments of everyone still in the cohort, and of no one who left', () => {
    const history: NewEvent[] = [...planned(7), representativeWithdrawn('rep-7', 6)];
    given(...history).when(complete(ids(6))).thenState('completed');
    given(...history).when(complete(['rep-1', 'rep-7'])).thenBreaks('DRC.COMMITMENTS_MISSING', 'DRC.NOT_IN_COHORT');
  });

  it('completes after at least one session of planning for action, reporting what else is missing at once', () => {
    const history = [...running(6), sessionHeld('learning')];
    given(...history).when(complete(ids(6))).thenThrows('DRC.NO_PLANNING_SESSION');
    given(...history).when(complete(ids(5))).thenBreaks('DRC.NO_PLANNING_SESSION', 'DRC.COMMITMENTS_MISSING');
  });

  it('refuses a representative named twice', () => {
    const error = given(...planned(6)).when(complete([...ids(6), 'rep-1'])).error();
    expect(error.code).toBe('VALIDATION.INVALID_INPUT');
    expect(error.message).toContain('data.commitments: names a representative twice');
  });

  it('completes a cohort below six, which was flagged, not closed', () =>
    given(...planned(6), representativeWithdrawn('rep-6', 5))
      .when(complete(ids(5)))
      .thenState('completed'));
});

describe('defence cohort: disbanding', () => {
  const disband = { type: 'DisbandCohort', data: { reason: 'tooFewRepresentatives' } };

  it('lets a supervisor end a cohort that will not complete, keeping its history', () => {
    const history = [...running(6), representativeWithdrawn('rep-1', 5)];
    const outcome = given(...history).when(disband, supervisor).run();
    expect(outcome.events).toEqual([{ type: 'CohortDisbanded', data: { reason: 'tooFewRepresentatives', disbandedAt: NOW, stage: 'running' } }]);
    expect(outcome.stateName).toBe('disbanded');
    expect(workflow.summarize(outcome.state).details).toMatchObject({ representatives: 5, representativesWithdrawn: 1, belowMinimum: false });
  });

  it('disbands before the start too, and only once', () => {
    given(...forming(6)).when(disband, supervisor).thenState('disbanded');
    given(...forming(6), { type: 'CohortDisbanded', data: { reason: 'other', disbandedAt: NOW, stage: 'forming' } })
      .when(disband, supervisor)
      .thenThrows('COMMAND.NOT_ALLOWED');
  });
});

describe('defence cohort: what lists show', () => {
  it('shows its shape and progress, never a representative’s name, contact or commitments', () => {
    const state = foldHistory(workflow, planned(6));
    const shown = JSON.stringify(workflow.summarize(state));
    for (const secret of ['Representative rep-1', 'rep-1@example.org', 'rep-1']) expect(shown).not.toContain(secret);
    expect(workflow.summarize(state)).toEqual({
      region: 'ON',
      assignees: ['practitioner-1', 'practitioner-2'],
      details: {
        format: 'fullTime',
        delivery: 'mixed',
        representatives: 6,
        representativesWithdrawn: 0,
        belowMinimum: false,
        startedOn: '2026-02-23',
        plannedEndOn: '2026-05-17',
        sessionsHeld: 2,
        planningSessionsHeld: 1,
        engagementSessionsHeld: 0,
        engagementCases: 0,
      },
    });
  });
});

describe('defence cohort: its refusals', () => {
  itExplainsItsErrors(
    'DRC.',
    [
      'DRC.ALREADY_COHORT_PRACTITIONER',
      'DRC.ALREADY_IN_COHORT',
      'DRC.BEFORE_JOINED',
      'DRC.BEFORE_START',
      'DRC.COHORT_FULL',
      'DRC.COMMITMENTS_MISSING',
      'DRC.ENGAGEMENT_SETTING',
      'DRC.NOT_COHORT_PRACTITIONER',
      'DRC.NOT_IN_COHORT',
      'DRC.NO_PLANNING_SESSION',
      'DRC.PRACTITIONERS_NOT_TWO',
      'DRC.REPRESENTATIVES_OUT_OF_RANGE',
      'DRC.REPRESENTATIVE_TWICE',
      'DRC.START_BEFORE_NOMINATION',
      'DRC.START_BEFORE_PROGRAM',
      'DRC.TIME_IN_FUTURE',
    ],
    {
      count: 2,
      minimum: 6,
      maximum: 8,
      ids: 'rep-1, rep-2',
      representativeId: 'rep-1',
      practitionerId: 'practitioner-3',
      practitioners: ['practitioner-1', 'practitioner-2'],
      field: 'heldAt',
      value: '2026-03-03T10:00:00-05:00',
      now: '2026-03-02T10:00:00-05:00',
      startedOn: '2026-03-02',
      joinedAt: '2026-02-20T15:00:00.000Z',
      nominatedOn: '2026-03-03',
      firstOn: '2022-01-01',
      setting: 'group',
    },
    'rule',
  );
});
