import { PendingSums, RowCache, WrittenKeys, type RowStore } from '../../src/projections/projector';

/** A store that records what it was asked. */
function recordingStore(rows: Record<string, number> = {}) {
  const loads: string[] = [];
  const saves: [string, number, number | undefined][] = [];
  const store: RowStore<number> = {
    load: (key) => {
      loads.push(key);
      return rows[key];
    },
    save: (key, value, stored) => {
      saves.push([key, value, stored]);
      rows[key] = value;
    },
  };
  return { store, loads, saves };
}

describe('RowCache', () => {
  it('reads a row once and writes it once per flush, with what the tables held before', () => {
    const { store, loads, saves } = recordingStore({ a: 1 });
    const cache = new RowCache(store);
    cache.set('a', cache.get('a')! + 1);
    cache.set('a', cache.get('a')! + 1);
    cache.set('b', 10);
    cache.flush();
    expect(loads).toEqual(['a', 'b']);
    expect(saves).toEqual([
      ['a', 3, 1],
      ['b', 10, undefined],
    ]);
    // Nothing changed since: nothing written.
    cache.flush();
    expect(saves).toHaveLength(2);
    cache.set('b', 11);
    cache.flush();
    expect(saves[2]).toEqual(['b', 11, 10]);
  });

  it('forgets the rows the last transaction did not touch, and reads them again when asked', () => {
    const { store, loads } = recordingStore();
    const cache = new RowCache(store);
    cache.set('old', 1);
    cache.flush();
    cache.set('recent', 2);
    cache.flush();
    cache.forgetIdle();
    expect(cache.size).toBe(1);
    expect(cache.get('recent')).toBe(2);
    expect(cache.get('old')).toBe(1);
    expect(loads.filter((key) => key === 'old')).toHaveLength(2);
  });
});

describe('RowCache over tables that started empty', () => {
  it('looks up only the rows it has written, and reads a forgotten one back', () => {
    const { store, loads } = recordingStore();
    const cache = new RowCache(store, new WrittenKeys());
    expect(cache.get('a')).toBeUndefined();
    cache.set('a', 1);
    cache.set('b', 2);
    cache.flush();
    // Never written: known absent without a lookup.
    expect(loads).toEqual([]);
    cache.set('c', 3);
    cache.flush();
    cache.forgetIdle();
    expect(cache.size).toBe(1);
    expect(cache.get('a')).toBe(1);
    expect(cache.get('b')).toBe(2);
    expect(cache.get('d')).toBeUndefined();
    expect(loads).toEqual(['a', 'b']);
  });
});

describe('WrittenKeys', () => {
  const key = (i: number) => `${(i * 2654435761 >>> 0).toString(16).padStart(8, '0')}-4f1c-7a00-8000-${String(i).padStart(12, '0')}\u0000response-${i % 3}`;

  it('holds every key it was given, across several filters, and few it was not', () => {
    const written = new WrittenKeys();
    expect(written.mayHold(key(0))).toBe(false);
    const count = 350_000;
    for (let i = 0; i < count; i++) written.add(key(i));
    let missed = 0;
    for (let i = 0; i < count; i++) if (!written.mayHold(key(i))) missed++;
    expect(missed).toBe(0);
    let wrong = 0;
    for (let i = count; i < 2 * count; i++) if (written.mayHold(key(i))) wrong++;
    // Four filters, each wrong for about 1 key in 1,000.
    expect(wrong / count).toBeLessThan(0.01);
    expect(wrong).toBeGreaterThan(0);
  });
});

describe('PendingSums', () => {
  it('writes one sum per group when flushed, a zero sum included, and nothing after a clear', () => {
    const written: { group: string; n: number; m: number }[] = [];
    const sums = new PendingSums<{ group: string; n: number; m: number }>(['n', 'm'], (sum) => written.push(sum));
    const addition = { group: 'x', n: 1, m: -1 };
    sums.add('x', addition);
    sums.add('x', { group: 'x', n: 2, m: 1 });
    sums.add('y', { group: 'y', n: 0, m: 0 });
    expect(addition).toEqual({ group: 'x', n: 1, m: -1 });
    sums.flush();
    expect(written).toEqual([
      { group: 'x', n: 3, m: 0 },
      { group: 'y', n: 0, m: 0 },
    ]);
    sums.add('x', { group: 'x', n: 5, m: 5 });
    sums.clear();
    sums.flush();
    expect(written).toHaveLength(2);
  });
});
