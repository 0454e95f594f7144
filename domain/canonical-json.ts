/**
 * Canonical JSON for hashing: object keys sorted by code unit, no insignificant white space,
 * `undefined` members dropped (as JSON.stringify does). Two equal values always serialise to the
 * same text, whatever order their keys were written in.
 *
 * It runs for every event hashed and every case row written: most values are written by the
 * engine's own JSON.stringify once their objects are in key order (see `write`).
 */
export function canonicalJson(value: unknown): string {
  return flat(write(value));
}

/**
 * The string in one piece. Appending makes a rope of every part, which V8 joins only when the text
 * is read: a rope kept as it is (a case record's JSON, written once for two rows) holds several
 * times its length in small objects, for the garbage collector to copy and mark.
 */
function flat(text: string): string {
  void text.charCodeAt(0);
  return text;
}

/**
 * The engine's own stringify writes faster than any walk here: it writes the value once its
 * objects are in canonical order (copied where they are not), and the walk below is left for the
 * values it cannot put in order.
 */
function write(value: unknown): string {
  if (value === null || typeof value !== 'object') return walk(value);
  const ordered = inOrder(value);
  return ordered === undefined ? walk(value) : JSON.stringify(ordered);
}

/** Member by member: the definition. */
function walk(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    const text = JSON.stringify(value);
    return text === undefined ? 'null' : text;
  }
  if (Array.isArray(value)) {
    let text = '[';
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      text += (i === 0 ? '' : ',') + walk(item === undefined ? null : item);
    }
    return text + ']';
  }
  const record = value as Record<string, unknown>;
  let text = '{';
  for (const key of Object.keys(record).sort()) {
    const member = record[key];
    if (member === undefined) continue;
    text += (text.length === 1 ? '' : ',') + JSON.stringify(key) + ':' + walk(member);
  }
  return text + '}';
}

/**
 * The value as JSON.stringify writes canonically: itself where it already is (every object plain,
 * its keys in code-unit order, no function or symbol member, which stringify drops where the
 * definition writes null), otherwise a copy whose objects are. Undefined when no object can hold
 * its keys in that order: V8 puts array-index keys ("9", "10") first, in numeric order.
 */
function inOrder(value: object): object | undefined {
  if (Array.isArray(value)) {
    // Arrays write the same either way (stringify writes null for undefined, functions and symbols).
    let copy: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (item === null || typeof item !== 'object') continue;
      const ordered = inOrder(item);
      if (ordered === undefined) return undefined;
      if (ordered !== item) (copy ??= value.slice())[i] = ordered;
    }
    return copy ?? value;
  }
  const prototype: unknown = Object.getPrototypeOf(value);
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  let same = prototype === Object.prototype || prototype === null;
  let members: unknown[] | undefined;
  for (let i = 0; i < keys.length; i++) {
    const member = record[keys[i]!];
    let written: unknown = member;
    if (member !== null && typeof member === 'object') {
      written = inOrder(member);
      if (written === undefined) return undefined;
    } else if (typeof member === 'function' || typeof member === 'symbol') {
      written = null;
    }
    if (written !== member || (i > 0 && keys[i - 1]! >= keys[i]!)) same = false;
    (members ??= []).push(written);
  }
  if (same) return value;
  const order = keys.map((_, i) => i).sort((a, b) => (keys[a]! < keys[b]! ? -1 : 1));
  const copy: Record<string, unknown> = {};
  for (const i of order) {
    const key = keys[i]!;
    const code = key.charCodeAt(0);
    // An index key would move, and `__proto__` would set the copy's prototype instead of a member.
    if ((code >= 48 && code <= 57) || key === '__proto__') return undefined;
    if (members![i] !== undefined) copy[key] = members![i];
  }
  return copy;
}

/**
 * The canonical JSON of an object some of whose members are already written as canonical JSON
 * (`written`, by key): the same text as canonicalJson of the object with those members in place.
 */
export function canonicalJsonWith(record: Readonly<Record<string, unknown>>, written: Readonly<Record<string, string>>): string {
  const keys = new Set([...Object.keys(record), ...Object.keys(written)]);
  let text = '{';
  for (const key of [...keys].sort()) {
    const known = written[key];
    const member = record[key];
    if (known === undefined && member === undefined) continue;
    text += (text.length === 1 ? '' : ',') + JSON.stringify(key) + ':' + (known ?? write(member));
  }
  return flat(text + '}');
}
