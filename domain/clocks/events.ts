import { z } from 'zod';
import { CLOCK_KEY_KEYWORD, DURATION_MS_KEYWORD, SHARE_KEYWORD } from '../json-schema-keywords';
import { RegionCode } from '../regions';
import { fieldKind, Instant, SubjectId } from '../schemas';
import type { Bilingual, EventDefinition } from '../workflow';

/** Text the workflow itself writes (a clock's name, why it was cancelled): never from a request. */
const WorkflowText = fieldKind(z.string().min(1).max(500), 'code');

/** A clock's key within its case: `acknowledgement`, `response-1`, `optInWindow`… (a client names it by its workflow's clock label). */
export const ClockKey = fieldKind(z.string().regex(/^[a-zA-Z][a-zA-Z0-9-]{0,63}$/).meta({ [CLOCK_KEY_KEYWORD]: true }), 'code');
/** A clock's name as its workflow declares it, written into the event that starts it. */
const ClockName = fieldKind(z.string().min(1).max(64), 'code');

/** The share of a clock's time at which it warns (0.5: half of it). */
const Share = z.number().gt(0).lt(1).meta({ [SHARE_KEYWORD]: true });

export const ClockWarning = z.strictObject({
  threshold: Share,
  at: Instant,
});
export type ClockWarning = z.infer<typeof ClockWarning>;

/**
 * A clock started. `dueAt` and the warning instants are computed when the clock starts and written
 * here, so replay never changes history when the calendar configuration changes later.
 */
export const ClockStarted = z.strictObject({
  type: z.literal('ClockStarted'),
  data: z.strictObject({
    clock: ClockKey,
    name: ClockName,
    /** The same name in French (absent in clocks started before names were recorded in both languages). */
    nameFr: ClockName.optional(),
    level: z.number().int().positive().optional(),
    basis: z.enum(['business', 'calendar']),
    /** The length of the clock in its basis: business days or calendar days. */
    days: z.number().int().positive(),
    region: RegionCode,
    startedAt: Instant,
    dueAt: Instant,
    warnings: z.array(ClockWarning),
    /**
     * `false` for a clock that waits on someone outside the program (a complainant's time to ask
     * for a review): the scheduler records its breach and the case shows it, but it is no service
     * standard, so it warns no one and counts in no compliance figure. Absent: a service standard.
     */
    standard: z.literal(false).optional(),
  }),
});

export const ClockPaused = z.strictObject({
  type: z.literal('ClockPaused'),
  data: z.strictObject({
    clock: ClockKey,
    pausedAt: Instant,
    /**
     * Whom the reason is about (the complainant): free text is personal data, sealed with this
     * subject's key. Absent only in events recorded before reasons were sealed.
     */
    subjectId: SubjectId.optional(),
    reason: z.string().min(1).max(500),
  }),
});

/** A clock resumed: the due time is pushed by the business time it spent paused. */
export const ClockResumed = z.strictObject({
  type: z.literal('ClockResumed'),
  data: z.strictObject({
    clock: ClockKey,
    resumedAt: Instant,
    pausedBusinessMs: z.number().int().nonnegative().meta({ [DURATION_MS_KEYWORD]: true }),
    dueAt: Instant,
    warnings: z.array(ClockWarning),
  }),
});

/** A warning threshold passed. `at` is when it passed, which may be earlier than when it was recorded. */
export const ClockWarned = z.strictObject({
  type: z.literal('ClockWarned'),
  data: z.strictObject({
    clock: ClockKey,
    threshold: Share,
    at: Instant,
    dueAt: Instant,
  }),
});

/** The clock ran out. `at` is its due time, however late the scheduler noticed. */
export const ClockBreached = z.strictObject({
  type: z.literal('ClockBreached'),
  data: z.strictObject({
    clock: ClockKey,
    at: Instant,
  }),
});

/** What the clock measured happened. `onTime` is false when it happened after the due time. */
export const ClockMet = z.strictObject({
  type: z.literal('ClockMet'),
  data: z.strictObject({
    clock: ClockKey,
    at: Instant,
    onTime: z.boolean(),
  }),
});

/** The clock no longer applies (the case was withdrawn or closed before it was met). */
export const ClockCancelled = z.strictObject({
  type: z.literal('ClockCancelled'),
  data: z.strictObject({
    clock: ClockKey,
    at: Instant,
    reason: WorkflowText,
    /** The same reason in French (absent in clocks cancelled before reasons were recorded in both languages). */
    reasonFr: WorkflowText.optional(),
  }),
});

export const ClockEvent = z.discriminatedUnion('type', [
  ClockStarted,
  ClockPaused,
  ClockResumed,
  ClockWarned,
  ClockBreached,
  ClockMet,
  ClockCancelled,
]);
export type ClockEvent = z.infer<typeof ClockEvent>;
export type ClockEventType = ClockEvent['type'];

export const CLOCK_EVENT_SCHEMAS = [
  ClockStarted,
  ClockPaused,
  ClockResumed,
  ClockWarned,
  ClockBreached,
  ClockMet,
  ClockCancelled,
] as const;

export const CLOCK_EVENT_TYPES: readonly ClockEventType[] = CLOCK_EVENT_SCHEMAS.map((s) => s.shape.type.value);

/** How the shared clock events are named to people (a case's history), once for every workflow: each spreads them into its `labels.events`. */
export const CLOCK_EVENT_LABELS: Readonly<Record<ClockEventType, Bilingual>> = {
  ClockStarted: { en: 'Clock started', fr: 'Début du délai' },
  ClockPaused: { en: 'Clock paused', fr: 'Délai suspendu' },
  ClockResumed: { en: 'Clock resumed', fr: 'Délai repris' },
  ClockWarned: { en: 'Clock warning', fr: 'Avertissement de délai' },
  ClockBreached: { en: 'Clock ran out', fr: 'Délai dépassé' },
  ClockMet: { en: 'Clock met', fr: 'Délai respecté' },
  ClockCancelled: { en: 'Clock cancelled', fr: 'Délai annulé' },
};

/** The fields of the clock events' data, named once for every workflow (spread into its `labels.fields`; its own names win). */
export const CLOCK_FIELD_LABELS: Readonly<Record<string, Bilingual>> = {
  clock: { en: 'Clock', fr: 'Délai' },
  name: { en: 'Clock name', fr: 'Nom du délai' },
  level: { en: 'Level', fr: 'Palier' },
  basis: { en: 'Counted in', fr: 'Compté en' },
  days: { en: 'Days', fr: 'Jours' },
  region: { en: 'Region', fr: 'Région' },
  startedAt: { en: 'Started on', fr: 'Commencé le' },
  dueAt: { en: 'Due', fr: 'Échéance' },
  warnings: { en: 'Warnings', fr: 'Avertissements' },
  'warnings.threshold': { en: 'Share of the time passed', fr: 'Part du délai écoulée' },
  'warnings.at': { en: 'Warn on', fr: 'Avertir le' },
  standard: { en: 'A service standard', fr: 'Norme de service' },
  pausedAt: { en: 'Paused on', fr: 'Suspendu le' },
  subjectId: { en: 'Person', fr: 'Personne' },
  reason: { en: 'Reason', fr: 'Motif' },
  resumedAt: { en: 'Resumed on', fr: 'Repris le' },
  pausedBusinessMs: { en: 'Business time paused', fr: 'Temps ouvrable suspendu' },
  threshold: { en: 'Share of the time passed', fr: 'Part du délai écoulée' },
  at: { en: 'When', fr: 'Moment' },
  onTime: { en: 'On time', fr: 'À temps' },
};

/** The values of the clock events' data, named once for every workflow (spread into its `labels.values`). */
export const CLOCK_VALUE_LABELS: Readonly<Record<string, Bilingual>> = {
  business: { en: 'Business days', fr: 'Jours ouvrables' },
  calendar: { en: 'Calendar days', fr: 'Jours civils' },
};

const CLOCK_EVENT_DESCRIPTIONS: Readonly<Record<ClockEventType, Bilingual>> = {
  ClockStarted: {
    en: 'A clock started: its due time is set in business or calendar days from when it started.',
    fr: 'Un délai a commencé\u00a0: son échéance est fixée en jours ouvrables ou civils à partir de son début.',
  },
  ClockPaused: {
    en: 'A running clock was paused, with the reason; its due time moves by the time it spends paused.',
    fr: 'Un délai en cours a été suspendu, avec le motif\u00a0; son échéance est reportée du temps passé en suspens.',
  },
  ClockResumed: {
    en: 'A paused clock started again; its due time moved by the time it spent paused.',
    fr: 'Un délai suspendu a repris\u00a0; son échéance a été reportée du temps passé en suspens.',
  },
  ClockWarned: {
    en: 'A running clock came within its warning period of its due time.',
    fr: 'Un délai en cours est entré dans sa période d’avertissement avant l’échéance.',
  },
  ClockBreached: {
    en: 'A running clock passed its due time without being met.',
    fr: 'Un délai en cours a dépassé son échéance sans avoir été respecté.',
  },
  ClockMet: { en: 'What the clock was waiting for happened, on time or late.', fr: 'Ce qu’attendait le délai s’est produit, à temps ou en retard.' },
  ClockCancelled: {
    en: 'A clock was stopped because what it waited for will not happen (the case closed or was withdrawn).',
    fr: 'Un délai a été arrêté parce que ce qu’il attendait n’aura pas lieu (le dossier a été fermé ou retiré).',
  },
};

/** The shared clock events as every workflow records them, with the personal data they carry. */
export const CLOCK_EVENT_DEFINITIONS: readonly EventDefinition[] = CLOCK_EVENT_SCHEMAS.map((option) => ({
  type: option.shape.type.value,
  schema: option.shape.data,
  description: CLOCK_EVENT_DESCRIPTIONS[option.shape.type.value],
  ...(option === ClockPaused ? { personalData: [{ subject: 'subjectId', fields: ['reason'] }] } : {}),
}));
