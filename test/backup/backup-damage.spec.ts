import Database from 'better-sqlite3';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BACKUP_EVENTS_FILE, BACKUP_KEYS_FILE, MANIFEST_FILE, sha256File, type BackupManifest } from '../../src/backup/backup-files';
import { restoreBackup } from '../../src/backup/restore';
import { ExitCode } from '../../src/cli/exit-codes';
import { mend } from '../ops/cli-process';
import { configFor, secrets, storeWithBackup } from './backup-support';

jest.setTimeout(120_000);

/** A restore refuses a damaged backup, naming the file, and a target that is not empty; it writes nothing. */
describe('restore refuses what it cannot trust', () => {
  const vault = secrets();
  const work = mkdtempSync(join(tmpdir(), 'mend-backup-damage-'));
  const dataDir = join(work, 'data');
  const backupDir = join(work, 'backup');
  const targets = join(work, 'targets');
  let copies = 0;

  /** A copy of the good backup, damaged by `damage`. */
  function damagedCopy(damage: (dir: string) => void): string {
    const dir = join(work, `copy-${++copies}`);
    cpSync(backupDir, dir, { recursive: true });
    damage(dir);
    return dir;
  }

  const target = (name: string) => join(targets, name);

  /** Nothing at the target, and no staging directory left beside it. */
  function nothingWritten(name: string): void {
    expect(existsSync(target(name))).toBe(false);
    expect(readdirSync(targets)).toEqual([]);
  }

  beforeAll(async () => {
    mkdirSync(targets);
    await storeWithBackup(dataDir, backupDir, vault.env, { seed: 53, cases: 20 });
  });

  afterAll(() => {
    rmSync(work, { recursive: true, force: true });
    rmSync(vault.dir, { recursive: true, force: true });
  });

  it('refuses a truncated log, naming it (exit 65 from the CLI)', async () => {
    const dir = damagedCopy((d) => truncateSync(join(d, BACKUP_EVENTS_FILE), 4096));
    const result = await mend(['restore', dir], { MEND_DATA_DIR: target('truncated'), ...vault.env });
    expect({ code: result.code, stderr: result.stderr }).toEqual({
      code: ExitCode.dataError,
      stderr: expect.stringContaining(`${join(dir, BACKUP_EVENTS_FILE)} is damaged: 4096 bytes`),
    });
    nothingWritten('truncated');
  });

  it('refuses an altered byte in the encrypted keys, naming the file', async () => {
    const dir = damagedCopy((d) => {
      const bytes = readFileSync(join(d, BACKUP_KEYS_FILE));
      bytes.writeUInt8(bytes.readUInt8(bytes.length - 5) ^ 0xff, bytes.length - 5);
      writeFileSync(join(d, BACKUP_KEYS_FILE), bytes);
    });
    await expect(restoreBackup(configFor(target('altered'), vault.env), dir)).rejects.toThrow(`${join(dir, BACKUP_KEYS_FILE)} is damaged: its sha256 is`);
    nothingWritten('altered');
  });

  it('refuses a backup without its manifest, and a manifest that lost a file', async () => {
    const noManifest = damagedCopy((d) => rmSync(join(d, MANIFEST_FILE)));
    await expect(restoreBackup(configFor(target('no-manifest'), vault.env), noManifest)).rejects.toThrow(`${join(noManifest, MANIFEST_FILE)} is missing`);
    const lost = damagedCopy((d) => rmSync(join(d, BACKUP_KEYS_FILE)));
    await expect(restoreBackup(configFor(target('lost'), vault.env), lost)).rejects.toThrow(`${join(lost, BACKUP_KEYS_FILE)} is missing from the backup`);
    nothingWritten('no-manifest');
    nothingWritten('lost');
  });

  it('refuses the wrong backup key', async () => {
    const other = { ...vault.env, MEND_BACKUP_KEY: 'ab'.repeat(32) };
    await expect(restoreBackup(configFor(target('wrong-key'), other), backupDir)).rejects.toThrow(`The backup key does not open ${BACKUP_KEYS_FILE}`);
    nothingWritten('wrong-key');
  });

  it('refuses a log edited behind the manifest (hashes recomputed): the chain does not verify, and the staging directory is removed', async () => {
    const dir = damagedCopy((d) => {
      const db = new Database(join(d, BACKUP_EVENTS_FILE));
      db.prepare("UPDATE events SET data = json_set(data, '$.region', 'QC') WHERE position = 1").run();
      db.close();
    });
    const manifest = JSON.parse(readFileSync(join(dir, MANIFEST_FILE), 'utf8')) as BackupManifest;
    const events = manifest.files.find((f) => f.name === BACKUP_EVENTS_FILE)!;
    Object.assign(events, { sha256: await sha256File(join(dir, BACKUP_EVENTS_FILE)), bytes: readFileSync(join(dir, BACKUP_EVENTS_FILE)).length });
    writeFileSync(join(dir, MANIFEST_FILE), JSON.stringify(manifest));
    await expect(restoreBackup(configFor(target('edited'), vault.env), dir)).rejects.toThrow(/The restored log does not verify/);
    nothingWritten('edited');
  });

  it('refuses a data directory that is not empty (exit 73 from the CLI), and leaves it as it was', async () => {
    const busy = target('busy');
    mkdirSync(busy);
    writeFileSync(join(busy, 'notes.txt'), 'keep me');
    const result = await mend(['restore', backupDir], { MEND_DATA_DIR: busy, ...vault.env });
    expect({ code: result.code, stderr: result.stderr }).toEqual({ code: ExitCode.cannotCreate, stderr: expect.stringContaining(`${busy} is not empty (notes.txt)`) });
    expect(readdirSync(busy)).toEqual(['notes.txt']);
    expect(readdirSync(targets)).toEqual(['busy']);
    rmSync(busy, { recursive: true });
  });
});
