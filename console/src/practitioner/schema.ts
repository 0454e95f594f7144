import { CASE_KEYWORD, CASE_WORKFLOW_FIELD_KEYWORD, CLOCK_KEY_KEYWORD, RECORD_KEYWORD, STAFF_ID_KEYWORD, SUBJECT_KEYWORD, WORKFLOW_KEYWORD } from '../../../domain/json-schema-keywords';
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
  | 'subject'
  | 'people'
  | 'clock'
  | 'text'
  | 'json';

export function kindOf(schema: JsonSchema): FieldKind {
  if (schema.const !== undefined) return 'fixed';
  if (schema.enum) return 'choice';
  if (schema.oneOf ?? schema.anyOf) return discriminator(schema) ? 'variants' : 'json';
  const [type] = types(schema);
  if (type === 'object') return 'object';
  if (type === 'array') return schema.items?.enum ? 'multiChoice' : schema.items?.[SUBJECT_KEYWORD] !== undefined ? 'people' : 'list';
  if (type === 'boolean') return 'boolean';
  if (type === 'number' || type === 'integer') return 'number';
  if (type === 'string') {
    if (schema[STAFF_ID_KEYWORD] === true || Array.isArray(schema[STAFF_ID_KEYWORD])) return 'staff';
    if (schema[WORKFLOW_KEYWORD] === true) return 'workflow';
    if (typeof schema[RECORD_KEYWORD] === 'string') return 'record';
    if (typeof schema[CASE_KEYWORD] === 'string' || typeof schema[CASE_WORKFLOW_FIELD_KEYWORD] === 'string') return 'case';
    if (schema[SUBJECT_KEYWORD] !== undefined) return 'subject';
    if (schema[CLOCK_KEY_KEYWORD] === true) return 'clock';
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

/** The branch of a discriminated union that a value's discriminator selects, if it selects one. */
export function chosenBranch(schema: JsonSchema, value: unknown): JsonSchema | undefined {
  const key = discriminator(schema)!;
  const chosen = (value as Record<string, unknown> | undefined)?.[key];
  return chosen === undefined ? undefined : (schema.oneOf ?? schema.anyOf ?? []).find((b) => b.properties?.[key]?.const === chosen);
}

/**
 * What every branch of a discriminated union asks for, its discriminator aside: the fields shown
 * before the person has chosen a kind (choosing one for them would record an answer nobody gave).
 */
export function sharedFields(schema: JsonSchema): JsonSchema {
  const key = discriminator(schema)!;
  const [first, ...others] = schema.oneOf ?? schema.anyOf ?? [];
  const shared = Object.entries(first?.properties ?? {}).filter(([name]) => name !== key && others.every((b) => b.properties?.[name] !== undefined));
  const required = shared.map(([name]) => name).filter((name) => [first, ...others].every((b) => b?.required?.includes(name)));
  return { type: 'object', properties: Object.fromEntries(shared), required };
}

/** The branch of a discriminated union that a value's discriminator selects, else the fields all branches share. */
export function branchFor(schema: JsonSchema, value: unknown): JsonSchema {
  return chosenBranch(schema, value) ?? sharedFields(schema);
}

/**
 * A command's data schema as the case's state asks for it now (the case view's `requiredNow` and
 * `refusedNow`): the top-level fields the state requires are required, and those it refuses are
 * not offered, though the schema alone leaves them optional.
 */
export function asTheStateAsks(schema: JsonSchema, required: readonly string[] = [], refused: readonly string[] = []): JsonSchema {
  if (required.length === 0 && refused.length === 0) return schema;
  if (schema.oneOf ?? schema.anyOf) {
    const key = schema.oneOf ? 'oneOf' : 'anyOf';
    return { ...schema, [key]: (schema[key] ?? []).map((branch) => asTheStateAsks(branch, required, refused)) };
  }
  if (!schema.properties) return schema;
  const properties = Object.fromEntries(Object.entries(schema.properties).filter(([key]) => !refused.includes(key)));
  const asked = [...(schema.required ?? []), ...required.filter((key) => !(schema.required ?? []).includes(key))];
  return { ...schema, properties, required: asked.filter((key) => key in properties) };
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
    case 'people':
      return required ? [] : undefined;
    case 'list':
      // A required list is answered even with nothing in it (the person saw it and added nothing: `[]`);
      // one that needs items starts with as many empty ones, so the first is there to fill in.
      return required ? Array.from({ length: Math.min(s.minItems ?? 0, 10) }, () => initialValue(s.items ?? {})) : undefined;
    default:
      // A yes or no, required or not, is unsaid until the person says it: an unticked box is no consent.
      return undefined;
  }
}

/**
 * A value kept to a schema: an object's fields that the schema does not have are dropped, at every
 * depth, following a union to the branch the value is in.
 */
export function fitTo(value: unknown, schema: JsonSchema): unknown {
  const s = withoutNull(schema);
  const kind = kindOf(s);
  if (kind === 'variants') return fitTo(value, branchFor(s, value));
  if (kind === 'list' && Array.isArray(value)) return value.map((item) => fitTo(item, s.items ?? {}));
  if (kind !== 'object' || value === null || typeof value !== 'object' || Array.isArray(value) || !s.properties) return value;
  const properties = s.properties;
  return Object.fromEntries(Object.entries(value).flatMap(([key, v]) => (properties[key] ? [[key, fitTo(v, properties[key])] as const] : [])));
}

/**
 * A union's value when the person chooses another of its kinds: only what that kind has of what was
 * typed (a field of the kind first shown is not sent with another), over that kind's own start.
 */
export function switchVariant(schema: JsonSchema, value: unknown, chosen: unknown): Record<string, unknown> {
  const key = discriminator(schema)!;
  const next = branchFor(schema, { [key]: chosen });
  const kept = fitTo({ ...((value ?? {}) as Record<string, unknown>), [key]: chosen }, next) as Record<string, unknown>;
  return { ...(initialValue(next) as Record<string, unknown>), ...kept };
}

/** The same value, whatever order an object's keys were set in. */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object' || Array.isArray(a) !== Array.isArray(b)) return false;
  const [x, y] = [a as Record<string, unknown>, b as Record<string, unknown>];
  const keys = Object.keys(x);
  return keys.length === Object.keys(y).length && keys.every((key) => key in y && same(x[key], y[key]));
}

/**
 * What is sent: empty text and empty optional objects are left out, so that an untouched
 * optional field is absent rather than an empty string the API would refuse. With the schema, an
 * optional group the person did not fill in (nothing in it but what the form started it with: its
 * constants and defaults) is left out too, rather than sent as an answer nobody gave.
 */
export function prune(value: unknown, schema?: JsonSchema, required = true): unknown {
  const s = schema && withoutNull(schema);
  const shape = s && kindOf(s) === 'variants' ? branchFor(s, value) : s;
  if (typeof value === 'string') return value === '' ? undefined : value;
  if (Array.isArray(value)) return value.map((item) => prune(item, shape?.items)).filter((v) => v !== undefined);
  if (value !== null && typeof value === 'object') {
    const fields = shape?.properties;
    const needed = shape?.required ?? [];
    const entries = Object.entries(value)
      .map(([k, v]) => [k, prune(v, fields?.[k], fields ? needed.includes(k) : true)] as const)
      .filter(([, v]) => v !== undefined);
    // A group the form must send, left empty, is sent empty: the API then names each of its fields
    // that is missing at once, rather than the group, then its fields one refusal at a time.
    if (entries.length === 0) return shape && required ? {} : undefined;
    const pruned = Object.fromEntries(entries);
    if (shape && !required && same(pruned, prune(initialValue(shape), shape))) return undefined;
    return pruned;
  }
  return value;
}
