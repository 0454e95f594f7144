/**
 * Canonical JSON for hashing: object keys sorted by code unit, no insignificant white space,
 * `undefined` members dropped (as JSON.stringify does). Two equal values always serialise to the
 * same text, whatever order their keys were written in.
 *
 * Built by appending to one string rather than through arrays of parts: it runs for every event
 * hashed and every case row written.
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

function write(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    const text = JSON.stringify(value);
    return text === undefined ? 'null' : text;
  }
  if (Array.isArray(value)) {
    let text = '[';
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      text += (i === 0 ? '' : ',') + write(item === undefined ? null : item);
    }
    return text + ']';
  }
  const record = value as Record<string, unknown>;
  let text = '{';
  for (const key of Object.keys(record).sort()) {
    const member = record[key];
    if (member === undefined) continue;
    text += (text.length === 1 ? '' : ',') + JSON.stringify(key) + ':' + write(member);
  }
  return text + '}';
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
