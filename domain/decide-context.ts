import type { CalendarProvider } from './calendar/types';
import type { Actor } from './roles';
import type { MendSettings } from './settings';

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
}
