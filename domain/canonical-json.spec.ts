import { Random } from '../test/support/random';
import { canonicalJson, canonicalJsonWith } from './canonical-json';

/** The definition, written member by member: what canonicalJson must always give. */
function reference(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((item: unknown) => reference(item === undefined ? null : item)).join(',')}]`;
  const record = value as Record<string, unknown>;
  const members = Object.keys(record)
    .sort()
    .filter((key) => record[key] !== undefined)
    .map((key) => `${JSON.stringify(key)}:${reference(record[key])}`);
  return `{${members.join(',')}}`;
}

const KEYS = ['b', 'a', 'clock', 'Z', 'é', '10', '9', '0', 'dueAt', 'due_at', '', 'a\u0000', '\ud83d\ude00', 'zz'];

function valueOf(next: () => number, depth: number): unknown {
  const pick = Math.floor(next() * (depth > 3 ? 6 : 9));
  switch (pick) {
    case 0:
      return null;
    case 1:
      return next() < 0.5;
    case 2:
      return [0, -0, 1.5, -42, 1e21, NaN, Infinity][Math.floor(next() * 7)];
    case 3:
      return ['', 'x', 'line\nbreak "quoted"', '\u2028', 'é', '\ud800'][Math.floor(next() * 6)];
    case 4:
      return undefined;
    case 5:
      return String(Math.floor(next() * 1000));
    case 6:
      return Array.from({ length: Math.floor(next() * 4) }, () => valueOf(next, depth + 1));
    default: {
      const object: Record<string, unknown> = {};
      const count = Math.floor(next() * 6);
      for (let i = 0; i < count; i++) object[KEYS[Math.floor(next() * KEYS.length)]!] = valueOf(next, depth + 1);
      return object;
    }
  }
}

describe('canonicalJson', () => {
  it('sorts keys by code unit at every depth and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: undefined, x: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[3,{"x":2,"z":1}]},"b":1}');
    expect(canonicalJson([undefined, { b: undefined }])).toBe('[null,{}]');
    expect(canonicalJson(undefined)).toBe('null');
  });

  it('gives the same text as the member-by-member definition, for 20,000 generated values', () => {
    for (let seed = 1; seed <= 20_000; seed++) {
      const random = new Random(seed);
      const value = valueOf(() => random.next(), 0);
      const text = canonicalJson(value);
      if (text !== reference(value)) throw new Error(`seed ${seed}: ${text} is not ${reference(value)}`);
    }
  });

  it('gives the same text for values already in canonical order, which it writes through JSON.stringify', () => {
    const sorted = (value: unknown): unknown => {
      if (Array.isArray(value)) return value.map(sorted);
      if (value === null || typeof value !== 'object') return value;
      const record = value as Record<string, unknown>;
      return Object.fromEntries(
        Object.keys(record)
          .sort()
          .map((key) => [key, sorted(record[key])]),
      );
    };
    for (let seed = 1; seed <= 20_000; seed++) {
      const random = new Random(seed);
      const value = sorted(valueOf(() => random.next(), 0));
      const text = canonicalJson(value);
      if (text !== reference(value)) throw new Error(`seed ${seed}: ${text} is not ${reference(value)}`);
    }
    expect(canonicalJson({ a: [{ b: 1, c: { d: null } }], e: 'x' })).toBe(JSON.stringify({ a: [{ b: 1, c: { d: null } }], e: 'x' }));
  });

  it('writes dates, functions, boxed strings, array-index keys and class instances as the definition says', () => {
    const cases: unknown[] = [
      { b: 1, a: new Date(0) },
      { when: new Date(0) },
      { f: () => 1, a: 1 },
      [() => 1, Symbol('s')],
      { s: new String('ab') },
      { toJSON: () => 'replaced', a: 1 },
      { 10: 'ten', 9: 'nine', a: 'a' },
      { nested: { 2: 'two', 10: 'ten' }, b: [{ 1: 1, 0: 0 }] },
      { a: { 10: 'ten', 9: 'nine' } },
      { a: 1, b: () => 1 },
      { a: [new Date(0)], b: { c: new Date(0) } },
      { a: 1, b: Symbol('s') },
      { a: { toJSON: () => 'replaced' } },
      JSON.parse('{"b":1,"__proto__":{"y":1,"x":2}}'),
      JSON.parse('{"__proto__":[1],"a":{"c":1,"b":2}}'),
      { b: 1, a: { 1: 'one', 0: 'zero' }, c: [{ 1: 1, 10: 10, 9: 9 }] },
      { b: 1, '1a': 2 },
      Object.assign(Object.create(null) as object, { b: 2, a: 1 }),
      new (class Point {
        constructor(
          readonly y = 2,
          readonly x = 1,
        ) {}
      })(),
    ];
    for (const value of cases) expect(canonicalJson(value)).toBe(reference(value));
  });

  it('leaves the value it was given as it was', () => {
    const value = { b: { d: 1, c: 2 }, a: [{ z: 1, y: 2 }] };
    const before = JSON.stringify(value);
    canonicalJson(value);
    expect(JSON.stringify(value)).toBe(before);
  });

  it('writes an object with members given already written as it writes the whole object', () => {
    for (let seed = 1; seed <= 2_000; seed++) {
      const random = new Random(seed);
      const next = () => random.next();
      const record: Record<string, unknown> = {};
      const written: Record<string, string> = {};
      for (const key of KEYS) {
        const value = valueOf(next, 1);
        const roll = next();
        if (roll < 0.3) record[key] = value;
        else if (roll < 0.6 && value !== undefined) {
          record[key] = value;
          written[key] = canonicalJson(value);
        } else if (roll < 0.7 && value !== undefined) written[key] = canonicalJson(value);
      }
      if (seed % 2 === 0) written['toString'] = '"written"';
      const whole = { ...record, ...Object.fromEntries(Object.entries(written).map(([key, text]) => [key, JSON.parse(text) as unknown])) };
      expect(canonicalJsonWith(record, written)).toBe(canonicalJson(whole));
    }
  });
});
