import { z } from 'zod';
import { CASE_KEYWORD, CASE_PURPOSE_KEYWORD, CASE_WORKFLOW_FIELD_KEYWORD, RECORD_KEYWORD, STAFF_ID_KEYWORD, STATE_KEYWORD, SUBJECT_KEYWORD, UNLESS_KEYWORD } from './json-schema-keywords';
import type { PersonRole } from './roles';
import { withFrench, type Bilingual } from './validation';

/**
 * The shared field schemas every workflow, the erasure endpoint and the CLI use: one definition
 * of a data subject's id, of an instant and of a local date, so that whatever a command accepts
 * can be erased, projected and replayed.
 *
 * Every string a workflow records is either personal data (declared in the workflow's
 * `personalData`, sealed per subject) or one of the kinds below, registered in FIELD_KINDS; a test
 * walks every event schema and fails on a string field that is neither (test/security/free-text.spec.ts).
 */
export type FieldKind =
  /** An opaque identifier (a subject, a staff login, a case, a meeting). Never text about a person. */
  | 'id'
  /** A point in time, ISO 8601 with its offset, within the supported years. */
  | 'instant'
  /** A local calendar date, YYYY-MM-DD, within the supported years. */
  | 'date'
  /**
   * A bounded code or label that never comes from a request's free text: a clock key, a level
   * title from configuration, a sentence written by the workflow itself.
   */
  | 'code';

export const FIELD_KINDS = z.registry<{ kind: FieldKind }>();

/** Registers `schema` as a field of this kind (returns it, for use in a declaration). */
export function fieldKind<T extends z.ZodType>(schema: T, kind: FieldKind): T {
  FIELD_KINDS.add(schema, { kind });
  return schema;
}

/** The years an instant or a date may fall in. Outside them dates are typing mistakes, and calendars have no data. */
export const SUPPORTED_YEARS = { from: 1900, to: 2200 } as const;

const inYears = (year: number): boolean => year >= SUPPORTED_YEARS.from && year <= SUPPORTED_YEARS.to;

/** A date's year, as written. A value that does not start with a year is the format check's to report, not this one's. */
const dateInSupportedYears = (value: string): boolean => !/^\d{4}/.test(value) || inYears(Number(value.slice(0, 4)));

/**
 * An instant's year in UTC, as it is stored: `1900-01-01T00:30:00+05:00` is in 1899. A value that
 * does not parse is the format check's to report, not this one's.
 */
const instantInSupportedYears = (value: string): boolean => {
  const ms = Date.parse(value);
  return Number.isNaN(ms) || inYears(new Date(ms).getUTCFullYear());
};

const yearMessage = withFrench(
  `must be in the years ${SUPPORTED_YEARS.from} to ${SUPPORTED_YEARS.to}`,
  `doit tomber entre les années ${SUPPORTED_YEARS.from} et ${SUPPORTED_YEARS.to}`,
);
const instantYearMessage = withFrench(
  `must be in the years ${SUPPORTED_YEARS.from} to ${SUPPORTED_YEARS.to} (in UTC)`,
  `doit tomber entre les années ${SUPPORTED_YEARS.from} et ${SUPPORTED_YEARS.to} (en UTC)`,
);

/**
 * Does an end worked out from a start and a length still fall in the supported years? A start
 * that does not, or does not parse, is its own field's check to report, not this one's.
 */
export const endsInSupportedYears = (start: string, ms: number): boolean =>
  !instantInSupportedYears(start) || Number.isNaN(Date.parse(start)) || inYears(new Date(Date.parse(start) + ms).getUTCFullYear());

/** A point in time: ISO 8601 with its offset (`2026-03-02T09:30:00-05:00`), in the supported years. */
export const Instant = fieldKind(
  z.iso
    .datetime({
      offset: true,
      abort: true,
      message: withFrench(
        'must be an ISO 8601 time with its offset, e.g. 2026-03-02T09:00:00-05:00',
        'doit être une date et une heure ISO 8601 avec leur décalage, par exemple 2026-03-02T09:00:00-05:00',
      ),
    })
    .refine(instantInSupportedYears, { message: instantYearMessage }),
  'instant',
);

/** A local calendar date, `YYYY-MM-DD`, in the supported years. */
export const LocalDate = fieldKind(
  z.iso.date({ abort: true, message: withFrench('must be a date written YYYY-MM-DD', 'doit être une date écrite AAAA-MM-JJ') }).refine(dateInSupportedYears, { message: yearMessage }),
  'date',
);

/**
 * The characters of a subject id a client chooses: letters, digits and `. _ : -`, never an e-mail
 * address. An id is no personal information: auditors see it in clear, it outlives an erasure (which
 * names it) and request logs hold it.
 */
export const SUBJECT_ID_PATTERN = /^[A-Za-z0-9._:-]{1,200}$/;

/**
 * The characters of a subject id as events record it: also `@`, which ids chosen before it was
 * refused may hold. Their events still read, and those people can still be corrected and erased.
 */
const RECORDED_SUBJECT_ID_PATTERN = /^[A-Za-z0-9._:@-]{1,200}$/;

/** A subject id of these characters (`message`: said `withFrench`), marked in JSON Schema so that a case's history names the person rather than print their id. */
const subjectIdSchema = (pattern: RegExp, message: string) => fieldKind(z.string().regex(pattern, message).meta({ [SUBJECT_KEYWORD]: true }), 'id');

/**
 * A data subject's id as recorded: opaque, never a name (`Robin Tremblay` is refused). What events,
 * corrections and erasures name a person by; a command naming a person for the first time takes a
 * ChosenSubjectId, which refuses what this accepts only so that no recorded id becomes unreadable.
 */
export const SubjectId = subjectIdSchema(
  RECORDED_SUBJECT_ID_PATTERN,
  withFrench(
    'must be a subject id: 1 to 200 letters, digits, . _ : @ - (never a name)',
    'doit être un identifiant de personne\u00a0: de 1 à 200 lettres, chiffres, . _ : @ - (jamais un nom)',
  ),
);

/**
 * The id a command gives a person it records: opaque, never a name nor an e-mail address
 * (`robin.tremblay@example.org` is refused). Mend mints a UUID when a command leaves it out; a
 * caller may give their own (e.g. a claim system's id).
 */
export const ChosenSubjectId = subjectIdSchema(
  SUBJECT_ID_PATTERN,
  withFrench(
    'must be a subject id: 1 to 200 letters, digits, . _ : - (never a name nor an e-mail address)',
    'doit être un identifiant de personne\u00a0: de 1 à 200 lettres, chiffres, . _ : - (jamais un nom ni une adresse courriel)',
  ),
);

/**
 * The id of one of the people a case recorded by one event, at one field of it
 * (`subjectOf('SupportPersonAgreed', 'person')`: an agreed support person): a form offers a pick of
 * those people only, not of everyone the case records. The conformance spec checks the event records
 * people there.
 */
export const subjectOf = (event: string, field: string) => fieldKind(SubjectId.meta({ [SUBJECT_KEYWORD]: `${event}.${field}` }), 'id');

/** What an `unless` field's flag means, by field schema: the words its object's rule says it in. */
const UNLESS_MEANINGS = new WeakMap<z.ZodType, Bilingual>();

/**
 * A field asked for unless the yes-or-no field beside it named `flag` is yes (a client's name,
 * unless they are anonymous; `when` says the flag in words, "the client is anonymous"): optional
 * in the schema, the object that holds it says when it is required and when it must be left out
 * (`withUnlessRules`); forms show it, as required, only while it is asked for.
 */
export function unless<T extends z.ZodType>(flag: string, schema: T, when: Bilingual) {
  const field = schema.optional().meta({ [UNLESS_KEYWORD]: flag });
  UNLESS_MEANINGS.set(field, when);
  return field;
}

/** The rule an `unless` field states: the yes-or-no field beside it, and what its yes means in words. */
export function unlessRule(field: z.ZodType): { readonly flag: string; readonly when: Bilingual } | undefined {
  const when = UNLESS_MEANINGS.get(field);
  const flag = z.globalRegistry.get(field)?.[UNLESS_KEYWORD];
  return when && typeof flag === 'string' ? { flag, when } : undefined;
}

/**
 * The object with the rule each of its `unless` fields states: given exactly when its flag is not
 * yes, refused beside the field otherwise, in both languages.
 */
export function withUnlessRules<T extends z.ZodObject>(object: T) {
  const rules = Object.entries(object.shape as Record<string, z.ZodType>).flatMap(([key, field]) => {
    const rule = unlessRule(field);
    return rule ? [{ key, ...rule }] : [];
  });
  return object.superRefine((value, ctx) => {
    const given = value as Record<string, unknown>;
    for (const { key, flag, when } of rules) {
      if (given[flag] === true && given[key] !== undefined) {
        ctx.addIssue({ code: 'custom', path: [key], message: withFrench(`must be left out when ${when.en}`, `doit être omis lorsque ${when.fr}`) });
      }
      if (given[flag] !== true && given[key] === undefined) {
        ctx.addIssue({ code: 'custom', path: [key], message: withFrench(`is required unless ${when.en}`, `est obligatoire sauf si ${when.fr}`) });
      }
    }
  });
}

/**
 * The characters of a staff login: also `@`, since logins are often e-mail addresses. A login
 * names a member of staff acting in Mend, not a person a case is about.
 */
const STAFF_ID_PATTERN = /^[A-Za-z0-9._:@-]{1,200}$/;

/**
 * The id of a person acting in Mend (a staff login, as in their token, e.g. an email address).
 * What is recorded about staff (why they were replaced) is sealed with their key and can be erased.
 */
export const StaffId = fieldKind(
  z
    .string()
    .trim()
    .regex(STAFF_ID_PATTERN, withFrench('must be a login: 1 to 200 letters, digits, . _ : @ -', 'doit être un identifiant de connexion\u00a0: de 1 à 200 lettres, chiffres, . _ : @ -'))
    // In the JSON Schema of every command: forms offer a pick of staff for it rather than a text box.
    .meta({ [STAFF_ID_KEYWORD]: true }),
  'id',
);

/**
 * A staff member of one of these roles (an intake officer is a Restorative Justice Unit officer, a
 * mediator an RO mediator): forms offer a pick of the people of those roles only. Of none: someone
 * outside Mend's staff directory (the parole officer who referred a case), whose id is typed.
 */
export const staffOf = (...roles: readonly PersonRole[]) => fieldKind(StaffId.meta({ [STAFF_ID_KEYWORD]: roles }), 'id');

/**
 * A case id: a UUID, in its canonical lower-case spelling (an upper-case spelling names the same
 * case, never a second one).
 */
export const CaseId = z.uuid({ message: withFrench('must be a UUID', 'doit être un UUID') }).transform((id) => id.toLowerCase());

/** Characters that show nothing: spaces of every kind, format characters (zero-width space, word joiner) and the blank fillers. */
const INVISIBLE = /[\p{Z}\p{Cf}\u115F\u1160\u2800\u3164\uFFA0]/gu;

/**
 * What someone writes in a command: a name, a contact, a note, a response. Trimmed, and refused
 * when blank ("   " is no name, nor are two zero-width spaces). Events keep schemas of their own:
 * they say what was recorded.
 */
export const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((written) => written.replace(INVISIBLE, '') !== '', { message: withFrench('must not be empty', 'ne doit pas être vide') });

/** A state of the workflow's machine by its dotted path (`phase2.engaging`), written by the workflow: what a case was in. */
export const StatePath = fieldKind(z.string().min(1).max(100).meta({ [STATE_KEYWORD]: true }), 'code');

/**
 * An opaque id minted by a workflow or chosen by a client (an engagement, a meeting, a session, a
 * case), as recorded: not blank, and with no space around it, which would make " session-1" a
 * second record. What events and the commands naming a recorded record take; a command recording a
 * new one takes a ChosenRecordId, which refuses what this accepts only so that no recorded id
 * becomes unreadable.
 */
export const RecordId = fieldKind(
  z
    .string()
    .min(1)
    .max(100)
    .refine((id) => id.replace(INVISIBLE, '') !== '', { message: withFrench('must not be blank', 'ne doit pas être vide') })
    .refine((id) => id.trim() === id, { message: withFrench('must not begin or end with a space', 'ne doit pas commencer ni finir par une espace') }),
  'id',
);

/** The characters of a record id a client chooses: letters, digits and `. _ : -`, beginning with a letter or a digit. */
const RECORD_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/;

/**
 * The id a client gives a record a command makes (a registration, an engagement), so that a retry
 * makes it once: an identifier, not text (`seat-1`, never `Jane Attendee jane@example.org`). Minted
 * when left out.
 */
export const ChosenRecordId = fieldKind(
  z
    .string()
    .regex(
      RECORD_ID_PATTERN,
      withFrench(
        'must be an id: 1 to 100 letters, digits, . _ : - (beginning with a letter or a digit; never a name)',
        'doit être un identifiant\u00a0: de 1 à 100 lettres, chiffres, . _ : - (commençant par une lettre ou un chiffre\u00a0; jamais un nom)',
      ),
    ),
  'id',
);

/**
 * The id of a record its case made earlier, by the event that made it and the field holding its id
 * there (`recordOf('EngagementScheduled', 'engagementId')`): a form offers a pick of the case's
 * records, a history names the record. The conformance spec checks the event has that field.
 */
export const recordOf = (event: string, field: string) => fieldKind(RecordId.meta({ [RECORD_KEYWORD]: `${event}.${field}` }), 'id');

/**
 * The id of another case, of the workflow named (`caseOf('defence-cohort')`), of the workflow a
 * field beside it names (`caseOf({ workflowField: 'program' })`), or of any: a history names it by
 * its reference, a form offers a pick, and a command naming no case of the workflow given is
 * refused. Named `for` a purpose (`caseOf('restorative-engagement', { for: 'engagementSession' })`),
 * the case must also allow it now: its workflow's `linkedFor` says when. The conformance spec checks
 * the workflow is registered and declares the purpose.
 */
export const caseOf = (workflow?: string | { readonly workflowField: string }, options: { readonly for?: string } = {}) =>
  fieldKind(
    RecordId.meta({
      ...(typeof workflow === 'object' ? { [CASE_KEYWORD]: true, [CASE_WORKFLOW_FIELD_KEYWORD]: workflow.workflowField } : { [CASE_KEYWORD]: workflow ?? true }),
      ...(options.for !== undefined ? { [CASE_PURPOSE_KEYWORD]: options.for } : {}),
    }),
    'id',
  );
