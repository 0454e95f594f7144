import { loadConfig, unsharedKeysWarning } from '../../src/config/config';

/** Where personal-data keys live (README's settings table, docs/deploy-kurrentdb.md): with the log, or shared by every node. */
describe('MEND_KEYSTORE and MEND_KEYSTORE_POSTGRES_URL', () => {
  const PG = 'postgres://mend@db:5432/mend';
  const KEYS_PG = 'postgres://mend@keys:5432/keys';
  const ESDB = 'kurrentdb://localhost:2113?tls=false';

  it('keeps keys in SQLite beside the embedded store, even when a PostgreSQL URL is about', () => {
    expect(loadConfig({}).keyStore).toEqual({ engine: 'sqlite' });
    expect(loadConfig({ MEND_POSTGRES_URL: PG }).keyStore).toEqual({ engine: 'sqlite' });
  });

  it('keeps keys in the PostgreSQL that holds the log', () => {
    expect(loadConfig({ MEND_STORE: 'postgres', MEND_POSTGRES_URL: PG }).keyStore).toEqual({ engine: 'postgres', connectionString: PG, schema: 'mend' });
  });

  it('beside KurrentDB, keeps keys in the PostgreSQL named for them, or else in MEND_POSTGRES_URL', () => {
    const esdb = { MEND_STORE: 'eventstoredb', EVENTSTORE_CONNECTION_STRING: ESDB };
    expect(loadConfig({ ...esdb, MEND_KEYSTORE_POSTGRES_URL: KEYS_PG, MEND_POSTGRES_URL: PG }).keyStore).toMatchObject({ engine: 'postgres', connectionString: KEYS_PG });
    expect(loadConfig({ ...esdb, MEND_POSTGRES_URL: PG }).keyStore).toMatchObject({ engine: 'postgres', connectionString: PG });
  });

  it('warns a KurrentDB node that keeps its keys to itself, and no other', () => {
    const alone = loadConfig({ MEND_STORE: 'eventstoredb', EVENTSTORE_CONNECTION_STRING: ESDB });
    expect(alone.keyStore).toEqual({ engine: 'sqlite' });
    expect(unsharedKeysWarning(alone)).toMatch(/^Personal-data keys are kept in this node’s keys\.sqlite: .* Set MEND_KEYSTORE_POSTGRES_URL/);
    expect(unsharedKeysWarning(loadConfig({ MEND_STORE: 'eventstoredb', EVENTSTORE_CONNECTION_STRING: ESDB, MEND_POSTGRES_URL: PG }))).toBeUndefined();
    expect(unsharedKeysWarning(loadConfig({}))).toBeUndefined();
    expect(unsharedKeysWarning(loadConfig({ MEND_STORE: 'postgres', MEND_POSTGRES_URL: PG }))).toBeUndefined();
  });
});
