import { CASE_KEYWORD, RECORD_KEYWORD, STAFF_ID_KEYWORD, WORKFLOW_KEYWORD } from '../../../domain/json-schema-keywords';
import type { JsonSchema } from '../shared/types';

/** `nextLevel` → "Next level". */
export function humanize(name: string): string {
  // A code (`ON`, `QC`, `FPS`) is written as it is.
  if (/^[A-Z0-9]+$/.test(name)) return name;
  const words = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[-_]/g, ' ').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const types = (schema: JsonSchema): readonly string[] =>
  schema.type === undefined ? [] : typeof schema.type === 'string' ? [schema.type] : schema.type;

/** `string | null` and `anyOf: [X, {type: null}]` are drawn as X left empty. */
export function withoutNull(schema: JsonSchema): JsonSchema {
  const branches = schema.anyOf ?? schema.oneOf;
  if (branches) {
    const rest = branches.filter((branch) => !types(branch).includes('null') || types(branch).length > 1);
    if (rest.length === 1 && rest.length < branches.length) return rest[0]!;
  }
  const own = types(schema).filter((t) => t !== 'null');
  return own.length === 1 && types(schema).length > 1 ? { ...schema, type: own[0] } : schema;
}

export type FieldKind =
  | 'choice'
  | 'fixed'
  | 'object'
  | 'variants'
  | 'multiChoice'
  | 'list'
  | 'boolean'
  | 'number'
  | 'date'
  | 'dateTime'
  | 'staff'
  | 'workflow'
  | 'record'
  | 'case'
  | 'text'
  | 'json';

export function kindOf(schema: JsonSchema): FieldKind {
  if (schema.const !== undefined) return 'fixed';
  if (schema.enum) return 'choice';
  if (schema.oneOf ?? schema.anyOf) return discriminator(schema) ? 'variants' : 'json';
  const [type] = types(schema);
  if (type === 'object') return 'object';
  if (type === 'array') return schema.items?.enum ? 'multiChoice' : 'list';
  if (type === 'boolean') return 'boolean';
  if (type === 'number' || type === 'integer') return 'number';
  if (type === 'string') {
    if (schema[STAFF_ID_KEYWORD] === true) return 'staff';
    if (schema[WORKFLOW_KEYWORD] === true) return 'workflow';
    if (typeof schema[RECORD_KEYWORD] === 'string') return 'record';
    if (typeof schema[CASE_KEYWORD] === 'string') return 'case';
    return schema.format === 'date' ? 'date' : schema.format === 'date-time' ? 'dateTime' : 'text';
  }
  return 'json';
}

/** A union of objects told apart by one property holding a constant (zod's discriminated unions). */
export function discriminator(schema: JsonSchema): string | undefined {
  const branches = schema.oneOf ?? schema.anyOf ?? [];
  if (branches.length === 0 || branches.some((b) => !b.properties)) return undefined;
  const first = branches[0]!.properties!;
  return Object.keys(first).find((key) => branches.every((b) => b.properties?.[key]?.const !== undefined));
}

/** The branch of a discriminated union that a value's discriminator selects, else the first. */
export function branchFor(schema: JsonSchema, value: unknown): JsonSchema {
  const key = discriminator(schema)!;
  const branches = schema.oneOf ?? schema.anyOf ?? [];
  const chosen = (value as Record<string, unknown> | undefined)?.[key];
  return branches.find((b) => b.properties?.[key]?.const === chosen) ?? branches[0]!;
}

/** The value a form starts from: constants and defaults filled in, the rest left for the person. */
export function initialValue(schema: JsonSchema, required = true): unknown {
  const s = withoutNull(schema);
  if (s.const !== undefined) return s.const;
  if (s.default !== undefined) return s.default;
  switch (kindOf(s)) {
    case 'object':
      return Object.fromEntries(
        Object.entries(s.properties ?? {})
          .map(([key, child]) => [key, initialValue(child, (s.required ?? []).includes(key))] as const)
          .filter(([, v]) => v !== undefined),
      );
    case 'variants':
      return initialValue(branchFor(s, undefined));
    case 'multiChoice':
      return [];
    case 'list':
      // A list that needs items starts with as many empty ones, so the first is there to fill in.
      return required && (s.minItems ?? 0) > 0 ? Array.from({ length: Math.min(s.minItems!, 10) }, () => initialValue(s.items ?? {})) : undefined;
    case 'boolean':
      // A required yes/no is a checkbox, unticked until ticked; an optional one may stay unsaid.
      return required ? false : undefined;
    default:
      return undefined;
  }
}

/**
 * What is sent: empty text and empty optional objects are left out, so that an untouched
 * optional field is absent rather than an empty string the API would refuse.
 */
export function prune(value: unknown): unknown {
  if (typeof value === 'string') return value === '' ? undefined : value;
  if (Array.isArray(value)) return value.map(prune).filter((v) => v !== undefined);
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).map(([k, v]) => [k, prune(v)] as const).filter(([, v]) => v !== undefined);
    return entries.length === 0 ? undefined : Object.fromEntries(entries);
  }
  return value;
}
