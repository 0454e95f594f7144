import { z } from 'zod';

/**
 * What GET /workflows answers for each workflow: the source of the OpenAPI document's shape and of
 * the console's types. Nothing here may import NestJS.
 */
const JsonSchemaObject = z.record(z.string(), z.unknown()).meta({ description: 'A JSON Schema (2020-12) generated from the zod schema' });

export const WorkflowCommandSchema = z.object({
  name: z.string(),
  label: z.string().meta({ description: 'The command’s name for people, in the language of Accept-Language' }),
  description: z.string(),
  records: z.string().meta({ description: 'The event the command records when it succeeds' }),
  schema: JsonSchemaObject,
  example: z.record(z.string(), z.unknown()),
  assigns: z.literal(true).optional().meta({ description: 'The command assigns people to the case' }),
  grants: z
    .record(z.string(), z.enum(['any', 'assigned']))
    .meta({ description: 'Who may run it, by role: anyone of the role, or only those the case is assigned to; a role not listed may not' }),
});

/** Where an event's data holds personal information: the subject's id and the fields sealed with that subject's key. */
export const PersonalDataGroupSchema = z.object({
  subject: z.string().meta({ description: 'Dotted path, within the event’s data, of the data subject’s id' }),
  fields: z.array(z.string()).meta({ description: 'Dotted paths, within the event’s data, of that subject’s personal information' }),
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
    states: z.array(z.string()).meta({ description: 'Every state, by dotted path' }),
    stateLabels: z.record(z.string(), z.string()).meta({ description: 'Each state’s name for people, by dotted path' }),
    commands: z.array(WorkflowCommandSchema),
    fieldLabels: z
      .record(z.string(), z.string())
      .meta({ description: 'The name people read for each field of the commands’ and events’ data, by dotted path within `data` (`complainant.name`)' }),
    valueLabels: z.record(z.string(), z.string()).meta({ description: 'The name people read for each enum value of the workflow (`electronic`, `mail`…)' }),
    events: z.array(
      z.object({
        type: z.string(),
        description: z.string().optional(),
        schema: JsonSchemaObject,
        personalData: z.array(PersonalDataGroupSchema).meta({ description: 'Personal information in the event’s data: shown `[redacted]` to roles that may not see it, `[erased]` once erased' }),
      }),
    ),
    diagram: z.string().meta({ description: 'A Mermaid stateDiagram-v2' }),
  })
  .meta({ id: 'Workflow' });
