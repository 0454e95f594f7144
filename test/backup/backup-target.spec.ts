import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ExitCode } from '../../src/cli/exit-codes';
import { startApp } from '../support/app';
import { errorLines, mend } from '../ops/cli-process';
import { filesUnder, secrets } from './backup-support';

jest.setTimeout(120_000);

/** A backup goes outside the data directory (a restore replaces that directory), and every file of it is its owner's only. */
describe('where mend backup writes', () => {
  const vault = secrets();
  const work = mkdtempSync(join(tmpdir(), 'mend-backup-target-'));
  const dataDir = join(work, 'data');
  const env = { MEND_DATA_DIR: dataDir, ...vault.env };

  beforeAll(async () => {
    const running = await startApp({ dataDir, start: '2026-03-09T15:00:00Z', env: vault.env });
    await running.close();
  });

  afterAll(() => {
    rmSync(work, { recursive: true, force: true });
    rmSync(vault.dir, { recursive: true, force: true });
  });

  it('refuses a directory inside the data directory (exit 73), writing nothing there', async () => {
    const before = readdirSync(dataDir).sort();
    const inside = join(dataDir, 'backups', 'b1');
    const result = await mend(['backup', inside], env);
    expect({ code: result.code, lines: errorLines(result.stderr) }).toEqual({
      code: ExitCode.cannotCreate,
      lines: [expect.stringMatching(new RegExp(`^mend: .*${inside}.* inside the data directory`))],
    });
    expect(existsSync(join(dataDir, 'backups'))).toBe(false);
    expect(readdirSync(dataDir).sort()).toEqual(before);
  });

  it('with the keys in PostgreSQL, says so first (78): no backup key would make a backup it can take', async () => {
    const withoutKey = Object.fromEntries(Object.entries(env).filter(([name]) => name !== 'MEND_BACKUP_KEY'));
    const result = await mend(['backup', join(work, 'pg-keys')], { ...withoutKey, MEND_KEYSTORE: 'postgres', MEND_KEYSTORE_POSTGRES_URL: 'postgres://mend@127.0.0.1:1/mend' });
    expect({ code: result.code, lines: errorLines(result.stderr) }).toEqual({
      code: ExitCode.config,
      lines: [expect.stringMatching(/^mend: The personal-data keys are in PostgreSQL/)],
    });
  });

  it('writes every file of the backup owner-only (600), the log included', async () => {
    const backup = join(work, 'b1');
    const result = await mend(['backup', backup], env);
    expect(result.code).toBe(ExitCode.ok);
    const modes = Object.fromEntries(filesUnder(backup).map((file) => [file.slice(backup.length + 1), (statSync(file).mode & 0o777).toString(8)]));
    expect(Object.keys(modes)).toContain('events.sqlite');
    expect(modes).toEqual(Object.fromEntries(Object.keys(modes).map((name) => [name, '600'])));
  });
});
