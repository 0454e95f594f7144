import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemClock } from '../../src/clock/clock';
import Database from 'better-sqlite3';
import { ConfigError, loadConfig } from '../../src/config/config';
import { createEventStore, LOG_IDENTITY_FILE } from '../../src/event-store/event-store.factory';
import { READ_MODELS_FILE } from '../../src/projections/read-model.database';
import { ExitCode } from '../../src/cli/exit-codes';
import { errorLines, mend } from './cli-process';

describe('a data directory remembers which log its read models were built from', () => {
  let dataDir: string;
  beforeEach(() => (dataDir = mkdtempSync(join(tmpdir(), 'mend-identity-'))));
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  const sqlite = () => loadConfig({ MEND_DATA_DIR: dataDir });
  const postgres = () => loadConfig({ MEND_DATA_DIR: dataDir, MEND_STORE: 'postgres', MEND_POSTGRES_URL: 'postgres://mend:secret@db.invalid:5432/mend' });
  const kurrent = () => loadConfig({ MEND_DATA_DIR: dataDir, MEND_STORE: 'eventstoredb', EVENTSTORE_CONNECTION_STRING: 'kurrentdb://db.invalid:2113?tls=false' });

  it('refuses another engine while read models built from SQLite are there, saying what to do', async () => {
    await (await createEventStore(sqlite(), systemClock)).close();
    writeFileSync(join(dataDir, READ_MODELS_FILE), '');
    for (const other of [postgres(), kurrent()]) {
      await expect(createEventStore(other, systemClock)).rejects.toThrow(
        /were built from another log \(sqlite\).*delete read-models\.sqlite\* in it so that they are rebuilt/,
      );
    }
    // The same log again is fine.
    await (await createEventStore(sqlite(), systemClock)).close();
  });

  it('lets another log take a directory whose read models never took an event (a run that could not reach its log), but not one whose did', async () => {
    const unreachable = loadConfig({ MEND_DATA_DIR: dataDir, MEND_STORE: 'postgres', MEND_POSTGRES_URL: 'postgres://mend:secret@127.0.0.1:1/mend' });
    await createEventStore(unreachable, systemClock).catch(() => undefined);
    const readModels = new Database(join(dataDir, READ_MODELS_FILE));
    readModels.exec("CREATE TABLE projection_state (name TEXT PRIMARY KEY, checkpoint INTEGER NOT NULL); INSERT INTO projection_state VALUES ('cases', 0)");
    // The corrected URL: nothing in the read models came from the other one.
    await createEventStore(postgres(), systemClock).catch((error: Error) => expect(error.message).not.toMatch(/another log/));
    expect((JSON.parse(readFileSync(join(dataDir, LOG_IDENTITY_FILE), 'utf8')) as { log: string }).log).toBe('postgres db.invalid:5432/mend schema mend');
    readModels.exec("UPDATE projection_state SET checkpoint = 5");
    readModels.close();
    await expect(createEventStore(unreachable, systemClock)).rejects.toThrow(ConfigError);
  });

  it('records the log without credentials', async () => {
    await (await createEventStore(sqlite(), systemClock)).close();
    rmSync(join(dataDir, 'events.sqlite'));
    // No read models yet: switching is allowed, and the new log is recorded.
    await createEventStore(postgres(), systemClock).catch(() => undefined);
    const recorded = JSON.parse(readFileSync(join(dataDir, LOG_IDENTITY_FILE), 'utf8')) as { log: string };
    expect(recorded.log).toBe('postgres db.invalid:5432/mend schema mend');
  });

  it('says so in one line with exit 78 (configuration), from the server and from a verb', async () => {
    await (await createEventStore(sqlite(), systemClock)).close();
    const readModels = new Database(join(dataDir, READ_MODELS_FILE));
    readModels.exec("CREATE TABLE projection_state (name TEXT PRIMARY KEY, checkpoint INTEGER NOT NULL); INSERT INTO projection_state VALUES ('cases', 5)");
    readModels.close();
    const env = { MEND_DATA_DIR: dataDir, MEND_STORE: 'postgres', MEND_POSTGRES_URL: 'postgres://mend:secret@127.0.0.1:1/mend', MEND_LOG_FORMAT: 'json' };
    for (const verb of [['serve'], ['projections', 'status']]) {
      const result = await mend(verb, env);
      expect({ verb, code: result.code, lines: errorLines(result.stderr) }).toEqual({
        verb,
        code: ExitCode.config,
        lines: [expect.stringMatching(/^mend: Invalid configuration:/), expect.stringMatching(/MEND_DATA_DIR: the read models in .* were built from another log \(sqlite\)/)],
      });
    }
  });
});
