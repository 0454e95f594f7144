import { useI18n } from '../i18n/i18n';
import { useConsole } from '../shared/context';
import { commandLabel } from '../shared/labels';
import type { Session } from '../shared/session';
import type { CaseView, CommandResult, JsonSchema, WorkflowCommand, WorkflowInfo } from '../shared/types';
import type { Person } from './people';
import { CommandForm } from './command-form';
import { schemaAt, valueAt } from './event-data';
import { prune, withoutNull } from './schema';

/**
 * The correction of a person's personal information (Privacy Act, s. 12(2)), as a workflow
 * declares it: the command recording the event whose personal data `corrects` a person's own
 * record, and where its data names the person and holds the new values.
 */
export interface Correction {
  readonly command: WorkflowCommand;
  /** Dotted path, within the command's data, of the person's subject id. */
  readonly subject: string;
  /** Dotted path, within the command's data, of the object of new values, by the keys of the person's record. */
  readonly corrects: string;
}

/** A correction the reader may run on this case, and what the page does once it is recorded. */
export interface CorrectionOffer {
  readonly correction: Correction;
  readonly caseView: CaseView;
  readonly onDone: (result: CommandResult, person: Person) => void;
}

/** The workflow's correction of personal information, if it has one. */
export function correctionOf(workflow: WorkflowInfo | undefined): Correction | undefined {
  for (const event of workflow?.events ?? []) {
    const group = event.personalData.find((g) => g.corrects !== undefined);
    const command = group && workflow!.commands.find((c) => c.records === event.type);
    if (group?.corrects && command) return { command, subject: group.subject, corrects: group.corrects };
  }
  return undefined;
}

/**
 * Whether the signed-in person may run a command on this case, by its grants (GET /workflows):
 * anyone of a role granted `any`, those the case is assigned to for `assigned`. The API decides
 * again when it is sent.
 */
export function mayRun(command: WorkflowCommand, caseView: CaseView, session: Session): boolean {
  const grant = command.grants[session.role];
  return grant === 'any' || (grant === 'assigned' && caseView.assignees.includes(session.id));
}

/** The object of new values the correction's schema offers: a field for each personal field of any person of the workflow. */
const offeredChanges = (correction: Correction): JsonSchema => withoutNull(schemaAt(correction.command.schema, undefined, correction.corrects) ?? {});

/**
 * The fields of a person's record the correction may change: those of their record it offers (their
 * personal information, and what describes it, such as whether the name is a pseudonym), in the
 * record's order. The API checks them again against that person's record.
 */
export function correctableFields(correction: Correction, person: Person): string[] {
  const offered = offeredChanges(correction).properties ?? {};
  return Object.keys(withoutNull(person.schema ?? {}).properties ?? {}).filter((key) => key in offered && key !== person.subjectKey);
}

/** `schema` with the property at a dotted path replaced. */
const schemaWith = (schema: JsonSchema, [key, ...rest]: readonly string[], child: JsonSchema): JsonSchema =>
  key === undefined ? child : { ...schema, properties: { ...schema.properties, [key]: schemaWith(schema.properties?.[key] ?? {}, rest, child) } };

/** `value` with the entry at a dotted path set. */
const valueWith = (value: unknown, [key, ...rest]: readonly string[], child: unknown): unknown => {
  if (key === undefined) return child;
  const record = value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  return { ...record, [key]: valueWith(record[key], rest, child) };
};

const filled = (value: unknown): boolean => value !== undefined && value !== null && value !== '';

/**
 * The correction of one person's record, as a form of the command (drawn from its JSON Schema like
 * every other): their correctable fields filled in with what the case records, each named as the
 * workflow names it in their record, required where their record requires it, and the reason.
 * Only the fields changed are sent, a field emptied as null (removed); nothing changed is refused
 * here, without asking the API.
 */
export function CorrectionForm({
  offer,
  person,
  fields,
  workflow,
  onDone,
}: {
  offer: CorrectionOffer;
  person: Person;
  fields: readonly string[];
  workflow: WorkflowInfo | undefined;
  onDone: (result: CommandResult) => void;
}) {
  const { api } = useConsole();
  const { t } = useI18n();
  const { command, subject, corrects } = offer.correction;
  const subjectPath = subject.split('.');
  const changesPath = corrects.split('.');
  const offered = offeredChanges(offer.correction).properties ?? {};
  const required = (person.schema && withoutNull(person.schema).required) ?? [];
  const changes: JsonSchema = {
    type: 'object',
    properties: Object.fromEntries(fields.map((key) => [key, offered[key]!])),
    required: fields.filter((key) => required.includes(key)),
  };
  const schema = schemaWith(schemaWith(command.schema, subjectPath, { const: person.key }), changesPath, changes);
  const recorded = Object.fromEntries(fields.flatMap((key) => (filled(person.data[key]) ? [[key, person.data[key]]] : [])));
  const fieldLabels = { ...workflow?.fieldLabels };
  for (const key of fields) {
    const label = workflow?.fieldLabels[`${person.path}.${key}`];
    if (label !== undefined) fieldLabels[`${corrects}.${key}`] = label;
  }

  const dataOf = (value: unknown) => {
    const typed = valueAt(value, corrects) as Record<string, unknown> | undefined;
    const changed = Object.fromEntries(
      fields.flatMap((key) => {
        const now = typed?.[key];
        if (!filled(now)) return filled(recorded[key]) ? [[key, null]] : [];
        return now === recorded[key] ? [] : [[key, now]];
      }),
    );
    if (Object.keys(changed).length === 0) return { refused: { path: corrects, message: t.correctionUnchanged } };
    return { data: valueWith(prune(value), changesPath, changed) };
  };

  return (
    <CommandForm
      api={api}
      caseView={offer.caseView}
      command={{ ...command, schema }}
      label={commandLabel(workflow, command.name)}
      workflow={workflow && { ...workflow, fieldLabels }}
      initial={valueWith(valueWith({}, subjectPath, person.key), changesPath, recorded)}
      dataOf={dataOf}
      onDone={onDone}
    />
  );
}
