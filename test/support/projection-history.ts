import { SCHEMA_VERSION } from '../../domain/envelope';
import { initialCaseState } from '../../domain/fold';
import { processCommand } from '../../domain/process';
import type { Actor } from '../../domain/roles';
import type { AnyWorkflowDefinition, CaseState } from '../../domain/workflow';
import type { ProjectionEvent } from '../../projections/projection';
import { specContext } from './workflow-spec';

/** Hands out global positions, so that several cases can share one log. */
export class Log {
  private last = 0;
  readonly events: ProjectionEvent[] = [];

  next(): number {
    return ++this.last;
  }
}

export interface Step {
  /** Business time of the command (default: the previous step's, first 2026-03-02T14:00:00Z). */
  readonly at?: string;
  readonly actor?: Actor;
}

/**
 * A case whose history is made by running commands through the workflow's own pure processing
 * (validation, machine check, decide), recorded as projections receive events: with revision,
 * position and metadata. No store, no clock: time arrives with each step.
 */
export class CaseHistory {
  private state: CaseState;
  private at = '2026-03-02T14:00:00.000Z';
  readonly events: ProjectionEvent[] = [];

  constructor(
    readonly definition: AnyWorkflowDefinition,
    readonly caseId: string,
    private readonly log: Log = new Log(),
  ) {
    this.state = initialCaseState(definition);
  }

  get streamId(): string {
    return `${this.definition.category}-${this.caseId}`;
  }

  /** Runs a command; returns the events it recorded. */
  run(command: string, data: Record<string, unknown> = {}, step: Step = {}): ProjectionEvent[] {
    if (step.at) this.at = new Date(step.at).toISOString();
    const ctx = specContext({ now: this.at, ...(step.actor ? { actor: step.actor } : {}) });
    const decision = processCommand(this.definition, this.state, { type: command, data }, ctx);
    const recorded = decision.events.map((event, i): ProjectionEvent => ({
      caseId: this.caseId,
      streamId: this.streamId,
      position: this.log.next(),
      revision: this.state.revision + 1 + i,
      type: event.type,
      data: event.data,
      metadata: {
        actor: ctx.actor,
        correlationId: `${this.caseId}-${command}`,
        causationId: `${this.caseId}-${command}`,
        occurredAt: this.at,
        workflow: this.definition.name,
        workflowVersion: this.definition.version,
        schemaVersion: SCHEMA_VERSION,
      },
      recordedAt: this.at,
      definition: this.definition,
    }));
    this.state = decision.state;
    this.events.push(...recorded);
    this.log.events.push(...recorded);
    return recorded;
  }
}

/** Folds events one at a time, the way the runner does, keeping each key's latest value. */
export function foldAll<K, V>(events: readonly ProjectionEvent[], key: (event: ProjectionEvent) => K, fold: (previous: V | undefined, event: ProjectionEvent) => V): Map<K, V> {
  const values = new Map<K, V>();
  for (const event of events) values.set(key(event), fold(values.get(key(event)), event));
  return values;
}
