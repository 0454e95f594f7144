import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Language } from '../i18n/i18n';
import type { ClockView, HistoryItem, WorkflowInfo } from '../shared/types';

/** What every field of one form shares: the workflow that names its fields and values, and the time zone its times are typed in. */
export interface FormSettings {
  readonly workflow: WorkflowInfo | undefined;
  /** IANA zone of the case's region: a date-time picker shows and reads wall times there. */
  readonly timeZone: string;
  /** The case's region (or the one typed in a new case's form): a staff picker offers its people first. */
  readonly region?: string | undefined;
  /** The roles the case could be given to (its view's `assignableRoles`; none for a new case): a staff picker offers only their people. */
  readonly assignable?: readonly string[] | undefined;
  /** The official language the case is served in, or `bilingual` for both (its view's `serviceLanguage`): a staff picker offers only people who work in it, or in both. */
  readonly serviceLanguage?: 'en' | 'fr' | 'bilingual' | null | undefined;
  /** The case's events, as read (none for a new case): a field pointing at one of its records offers a pick of them. */
  readonly history?: readonly HistoryItem[] | undefined;
  /** The case's clocks a field naming one of them (`x-mend-clock`) offers: those the command may act on (none for a new case). */
  readonly clocks?: readonly ClockView[] | undefined;
  /** The event the form's command records (a shared clock event names the clocks it may act on). */
  readonly records?: string | undefined;
  /** The language the API's refusal beside the fields was written in (the page may have switched since); the page's when absent. */
  readonly errorsIn?: Language;
}

export const FormContext = createContext<FormSettings>({ workflow: undefined, timeZone: 'America/Toronto' });

export const useForm = (): FormSettings => useContext(FormContext);
