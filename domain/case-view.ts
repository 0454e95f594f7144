import type { ClockState } from './clocks/state';
import { allowedCommands, caseStatus, findCommand, stateName } from './fold';
import type { MachineEvent } from './envelope';
import type { RegionCode } from './regions';
import type { ServiceLanguage } from './staff';
import type { AnyWorkflowDefinition, CaseState } from './workflow';

/** A clock as users see it. */
export type ClockView = Omit<ClockState, 'pendingWarnings'> & { readonly nextWarningAt?: string };

/** The case as the API shows it (DESIGN.md §9). */
export interface CaseView {
  readonly caseId: string;
  /** Its human reference (`CMP-2026-00042`); null for a case opened before references were given. */
  readonly reference: string | null;
  readonly workflow: string;
  readonly workflowVersion: number;
  readonly state: string;
  /** `open` while the machine runs; `closed` once it reached a final state. */
  readonly status: 'open' | 'closed';
  readonly revision: number;
  /** Global position of the case's last event. */
  readonly position: number;
  /** The commands the reader may run now. */
  readonly allowedCommands: readonly string[];
  /** The commands the case's state allows now, whoever may run them: a reader learns what the case waits for. */
  readonly nextSteps: readonly string[];
  /**
   * Of the commands the reader may run now, those whose state requires fields their schema leaves
   * optional (a complaint's response below the last level names who it can be elevated to), with
   * those fields (`CommandDefinition.requires`); commands with none are left out.
   */
  readonly requiredNow: FieldsByCommand;
  /** Likewise, the fields their schema allows that the state refuses (`CommandDefinition.refuses`): a form does not offer them. */
  readonly refusedNow: FieldsByCommand;
  readonly region: RegionCode;
  readonly assignees: readonly string[];
  /** The official language the case is served in, or `bilingual` for both (CaseSummary.serviceLanguage); null when its workflow records none, or not yet. */
  readonly serviceLanguage: ServiceLanguage | null;
  readonly details: Readonly<Record<string, string | number | boolean | null>>;
  readonly clocks: readonly ClockView[];
  readonly openedAt: string;
  readonly updatedAt: string;
}

/** Top-level fields of commands' data, by command. */
export type FieldsByCommand = Readonly<Record<string, readonly string[]>>;

export interface CaseFacts {
  readonly caseId: string;
  readonly reference: string | null;
  readonly position: number;
  readonly openedAt: string;
  readonly updatedAt: string;
}

export function clockView({ pendingWarnings, ...clock }: ClockState): ClockView {
  const next = pendingWarnings[0]?.at;
  return next !== undefined && clock.status === 'running' ? { ...clock, nextWarningAt: next } : clock;
}

/** The fields each of `commands` names in this state, by `rule` (`requires` or `refuses`); commands that name none are left out. */
function fieldsNow(definition: AnyWorkflowDefinition, state: CaseState, commands: readonly string[], rule: 'requires' | 'refuses'): FieldsByCommand {
  return Object.fromEntries(
    commands.flatMap((type) => {
      const fields = findCommand(definition, type)?.[rule]?.(state) ?? [];
      return fields.length > 0 ? [[type, fields] as const] : [];
    }),
  );
}

const only = (fields: FieldsByCommand, commands: readonly string[]): FieldsByCommand =>
  Object.fromEntries(Object.entries(fields).filter(([type]) => commands.includes(type)));

/** The view offered to a reader who may run only `allowed` of the commands the state allows: the fields each needs now kept to those. */
export function withAllowedCommands<V extends CaseView>(view: V, allowed: readonly string[]): V {
  return { ...view, allowedCommands: allowed, requiredNow: only(view.requiredNow, allowed), refusedNow: only(view.refusedNow, allowed) };
}

export function buildCaseView(
  definition: AnyWorkflowDefinition,
  state: CaseState,
  facts: CaseFacts,
  meta: MachineEvent['meta'],
): CaseView {
  const summary = definition.summarize(state);
  const steps = allowedCommands(definition, state, meta);
  return {
    caseId: facts.caseId,
    reference: facts.reference,
    workflow: definition.name,
    workflowVersion: definition.version,
    state: stateName(state.snapshot),
    status: caseStatus(state.snapshot),
    revision: state.revision,
    position: facts.position,
    allowedCommands: steps,
    nextSteps: steps,
    requiredNow: fieldsNow(definition, state, steps, 'requires'),
    refusedNow: fieldsNow(definition, state, steps, 'refuses'),
    region: summary.region,
    assignees: summary.assignees,
    serviceLanguage: summary.serviceLanguage ?? null,
    details: summary.details,
    clocks: Object.values(state.clocks).map(clockView),
    openedAt: facts.openedAt,
    updatedAt: facts.updatedAt,
  };
}
