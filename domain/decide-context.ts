import type { ReadScopes } from './access';
import type { CalendarProvider } from './calendar/types';
import type { Actor } from './roles';
import type { MendSettings } from './settings';
import type { Bilingual } from './validation';

/**
 * What a decision may know of the registered workflows (their latest versions): a complaint names
 * the program it is about, and is read as that program's cases are.
 */
export interface WorkflowFacts {
  readonly name: string;
  readonly title: Bilingual;
  readonly readScope: ReadScopes;
}

/**
 * Everything a decision may depend on besides the command and the state. Time, ids and
 * configuration arrive here so that decisions stay pure and repeatable.
 */
export interface DecideContext {
  /** Business time of the command. */
  readonly now: Date;
  readonly actor: Actor;
  /** Mints ids for things inside a case (an engagement, a meeting). Not for event ids. */
  readonly newId: () => string;
  readonly calendars: CalendarProvider;
  readonly settings: MendSettings;
  /** The registered workflows. Absent: no other workflow is known to the decision. */
  readonly workflows?: readonly WorkflowFacts[];
  /**
   * The people of the case whose personal information was erased, for a command that asks
   * (`CommandDefinition.readsErasures`): what it would have them give, it asks of them no more.
   */
  readonly erased?: ReadonlySet<string>;
}

/** The facts a decision needs of registered workflows, from their definitions. */
export function workflowFacts(definitions: readonly { name: string; labels: { title: Bilingual }; readScope: ReadScopes }[]): WorkflowFacts[] {
  return definitions.map((d) => ({ name: d.name, title: d.labels.title, readScope: d.readScope }));
}
