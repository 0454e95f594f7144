import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteKeyStore, type KeyStore } from '../../src/privacy/key-store';
import { PostgresKeyStore } from '../../src/privacy/postgres-key-store';
import { describeWithPostgres, dropSchema, freshSchema } from '../support/postgres';

interface KeysUnderTest {
  /** Two nodes' views of one key store (the same object for SQLite, two connections for PostgreSQL). */
  readonly a: KeyStore;
  readonly b: KeyStore;
  cleanup(): Promise<void>;
}

function describeKeyStore(name: string, open: () => Promise<KeysUnderTest>): void {
  describe(`key store: ${name}`, () => {
    let keys: KeysUnderTest;
    beforeEach(async () => (keys = await open()));
    afterEach(() => keys.cleanup());

    it('creates a subject key on first use and returns the same 32 bytes afterwards, on every node', async () => {
      const key = await keys.a.keyFor('person-1');
      expect(key).toHaveLength(32);
      expect(await keys.b.keyFor('person-1')).toEqual(key);
      expect(await keys.b.key('person-1')).toEqual(key);
      expect(await keys.a.key('person-2')).toBeUndefined();
    });

    it('reads the keys of several subjects together, leaving out those without one', async () => {
      const first = await keys.a.keyFor('person-4');
      await keys.a.keyFor('person-5');
      await keys.a.erase('person-5');
      const found = await keys.b.keys(['person-4', 'person-5', 'person-6']);
      expect([...found]).toEqual([['person-4', first]]);
      expect(await keys.b.keys([])).toEqual(new Map());
    });

    it('nodes asking for a new subject at once agree on one key', async () => {
      const all = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? keys.a : keys.b).keyFor('person-race')));
      expect(new Set(all.map((k) => k!.toString('hex'))).size).toBe(1);
    });

    it('an erasure on one node destroys the key for every node, and no node can create it again', async () => {
      await keys.a.keyFor('person-3');
      const erased = await keys.a.erase('person-3');
      expect(erased.hadKey).toBe(true);
      expect(await keys.b.key('person-3')).toBeUndefined();
      expect(await keys.b.keyFor('person-3')).toBeUndefined();
      const again = await keys.b.erase('person-3');
      expect(again).toEqual({ hadKey: false, erasedAt: erased.erasedAt });
    });
  });
}

describeKeyStore('sqlite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'mend-keys-'));
  const store = new SqliteKeyStore(join(dir, 'keys.sqlite'));
  return {
    a: store,
    b: store,
    cleanup: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

describeWithPostgres('postgres key store', (url) => {
  describeKeyStore('postgres (two nodes)', async () => {
    const schema = freshSchema();
    const a = await PostgresKeyStore.open({ connectionString: url, schema });
    const b = await PostgresKeyStore.open({ connectionString: url, schema });
    return {
      a,
      b,
      cleanup: async () => {
        await Promise.all([a.close(), b.close()]);
        await dropSchema(url, schema);
      },
    };
  });
});
