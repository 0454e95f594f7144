import { createContext } from 'preact';
import { useContext, useEffect, useState } from 'preact/hooks';
import { useI18n } from '../i18n/i18n';
import type { Api } from './api';
import { businessDaysLeft, NO_HOLIDAYS, type HolidayDates } from './business-days';
import type { Session } from './session';
import type { WorkflowInfo } from './types';

export interface ConsoleContext {
  readonly api: Api;
  readonly session: Session;
  /** GET /workflows, loaded once per sign-in and language: its labels are in that language. */
  readonly workflows: Promise<readonly WorkflowInfo[]>;
  /** Staff names by id, loaded once per sign-in: the directory's (GET /staff, former staff too) for roles that may read it, and the signed-in person's own (GET /staff/me). */
  readonly people: Promise<ReadonlyMap<string, string>>;
  /** Each region's holidays of last year, this year and next (GET /calendar/holidays), loaded once per sign-in. */
  readonly holidays: Promise<HolidayDates>;
}

export const Console = createContext<ConsoleContext | undefined>(undefined);

export function useConsole(): ConsoleContext {
  const context = useContext(Console);
  if (!context) throw new Error('useConsole outside a signed-in console');
  return context;
}

const NOBODY_NAMED: ReadonlyMap<string, string> = new Map();
const NO_WORKFLOWS: readonly WorkflowInfo[] = [];

/**
 * What a promise settles to, `before` until it does (and if it fails). With `keep`, until then what
 * the promise before it settled to: the same thing asked again in another language, which the page
 * keeps showing rather than blink.
 */
export function useSettled<T>(promise: Promise<T>, before: T, keep = false): T {
  const [settled, setSettled] = useState<{ promise: Promise<T>; value: T } | undefined>(undefined);
  useEffect(() => {
    let live = true;
    promise.then((value) => live && setSettled({ promise, value }), () => undefined);
    return () => {
      live = false;
    };
  }, [promise]);
  return settled && (keep || settled.promise === promise) ? settled.value : before;
}

/** The workflows Mend runs (GET /workflows), once loaded; none before. */
export function useWorkflows(): readonly WorkflowInfo[] {
  return useSettled(useConsole().workflows, NO_WORKFLOWS, true);
}

/**
 * The staff names a page's own answers give, by id (a case's history names the staff it shows,
 * GET /cases/:id/history `staff`), so that every role reads colleagues' names where it reads the case.
 */
export const PageStaff = createContext<ReadonlyMap<string, string>>(NOBODY_NAMED);

/** A `staff` record of an answer, as PageStaff holds it. */
export const staffNames = (staff: Readonly<Record<string, string>>): ReadonlyMap<string, string> => new Map(Object.entries(staff));

/**
 * How a staff member is named: by the name the page's answers give or the directory's when this
 * role may read it (and the reader's own, always), a system actor by what it is, else by their id.
 */
export function usePeople(): (staffId: string) => string {
  const names = useSettled(useConsole().people, NOBODY_NAMED);
  const page = useContext(PageStaff);
  const { t } = useI18n();
  return (staffId) => page.get(staffId) ?? names.get(staffId) ?? t.notInDirectory(staffId);
}

/**
 * Business days from one instant to another in a region, its holidays skipped as the server's
 * calendar skips them (weekends only until they have loaded).
 */
export function useBusinessDays(): (from: Date, to: Date, region: string | undefined) => number {
  const holidays = useSettled(useConsole().holidays, NO_HOLIDAYS);
  return (from, to, region) => businessDaysLeft(from, to, region, holidays);
}
