import { assertNever } from '../../domain/assert-never';
import { addCalendarDays } from '../../domain/dates';
import type { DecideContext } from '../../domain/decide-context';
import type { NewEvent } from '../../domain/envelope';
import { refusalAtField, type DomainError, type ErrorTexts } from '../../domain/errors';
import { enforceRules } from '../../domain/rules';
import { stateName } from '../../domain/fold';
import { workflowSettings } from '../../domain/settings';
import type { RegionCode } from '../../domain/regions';
import type { CaseState } from '../../domain/workflow';
import type { DefenceCohortCommand } from './commands';
import {
  AlreadyCohortPractitioner,
  AlreadyInCohort,
  BeforeJoined,
  BeforeStart,
  CohortFull,
  CommitmentsMissing,
  EngagementSettingMismatch,
  NoPlanningSession,
  NotCohortPractitioner,
  NotInCohort,
  PractitionersNotTwo,
  RepresentativeNamedTwice,
  RepresentativesOutOfRange,
  StartBeforeNomination,
  StartBeforeProgram,
  TimeInFuture,
} from './errors';
import type { DefenceCohortEvent } from './events';
import { activeRepresentatives, type DefenceCohortContext } from './machine';
import { DEFENCE_COHORT, DefenceCohortSettings, PRACTITIONERS_PER_COHORT } from './settings';

type Command<T extends DefenceCohortCommand['type']> = Extract<DefenceCohortCommand, { type: T }>;
type Representative = Command<'AddRepresentative'>['data']['representative'];

export function cohortContext(state: CaseState): DefenceCohortContext {
  return state.snapshot.context as DefenceCohortContext;
}

const settingsOf = (ctx: DecideContext) => workflowSettings(ctx.settings, DEFENCE_COHORT, DefenceCohortSettings);

/** The command's data was parsed by its schema before `decide` runs (domain/process.ts). */
export function decide(command: NewEvent, state: CaseState, ctx: DecideContext): NewEvent[] {
  const cmd = command as DefenceCohortCommand;
  const context = cohortContext(state);
  switch (cmd.type) {
    case 'FormCohort':
      return form(cmd, ctx);
    case 'AddRepresentative':
      return add(cmd, context, ctx);
    case 'WithdrawRepresentative':
      return withdraw(cmd, state, ctx);
    case 'ReplacePractitioner':
      return replacePractitioner(cmd, context, ctx);
    case 'StartCohort':
      return start(cmd, context, ctx);
    case 'RecordSession':
      return recordSession(cmd, context, ctx);
    case 'RecordEngagementSession':
      return recordEngagementSession(cmd, context, ctx);
    case 'CompleteCohort':
      return complete(cmd, context, ctx);
    case 'DisbandCohort':
      return [{ type: 'CohortDisbanded', data: { reason: cmd.data.reason, disbandedAt: ctx.now.toISOString(), stage: stateName(state.snapshot) } }];
    default:
      return assertNever(cmd);
  }
}

/** "In January 2022, the first groups of Defence representatives began working in cohorts" (the program's own account). */
export const FIRST_COHORTS_ON = '2022-01-01';

/** A nomination is a past fact: not after today in the cohort's region. Said beside the nomination's date. */
function nominatedInTheFuture(representative: Representative, path: string, region: RegionCode, ctx: DecideContext): DomainError | undefined {
  const value = representative.nominatedOn;
  return value > ctx.calendars.forRegion(region).localDate(ctx.now) ? refusalAtField(TimeInFuture, { field: 'representative.nominatedOn', value }, `${path}.nominatedOn`) : undefined;
}

/** The rule on the cohort's size, if broken: six to eight by default. */
function sizeRule(count: number, minimum: number, maximum: number): DomainError | undefined {
  return count < minimum || count > maximum ? RepresentativesOutOfRange({ count, minimum, maximum }) : undefined;
}

const present = <T>(values: readonly (T | undefined)[]): T[] => values.filter((v): v is T => v !== undefined);

function joined(representative: Representative, ctx: DecideContext): DefenceCohortEvent {
  return {
    type: 'RepresentativeJoined',
    data: {
      representative: {
        subjectId: representative.subjectId ?? ctx.newId(),
        name: representative.name,
        ...(representative.contact !== undefined ? { contact: representative.contact } : {}),
        affiliation: representative.affiliation,
        nominatedOn: representative.nominatedOn,
      },
      joinedAt: ctx.now.toISOString(),
    },
  };
}

function form(cmd: Command<'FormCohort'>, ctx: DecideContext): DefenceCohortEvent[] {
  const d = cmd.data;
  const given = present(d.representatives.map((r) => r.subjectId));
  const twice = [...new Set(given.filter((id, i) => given.indexOf(id) !== i))];
  const { minimumRepresentatives, maximumRepresentatives } = settingsOf(ctx);
  enforceRules([
    sizeRule(d.representatives.length, minimumRepresentatives, maximumRepresentatives),
    d.practitionerIds.length !== PRACTITIONERS_PER_COHORT ? PractitionersNotTwo({ count: d.practitionerIds.length }) : undefined,
    twice.length > 0 ? RepresentativeNamedTwice({ ids: twice.join(', ') }) : undefined,
    ...d.representatives.map((r, i) => nominatedInTheFuture(r, `data.representatives[${i}]`, d.region, ctx)),
  ]);
  return [
    {
      type: 'CohortFormed',
      data: {
        region: d.region,
        format: d.format,
        delivery: d.delivery,
        practitionerIds: d.practitionerIds,
        minimumRepresentatives,
        maximumRepresentatives,
        formedAt: ctx.now.toISOString(),
      },
    },
    ...d.representatives.map((r) => joined(r, ctx)),
  ];
}

function add(cmd: Command<'AddRepresentative'>, context: DefenceCohortContext, ctx: DecideContext): DefenceCohortEvent[] {
  const maximum = context.maximumRepresentatives;
  const id = cmd.data.representative.subjectId;
  // A representative who left is not added back under the same id: their withdrawal stays in the history as it was.
  enforceRules([
    activeRepresentatives(context).length >= maximum ? CohortFull({ maximum }) : undefined,
    id !== undefined && context.representatives.some((r) => r.id === id) ? AlreadyInCohort({ representativeId: id }) : undefined,
    nominatedInTheFuture(cmd.data.representative, 'data.representative', context.region, ctx),
  ]);
  return [joined(cmd.data.representative, ctx)];
}

function withdraw(cmd: Command<'WithdrawRepresentative'>, state: CaseState, ctx: DecideContext): DefenceCohortEvent[] {
  const context = cohortContext(state);
  const d = cmd.data;
  const active = activeRepresentatives(context);
  const withdrawnAt = past('withdrawnAt', d.withdrawnAt, ctx);
  const joinedAt = context.representatives.find((r) => r.id === d.representativeId && r.status === 'active')?.joinedAt;
  // No one leaves before they joined, so never before the cohort was formed either.
  const beforeJoining =
    joinedAt !== undefined && Date.parse(withdrawnAt.value) < Date.parse(joinedAt)
      ? refusalAtField(BeforeJoined, { value: withdrawnAt.value, representativeId: d.representativeId, joinedAt }, 'data.withdrawnAt')
      : undefined;
  enforceRules([active.includes(d.representativeId) ? undefined : NotInCohort({ ids: d.representativeId }), withdrawnAt.broken, beforeJoining]);
  const remaining = active.length - 1;
  const minimum = context.minimumRepresentatives;
  return [
    {
      type: 'RepresentativeWithdrawn',
      data: { representativeId: d.representativeId, reason: d.reason, withdrawnAt: withdrawnAt.value, stage: stateName(state.snapshot), remaining },
    },
    // Flagged to the supervisor, never closed: the program decides whether the cohort goes on.
    ...(remaining < minimum
      ? [{ type: 'CohortBelowMinimum' as const, data: { representatives: remaining, minimum, flaggedAt: ctx.now.toISOString() } }]
      : []),
  ];
}

function replacePractitioner(cmd: Command<'ReplacePractitioner'>, context: DefenceCohortContext, ctx: DecideContext): DefenceCohortEvent[] {
  const d = cmd.data;
  enforceRules([
    context.practitionerIds.includes(d.practitionerId)
      ? undefined
      : NotCohortPractitioner({ practitionerId: d.practitionerId, practitioners: context.practitionerIds }),
    context.practitionerIds.includes(d.replacementId) ? AlreadyCohortPractitioner({ practitionerId: d.replacementId }) : undefined,
  ]);
  return [
    {
      type: 'PractitionerReplaced',
      data: { previousPractitionerId: d.practitionerId, practitionerId: d.replacementId, reason: d.reason, replacedAt: ctx.now.toISOString() },
    },
  ];
}

function start(cmd: Command<'StartCohort'>, context: DefenceCohortContext, ctx: DecideContext): DefenceCohortEvent[] {
  const settings = settingsOf(ctx);
  const today = ctx.calendars.forRegion(context.region).localDate(ctx.now);
  const { startedOn } = cmd.data;
  const count = activeRepresentatives(context).length;
  // The representative nominated last: the cohort starts on or after that day.
  const last = context.representatives.filter((r) => r.status === 'active').sort((a, b) => b.nominatedOn.localeCompare(a.nominatedOn))[0];
  enforceRules([
    sizeRule(count, context.minimumRepresentatives, context.maximumRepresentatives),
    context.practitionerIds.length !== PRACTITIONERS_PER_COHORT ? PractitionersNotTwo({ count: context.practitionerIds.length }) : undefined,
    startedOn > today ? TimeInFuture({ field: 'startedOn', value: startedOn }) : undefined,
    startedOn < FIRST_COHORTS_ON ? refusalAtField(StartBeforeProgram, { startedOn, firstOn: FIRST_COHORTS_ON }, 'data.startedOn') : undefined,
    last !== undefined && startedOn < last.nominatedOn
      ? refusalAtField(StartBeforeNomination, { startedOn, representativeId: last.id, nominatedOn: last.nominatedOn }, 'data.startedOn')
      : undefined,
  ]);
  const format = context.format ?? 'fullTime';
  const weeks = format === 'fullTime' ? settings.fullTimeWeeks : settings.partTimeWeeks;
  return [
    {
      type: 'CohortStarted',
      data: { startedOn, format, weeks, plannedEndOn: addCalendarDays(startedOn, weeks * 7 - 1), representatives: count },
    },
  ];
}

function plannedEndOf(context: DefenceCohortContext): string {
  if (context.plannedEndOn === undefined) throw new Error('A running cohort without a planned end: its history is corrupt.');
  return context.plannedEndOn;
}

/** When a fact happened: as given or now, never later than now; with the broken rule, if any, to report with the others. */
function past(field: string, value: string | undefined, ctx: DecideContext): { value: string; broken?: DomainError } {
  if (value === undefined) return { value: ctx.now.toISOString() };
  if (Date.parse(value) > ctx.now.getTime()) return { value, broken: TimeInFuture({ field, value }) };
  return { value };
}

/** DRC.BEFORE_START said beside the session's date (`data.heldAt`), which the form names already: without naming it again. */
const BEFORE_START_AT_FIELD: ErrorTexts<{ field: string; value: string; startedOn: string }> = {
  en: (p) => `${p.value} is before the cohort started (${p.startedOn}).`,
  fr: (p) => `${p.value} précède le début de la cohorte (${p.startedOn}).`,
};

/** A session is held during the cohort: not in the future, not before its first day in its region. */
function heldAtRule(field: string, value: string | undefined, context: DefenceCohortContext, ctx: DecideContext) {
  const at = past(field, value, ctx);
  const startedOn = context.startedOn;
  if (!at.broken && startedOn !== undefined && ctx.calendars.forRegion(context.region).localDate(new Date(at.value)) < startedOn) {
    return { value: at.value, broken: refusalAtField(BeforeStart, { field, value: at.value, startedOn }, `data.${field}`, BEFORE_START_AT_FIELD) };
  }
  return at;
}

function recordSession(cmd: Command<'RecordSession'>, context: DefenceCohortContext, ctx: DecideContext): DefenceCohortEvent[] {
  const d = cmd.data;
  const heldAt = heldAtRule('heldAt', d.heldAt, context, ctx);
  const active = activeRepresentatives(context);
  const strangers = (d.attendeeIds ?? []).filter((id) => !active.includes(id));
  enforceRules([heldAt.broken, strangers.length > 0 ? NotInCohort({ ids: strangers.join(', ') }) : undefined]);
  return [
    {
      type: 'CohortSessionHeld',
      data: {
        sessionId: ctx.newId(),
        kind: d.kind,
        heldAt: heldAt.value,
        delivery: d.delivery,
        ...(d.attendeeIds !== undefined ? { attendeeIds: d.attendeeIds } : {}),
      },
    },
  ];
}

function recordEngagementSession(cmd: Command<'RecordEngagementSession'>, context: DefenceCohortContext, ctx: DecideContext): DefenceCohortEvent[] {
  const d = cmd.data;
  const heldAt = heldAtRule('heldAt', d.heldAt, context, ctx);
  const count = d.engagementCaseIds.length;
  const settingFits = d.setting === 'individual' ? count === 1 : count >= 2;
  enforceRules([heldAt.broken, settingFits ? undefined : EngagementSettingMismatch({ setting: d.setting, count })]);
  return [
    {
      type: 'EngagementSessionHeld',
      data: { sessionId: ctx.newId(), heldAt: heldAt.value, delivery: d.delivery, setting: d.setting, engagementCaseIds: d.engagementCaseIds },
    },
  ];
}

function complete(cmd: Command<'CompleteCohort'>, context: DefenceCohortContext, ctx: DecideContext): DefenceCohortEvent[] {
  const active = activeRepresentatives(context);
  const named = cmd.data.commitments.map((c) => c.representativeId);
  // A representative whose personal information was erased gives no commitments: they could not be recorded.
  const missing = active.filter((id) => !named.includes(id) && !ctx.erased?.has(id));
  const strangers = named.filter((id) => !active.includes(id));
  enforceRules([
    context.sessions.planningForAction === 0 ? NoPlanningSession({}) : undefined,
    missing.length > 0 ? CommitmentsMissing({ ids: missing.join(', ') }) : undefined,
    strangers.length > 0 ? NotInCohort({ ids: strangers.join(', ') }) : undefined,
  ]);
  const now = ctx.now.toISOString();
  return [
    ...cmd.data.commitments.map(
      (c): DefenceCohortEvent => ({ type: 'RepresentativeCommitted', data: { representativeId: c.representativeId, commitments: c.commitments, recordedAt: now } }),
    ),
    {
      type: 'CohortCompleted',
      data: {
        completedAt: now,
        representatives: active.length,
        sessionsHeld: context.sessions.learning + context.sessions.reflection + context.sessions.planningForAction,
        engagementSessionsHeld: context.engagementSessions,
        plannedEndOn: plannedEndOf(context),
      },
    },
  ];
}
