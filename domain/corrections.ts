import { z } from 'zod';
import type { Grants } from './access';
import type { NewEvent } from './envelope';
import { SubjectId, unlessRule } from './schemas';
import { invalidInput, type BilingualIssue } from './validation';
import type { Bilingual, CaseState, CommandDefinition, EventDefinition, PeopleOfCase, RecordedPerson, WorkflowLabels } from './workflow';

/**
 * The right to have one's personal information corrected (Privacy Act, s. 12(2)): a person's name,
 * contact details or other personal information, as a case recorded them, corrected at their
 * request or because it was recorded wrong. One command and one event, the same in every workflow
 * that records people, worked out from what its own events declare (which object of an event's
 * data is a person, `personalData`), so that a workflow says only who may correct and what
 * describes a name (a pseudonym flag). The earlier recording stays in the history as it was; the
 * correction is sealed under the person's own key, so erasing the person erases it too.
 */
export const CORRECT_PERSONAL_INFORMATION = 'CorrectPersonalInformation';
export const PERSONAL_INFORMATION_CORRECTED = 'PersonalInformationCorrected';

/** A person object a workflow's events record: where, the key of its subject id, and the fields a correction may change, with their schemas. */
interface PersonRecord extends RecordedPerson {
  readonly subjectKey: string;
  readonly fields: ReadonlyMap<string, z.ZodType>;
  /** Those of `fields` that are personal information (sealed); the others describe it (a pseudonym flag). */
  readonly personal: ReadonlySet<string>;
  /** Those of `fields` asked for unless a yes-or-no field of the record is yes (a client's name, unless anonymous). */
  readonly unless: ReadonlyMap<string, { readonly flag: string; readonly when: Bilingual }>;
}

function unwrap(schema: z.ZodType): z.ZodType {
  let inner = schema;
  while (inner instanceof z.ZodOptional || inner instanceof z.ZodNullable || inner instanceof z.ZodDefault) inner = inner.unwrap() as z.ZodType;
  return inner;
}

/** The schema of `key` in an object schema, or in the first branch of a union that has it. */
function member(schema: z.ZodType, key: string): z.ZodType | undefined {
  const inner = unwrap(schema);
  if (inner instanceof z.ZodObject) return inner.shape[key] as z.ZodType | undefined;
  if (inner instanceof z.ZodUnion) {
    for (const option of inner.options as readonly z.ZodType[]) {
      const found = member(option, key);
      if (found) return found;
    }
  }
  return undefined;
}

function schemaAt(schema: z.ZodType, path: string): z.ZodType | undefined {
  return path.split('.').reduce<z.ZodType | undefined>((node, key) => (node ? member(node, key) : undefined), schema);
}

/**
 * The people a workflow's events record: each personal-data group whose subject id sits in an
 * object of the event's data (`client.subjectId`), with that object's personal fields
 * (`client.name`, `client.contact`) and those of `describing` it has (`pseudonym`: whether the
 * name is one). The other fields (an anonymity flag, an affiliation) are facts the workflow runs
 * on, changed by its own commands.
 */
function peopleRecordedBy(events: readonly EventDefinition[], describing: readonly string[] = []): PersonRecord[] {
  const people: PersonRecord[] = [];
  for (const event of events) {
    for (const group of event.personalData ?? []) {
      const cut = group.subject.lastIndexOf('.');
      if (cut < 0) continue;
      const path = group.subject.slice(0, cut);
      const fields = new Map<string, z.ZodType>();
      const personal = new Set<string>();
      for (const field of group.fields) {
        if (!field.startsWith(`${path}.`)) continue;
        const schema = schemaAt(event.schema, field);
        if (!schema) throw new Error(`${event.type}: personal field ${field} is not in the event's schema`);
        fields.set(field.slice(path.length + 1), schema);
        personal.add(field.slice(path.length + 1));
      }
      for (const field of describing) {
        const schema = schemaAt(event.schema, `${path}.${field}`);
        if (schema && !fields.has(field)) fields.set(field, schema);
      }
      const unless = new Map([...fields].flatMap(([field, schema]) => {
        const rule = unlessRule(schema);
        return rule ? [[field, rule] as const] : [];
      }));
      people.push({ event: event.type, path, subjectKey: group.subject.slice(cut + 1), fields, personal, unless });
    }
  }
  return people;
}

const recorders = new WeakMap<readonly EventDefinition[], ReadonlyMap<string, readonly PersonRecord[]>>();

/** By event type, the people each event records. Worked out once per workflow's list of events. */
function recordersOf(events: readonly EventDefinition[]): ReadonlyMap<string, readonly PersonRecord[]> {
  let found = recorders.get(events);
  if (!found) {
    const byEvent = new Map<string, PersonRecord[]>();
    for (const person of peopleRecordedBy(events)) byEvent.set(person.event, [...(byEvent.get(person.event) ?? []), person]);
    found = byEvent;
    recorders.set(events, found);
  }
  return found;
}

/** The people of a case after one more of its events: those it records are added (a person recorded again keeps where they were first recorded). */
export function notePeople(events: readonly EventDefinition[], people: PeopleOfCase | undefined, event: NewEvent): PeopleOfCase | undefined {
  const recorded = recordersOf(events).get(event.type);
  if (!recorded) return people;
  let next = people;
  for (const person of recorded) {
    const holder = person.path.split('.').reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), event.data);
    const subject = holder && typeof holder === 'object' ? (holder as Record<string, unknown>)[person.subjectKey] : undefined;
    if (typeof subject !== 'string' || next?.[subject]) continue;
    const flags = Object.fromEntries([...person.unless.values()].map(({ flag }) => [flag, (holder as Record<string, unknown>)[flag] === true]));
    next = { ...next, [subject]: { event: person.event, path: person.path, ...(person.unless.size > 0 ? { flags } : {}) } };
  }
  return next;
}

const Reason = z
  .string()
  .trim()
  .min(1)
  .max(2000);

const NOT_THEIRS: Bilingual = { en: 'is not personal information this case records of this person', fr: 'n’est pas un renseignement personnel que le dossier consigne pour cette personne' };
const BLANK: Bilingual = { en: 'must not be empty', fr: 'ne doit pas être vide' };
const REQUIRED: Bilingual = { en: 'is required of this person: it may be corrected, not removed', fr: 'est obligatoire pour cette personne\u00a0: il peut être corrigé, non retiré' };
const NOT_IN_CASE: Bilingual = { en: 'is not a person this case records', fr: 'n’est pas une personne que ce dossier consigne' };
const NOTHING: Bilingual = { en: 'must correct at least one field', fr: 'doit corriger au moins un champ' };

const COMMAND_LABEL: Bilingual = { en: 'Correct personal information', fr: 'Corriger des renseignements personnels' };
const EVENT_LABEL: Bilingual = { en: 'Personal information corrected', fr: 'Renseignements personnels corrigés' };
const COMMAND_DESCRIPTION: Bilingual = {
  en: 'Corrects what the case records of a person (their name, contact details or other personal information) at their request or because it was recorded wrong, as the Privacy Act provides. Only the fields corrected change; a field emptied is removed, where the person’s record does not require it. The earlier recording stays in the history; the reason is kept, sealed, with the correction. Open or closed, any case may be corrected.',
  fr: 'Corrige ce que le dossier consigne d’une personne (son nom, ses coordonnées ou d’autres renseignements personnels) à sa demande ou parce que c’était mal consigné, comme le prévoit la Loi sur la protection des renseignements personnels. Seuls les champs corrigés changent\u00a0; un champ vidé est retiré, si la fiche de la personne ne l’exige pas. La version antérieure reste dans l’historique\u00a0; le motif est conservé, scellé, avec la correction. Ouvert ou fermé, tout dossier peut être corrigé.',
};
const EVENT_DESCRIPTION: Bilingual = {
  en: 'Personal information the case recorded of a person was corrected: the new values of the fields corrected, and why.',
  fr: 'Des renseignements personnels que le dossier consignait d’une personne ont été corrigés\u00a0: les nouvelles valeurs des champs corrigés, et pourquoi.',
};

/** The correction command and event of a workflow, and its labels with theirs. */
export interface PersonalInformationCorrection {
  readonly command: CommandDefinition;
  readonly event: EventDefinition;
  readonly labels: WorkflowLabels;
}

/**
 * The correction of personal information for a workflow whose events are `events`, run by those
 * `grants` names: its command and event, to list with the workflow's own, and the workflow's
 * labels with theirs. Each field the correction may change is named as the workflow names it in
 * the person's own record (`client.name` names `changes.name`).
 */
export function personalInformationCorrection(options: {
  events: readonly EventDefinition[];
  labels: WorkflowLabels;
  grants: Grants;
  /** Fields of people's records that describe their personal information and that the workflow does not run on (`pseudonym`). */
  describing?: readonly string[];
}): PersonalInformationCorrection {
  const people = peopleRecordedBy(options.events, options.describing);
  if (people.length === 0) throw new Error('A workflow that records no person has nothing to correct');
  const changeable = new Map<string, { schema: z.ZodType; label: Bilingual | undefined }>();
  for (const person of people) {
    for (const [field, schema] of person.fields) {
      if (!changeable.has(field)) changeable.set(field, { schema: unwrap(schema), label: options.labels.fields[`${person.path}.${field}`] });
    }
  }
  const sealed = [...changeable.keys()].filter((field) => people.some((person) => person.personal.has(field)));
  const Changes = z.strictObject(Object.fromEntries([...changeable].map(([field, { schema }]) => [field, schema.nullable().optional()])));
  const data = z.strictObject({
    subjectId: SubjectId,
    changes: Changes,
    reason: Reason,
  });
  const searched = new Set(options.events.flatMap((event) => event.search ?? []));
  const first = people[0]!;
  const [exampleField] = [...first.fields.keys()];
  const command: CommandDefinition = {
    type: CORRECT_PERSONAL_INFORMATION,
    schema: data,
    description: COMMAND_DESCRIPTION,
    example: {
      subjectId: '01a24741-e249-776c-ade0-e4c275a6488b',
      changes: exampleField === 'contact' || first.fields.has('contact') ? { contact: '613-555-0199' } : { [exampleField ?? 'name']: 'Alex Martin' },
      reason: 'The person gave a new telephone number.',
    },
    primaryEvent: PERSONAL_INFORMATION_CORRECTED,
    grants: options.grants,
    decide: (state, input) => decideCorrection(people, state, input as z.infer<typeof data>),
  };
  const event: EventDefinition = {
    type: PERSONAL_INFORMATION_CORRECTED,
    schema: data,
    description: EVENT_DESCRIPTION,
    personalData: [{ subject: 'subjectId', fields: [...sealed.map((field) => `changes.${field}`), 'reason'], corrects: 'changes' }],
    search: people.flatMap((person) => [...person.personal].filter((field) => searched.has(`${person.path}.${field}`)).map((field) => `changes.${field}`)).filter((field, i, all) => all.indexOf(field) === i),
  };
  const { labels } = options;
  return {
    command,
    event,
    labels: {
      ...labels,
      commands: { ...labels.commands, [CORRECT_PERSONAL_INFORMATION]: COMMAND_LABEL },
      events: { ...labels.events, [PERSONAL_INFORMATION_CORRECTED]: EVENT_LABEL },
      fields: {
        subjectId: { en: 'Person', fr: 'Personne' },
        reason: { en: 'Reason', fr: 'Motif' },
        ...labels.fields,
        changes: { en: 'Corrected information', fr: 'Renseignements corrigés' },
        ...Object.fromEntries([...changeable].flatMap(([field, { label }]) => (label ? [[`changes.${field}`, label]] : []))),
      },
    },
  };
}

/**
 * The correction of a person the case records: each field sent must be one of their personal
 * fields and valid for them (a victim has no FPS number; a complainant's name may be corrected,
 * not removed). Every problem is named at once, at its field.
 */
function decideCorrection(people: readonly PersonRecord[], state: CaseState, data: { subjectId: string; changes: Record<string, unknown>; reason: string }): NewEvent[] {
  const where = state.people?.[data.subjectId];
  const person = where && people.find((p) => p.event === where.event && p.path === where.path);
  if (!person) throw invalidInput([{ path: 'data.subjectId', message: NOT_IN_CASE }]);
  const issues: BilingualIssue[] = [];
  if (Object.keys(data.changes).length === 0) issues.push({ path: 'data.changes', message: NOTHING });
  // Texts as a command takes them: trimmed, and not blank ("   " is no name).
  const changes = Object.fromEntries(Object.entries(data.changes).map(([field, value]) => [field, typeof value === 'string' ? value.trim() : value]));
  for (const [field, value] of Object.entries(changes)) {
    const schema = person.fields.get(field);
    const path = `data.changes.${field}`;
    if (!schema) issues.push({ path, message: NOT_THEIRS });
    else if (value === null && !schema.safeParse(undefined).success) issues.push({ path, message: REQUIRED });
    else if (value === '') issues.push({ path, message: BLANK });
    else {
      // A field asked for unless a flag of the record is yes: kept while it is no, never given while it is yes.
      const rule = person.unless.get(field);
      const flagged = rule && where.flags?.[rule.flag] === true;
      if (rule && value === null && !flagged) issues.push({ path, message: { en: `is required unless ${rule.when.en}: it may be corrected, not removed`, fr: `est obligatoire sauf si ${rule.when.fr}\u00a0: il peut être corrigé, non retiré` } });
      if (rule && typeof value === 'string' && flagged) issues.push({ path, message: { en: `must be left out when ${rule.when.en}`, fr: `doit être omis lorsque ${rule.when.fr}` } });
    }
  }
  if (issues.length > 0) throw invalidInput(issues);
  return [{ type: PERSONAL_INFORMATION_CORRECTED, data: { subjectId: data.subjectId, changes, reason: data.reason } }];
}
