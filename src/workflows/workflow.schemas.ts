import { z } from 'zod';

/**
 * What GET /workflows answers for each workflow: the source of the OpenAPI document's shape and of
 * the console's types. Nothing here may import NestJS.
 */
const JsonSchemaObject = z.record(z.string(), z.unknown()).meta({ description: 'A JSON Schema (2020-12) generated from the zod schema' });

export const WorkflowCommandSchema = z.object({
  name: z.string(),
  label: z.string().meta({ description: 'The command’s name for people, in the language of Accept-Language' }),
  description: z.string().meta({ description: 'What it does and the rules it keeps, in the language of Accept-Language' }),
  records: z.string().meta({ description: 'The event the command records when it succeeds' }),
  schema: JsonSchemaObject,
  example: z.record(z.string(), z.unknown()),
  assigns: z.literal(true).optional().meta({ description: 'The command assigns people to the case' }),
  restates: z
    .array(z.string())
    .optional()
    .meta({ description: 'The keys of the case’s `details` the command states again (a session moved): a form for it starts from the case’s values of them' }),
  grants: z
    .record(z.string(), z.enum(['any', 'assigned']))
    .meta({ description: 'Who may run it, by role: anyone of the role, or only those the case is assigned to; a role not listed may not' }),
});

/** Where an event's data holds personal information: the subject's id and the fields sealed with that subject's key. */
export const PersonalDataGroupSchema = z.object({
  subject: z.string().meta({ description: 'Dotted path, within the event’s data, of the data subject’s id' }),
  fields: z.array(z.string()).meta({ description: 'Dotted paths, within the event’s data, of that subject’s personal information' }),
  corrects: z
    .string()
    .optional()
    .meta({ description: 'Dotted path, within the event’s data, of an object holding new values of fields of the subject’s own record, where the case first recorded them (a correction of their personal information)' }),
});

export const WorkflowSchema = z
  .object({
    name: z.string(),
    version: z.number().int(),
    language: z.enum(['en', 'fr']).meta({ description: 'The language of the labels, chosen by Accept-Language' }),
    title: z.string(),
    description: z.string(),
    category: z.string(),
    openingCommand: z.string(),
    readScope: z.record(z.string(), z.enum(['all', 'assigned', 'needToKnow', 'denied', 'hidden'])).meta({
      description:
        'Whose cases each role may read: all of them, those assigned to them, those they need to know (assigned), none (`denied`: told so), or none and not even that they exist (`hidden`). A role is offered only the workflows it may read',
    }),
    states: z.array(z.string()).meta({ description: 'Every state, by dotted path' }),
    stateLabels: z.record(z.string(), z.string()).meta({ description: 'Each state’s name for people, by dotted path' }),
    eventLabels: z.record(z.string(), z.string()).meta({
      description: 'The name for people of every event its cases record (the shared clock events too), by type: what a case’s history shows',
    }),
    fieldLabels: z.record(z.string(), z.string()).meta({
      description:
        'The name for people of every field of its commands’ data, by dotted path within `data` (`complainant.name`; an array’s items share its path)',
    }),
    valueLabels: z.record(z.string(), z.string()).meta({
      description: 'The name for people of every value its commands offer a choice among (enum values, a union’s distinguishing values), by value',
    }),
    commands: z.array(WorkflowCommandSchema),
    clocks: z
      .array(
        z.object({
          key: z.string().meta({ description: 'The clock’s key in a case, or a pattern of keys whose `<param>` parts stand for letters and digits (one clock per level, say)' }),
          label: z.string().meta({ description: 'Its name for people, in the language of Accept-Language; a pattern’s `<param>` parts are filled in from the key' }),
          basis: z.enum(['business', 'calendar']).meta({ description: 'Counted in business days, or in calendar days to the end of the last day' }),
          metBy: z.array(z.string()).meta({ description: 'The commands whose success meets it' }),
          pausable: z.literal(false).optional().meta({ description: 'Present (false) when it runs without a stop: a pause of it is refused' }),
        }),
      )
      .meta({ description: 'The clocks its cases run (GET /cases/{id} and /sla give each clock’s key)' }),
    events: z.array(
      z.object({
        type: z.string(),
        description: z.string().meta({ description: 'What it records, in the language of Accept-Language' }),
        schema: JsonSchemaObject,
        personalData: z.array(PersonalDataGroupSchema).meta({ description: 'Personal information in the event’s data: shown `[redacted]` to roles that may not see it, `[erased]` once erased' }),
        ends: z.string().optional().meta({
          description:
            'Dotted path, within the event’s data, of the field naming someone whose part in the case the event ends (a representative who left, a cancelled registration, a party who withdrew): a data subject’s id (`x-mend-subject`) or the record that made them part of it (`x-mend-record`)',
        }),
      }),
    ).meta({
      description:
        'The events its cases record, the shared clock events too for a workflow with clocks. Their schemas mark a staff id `x-mend-staff`, a data subject’s id `x-mend-subject` (true, or `<Event>.<field>`: one of the people that event records there, as the support persons agreed), a record the case made earlier `x-mend-record` (`<Event>.<field>`: the event that made it and where it holds the id), another case `x-mend-case` (the name of its workflow, or true), a clock key `x-mend-clock`, a state `x-mend-state`, a local time `x-mend-local-time`, a share `x-mend-share`, a program `x-mend-workflow` and, in commands, a field asked for unless the yes-or-no beside it that it names is yes `x-mend-unless`; a field `<name>Fr` is the French of `<name>`',
    }),
    details: JsonSchemaObject.meta({
      description:
        'What its cases’ `details` hold (GET /cases/{id}), field by field: each field is named in `fieldLabels` and each choice in `valueLabels`; dates, times and the same `x-mend-` marks as the events’ schemas tell a client how to show it',
    }),
    diagram: z.string().meta({ description: 'A Mermaid stateDiagram-v2' }),
  })
  .meta({ id: 'Workflow' });
