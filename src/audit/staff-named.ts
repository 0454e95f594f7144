import type { z } from 'zod';
import { STAFF_ID_KEYWORD } from '../../domain/json-schema-keywords';
import { jsonSchema } from '../http/openapi';

type JsonSchema = { readonly [key: string]: unknown };

const schemas = new WeakMap<z.ZodType, JsonSchema>();

/** An event's data schema as clients read it (GET /workflows), converted once. */
function published(schema: z.ZodType): JsonSchema {
  let found = schemas.get(schema);
  if (!found) schemas.set(schema, (found = jsonSchema(schema)));
  return found;
}

/**
 * The staff ids a value holds where its schema marks one (`x-mend-staff`), through objects,
 * arrays and unions: whom an event's data names as staff (a handler, the practitioners of a cohort).
 */
function markedStaffIds(schema: JsonSchema | undefined, value: unknown, into: Set<string>): void {
  if (!schema || value === null || value === undefined) return;
  if (typeof value === 'string') {
    if (schema[STAFF_ID_KEYWORD] !== undefined) into.add(value);
  } else if (Array.isArray(value)) {
    for (const item of value) markedStaffIds(schema['items'] as JsonSchema | undefined, item, into);
  } else if (typeof value === 'object') {
    const properties = schema['properties'] as Record<string, JsonSchema> | undefined;
    for (const [key, child] of Object.entries(value)) markedStaffIds(properties?.[key], child, into);
  }
  for (const branch of [...((schema['anyOf'] as JsonSchema[] | undefined) ?? []), ...((schema['oneOf'] as JsonSchema[] | undefined) ?? [])]) {
    markedStaffIds(branch, value, into);
  }
}

/** An event as a history shows it: its type, who recorded it, the workflow version it was recorded under and its data. */
interface NamingItem {
  readonly type: string;
  readonly actor: { readonly id: string };
  readonly workflowVersion: number;
  readonly data: unknown;
}

/**
 * Every staff id a page of a case's history names: who recorded each event, and the staff its data
 * names, read by the schema of its event (`schemaOf`: undefined for an event it does not know).
 */
export function staffNamedIn<T extends NamingItem>(items: readonly T[], schemaOf: (item: T) => z.ZodType | undefined): string[] {
  const ids = new Set<string>();
  for (const item of items) {
    ids.add(item.actor.id);
    const schema = schemaOf(item);
    if (schema) markedStaffIds(published(schema), item.data, ids);
  }
  return [...ids];
}
