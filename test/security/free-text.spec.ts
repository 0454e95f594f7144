import { z } from 'zod';
import { findEventSchema } from '../../domain/fold';
import { FIELD_KINDS } from '../../domain/schemas';
import { CLOCK_EVENT_TYPES } from '../../domain/clocks/events';
import { workflowDefinitions } from '../../workflows/registry';

/** Every string leaf of a zod schema, by dotted path (array items share their array's path). */
export function stringFields(schema: z.ZodType, path = ''): { path: string; schema: z.ZodType }[] {
  const def = (schema as z.ZodType & { def: { type: string } }).def as { type: string } & Record<string, unknown>;
  const join = (key: string) => (path ? `${path}.${key}` : key);
  switch (def.type) {
    case 'string':
      return [{ path, schema }];
    case 'object':
      return Object.entries((schema as z.ZodObject).shape).flatMap(([key, child]) => stringFields(child as z.ZodType, join(key)));
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'nonoptional':
      return stringFields(def['innerType'] as z.ZodType, path);
    case 'array':
      return stringFields(def['element'] as z.ZodType, path);
    case 'union':
      return (def['options'] as z.ZodType[]).flatMap((option) => stringFields(option, path));
    case 'pipe':
      return stringFields(def['in'] as z.ZodType, path);
    case 'record':
      return stringFields(def['valueType'] as z.ZodType, `${path}.*`);
    case 'enum':
    case 'literal':
    case 'boolean':
    case 'number':
    case 'int':
      return [];
    default:
      throw new Error(`${path}: no rule for zod type ${def.type}`);
  }
}

/**
 * Free text is personal data (DESIGN.md §7): every string an event records is either declared
 * personal data of its workflow (sealed per subject, redacted, erasable) or an id, an instant, a
 * date or a bounded code registered in domain/schemas.ts. A new free-text field fails here until
 * it is declared.
 */
describe('every string field of every event is personal data or an id, instant, date or code', () => {
  const cases = workflowDefinitions.flatMap((definition) =>
    [...definition.events.map((e) => e.type), ...CLOCK_EVENT_TYPES].map((type) => [definition.name, definition.version, type] as const),
  );

  it.each(cases)('%s v%s %s', (workflow, version, type) => {
    const definition = workflowDefinitions.find((d) => d.name === workflow && d.version === version)!;
    const event = findEventSchema(definition, type)!;
    const personal = new Set((event.personalData ?? []).flatMap((group) => group.fields));
    const subjects = new Set((event.personalData ?? []).map((group) => group.subject));
    const undeclared = stringFields(event.schema)
      .filter(({ path, schema }) => !personal.has(path) && !subjects.has(path) && FIELD_KINDS.get(schema) === undefined)
      .map(({ path }) => path);
    expect(undeclared).toEqual([]);
  });

  it('declares, as personal data, only fields that exist and are strings', () => {
    for (const definition of workflowDefinitions) {
      for (const type of [...definition.events.map((e) => e.type), ...CLOCK_EVENT_TYPES]) {
        const event = findEventSchema(definition, type)!;
        const strings = new Set(stringFields(event.schema).map((f) => f.path));
        for (const group of event.personalData ?? []) {
          for (const field of [group.subject, ...group.fields]) expect(`${type}.${strings.has(field) ? field : `missing ${field}`}`).toBe(`${type}.${field}`);
        }
      }
    }
  });
});
