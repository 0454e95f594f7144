import { createCalendarProvider } from '../../domain/calendar';
import type { DecideContext } from '../../domain/decide-context';
import type { MachineEvent, NewEvent } from '../../domain/envelope';
import { DomainError } from '../../domain/errors';
import { allowedCommands, evolveCase, initialCaseState, stateName } from '../../domain/fold';
import { processCommand, type CommandInput } from '../../domain/process';
import type { Actor } from '../../domain/roles';
import { DEFAULT_SETTINGS, type MendSettings } from '../../domain/settings';
import type { AnyWorkflowDefinition, CaseState } from '../../domain/workflow';

const calendars = createCalendarProvider();

export interface SpecOptions {
  readonly now?: string;
  readonly actor?: Actor;
  readonly settings?: MendSettings;
}

/** A decision context for specs: a fixed time, a practitioner, deterministic ids, the real calendar. */
export function specContext(options: SpecOptions = {}): DecideContext {
  let next = 0;
  return {
    now: new Date(options.now ?? '2026-03-02T14:00:00Z'),
    actor: options.actor ?? { id: 'practitioner-1', role: 'practitioner' },
    newId: () => `id-${++next}`,
    calendars,
    settings: options.settings ?? DEFAULT_SETTINGS,
  };
}

/** Folds events as history, each recorded at `occurredAt` (default: the spec's time). */
export function foldHistory(definition: AnyWorkflowDefinition, events: readonly NewEvent[], occurredAt = '2026-03-02T14:00:00Z'): CaseState {
  const meta: MachineEvent['meta'] = { occurredAt, actor: { id: 'practitioner-1', role: 'practitioner' } };
  return events.reduce((state, event) => evolveCase(definition, state, { ...event, meta }), initialCaseState(definition));
}

export interface Outcome {
  readonly events: readonly NewEvent[];
  readonly state: CaseState;
  readonly stateName: string;
  readonly allowedCommands: string[];
}

/**
 * Given/when/then for workflows: `given(...history).when(command).thenEvents([...])` or
 * `.thenThrows('CODE')`. It runs the same pure processing as the command pipeline.
 */
export function specFor(definition: AnyWorkflowDefinition) {
  return {
    given(...history: NewEvent[]) {
      return {
        when(command: CommandInput, options: SpecOptions = {}) {
          const run = (): Outcome => {
            const ctx = specContext(options);
            const decision = processCommand(definition, foldHistory(definition, history), command, ctx);
            const meta = { occurredAt: ctx.now.toISOString(), actor: ctx.actor };
            return {
              events: decision.events,
              state: decision.state,
              stateName: stateName(decision.state.snapshot),
              allowedCommands: allowedCommands(definition, decision.state, meta),
            };
          };
          return {
            run,
            // The then* steps return nothing, so that `it('…', () => given(…).when(…).thenThrows(…))` reads as a spec.
            thenEvents(expected: readonly NewEvent[]): void {
              expect(run().events).toEqual(expected);
            },
            thenState(expected: string): void {
              expect(run().stateName).toBe(expected);
            },
            /** Asserts the command fails with this code (and details, if given). Use `error()` to inspect it further. */
            thenThrows(code: string, details?: unknown): void {
              const error = this.error();
              expect(error.code).toBe(code);
              if (details !== undefined) expect(error.details).toMatchObject(details as object);
            },
            /**
             * Asserts the command is refused for exactly these business rules, in this order, all
             * named at once: the rule's own code when one is broken, COMMAND.RULES_BROKEN listing
             * them in `details.rules` when several are.
             */
            thenBreaks(...codes: string[]): void {
              expect(brokenRuleCodes(this.error())).toEqual(codes);
            },
            error(): DomainError {
              let caught: unknown;
              try {
                run();
              } catch (error) {
                caught = error;
              }
              expect(caught).toBeInstanceOf(DomainError);
              return caught as DomainError;
            },
          };
        },
      };
    },
  };
}

/** The codes of the rules an error names: those it lists when it refuses for several, else its own. */
export function brokenRuleCodes(error: DomainError): string[] {
  if (error.code !== 'COMMAND.RULES_BROKEN') return [error.code];
  return (error.details as { rules: { code: string }[] }).rules.map((rule) => rule.code);
}
