import type { ClockState } from './clocks/state';
import { allowedCommands, stateName } from './fold';
import type { MachineEvent } from './envelope';
import type { RegionCode } from './regions';
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
  readonly region: RegionCode;
  readonly assignees: readonly string[];
  readonly details: Readonly<Record<string, string | number | boolean | null>>;
  readonly clocks: readonly ClockView[];
  readonly openedAt: string;
  readonly updatedAt: string;
}

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
    status: state.snapshot.status === 'active' ? 'open' : 'closed',
    revision: state.revision,
    position: facts.position,
    allowedCommands: steps,
    nextSteps: steps,
    region: summary.region,
    assignees: summary.assignees,
    details: summary.details,
    clocks: Object.values(state.clocks).map(clockView),
    openedAt: facts.openedAt,
    updatedAt: facts.updatedAt,
  };
}
