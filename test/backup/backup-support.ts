import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { takeBackup } from '../../src/backup/backup';
import { loadConfig, type MendConfig } from '../../src/config/config';
import { startApp } from '../support/app';
import { Random } from '../support/random';
import { writeCases } from '../support/store-writer';

/** Where an operator keeps what must survive the data directory: the erasure ledger and the backup key. */
export interface Secrets {
  readonly dir: string;
  readonly ledger: string;
  readonly key: string;
  /** The environment variables that point Mend at them. */
  readonly env: Record<string, string>;
}

export function secrets(): Secrets {
  const dir = mkdtempSync(join(tmpdir(), 'mend-secrets-'));
  const ledger = join(dir, 'erasure-ledger.jsonl');
  const key = randomBytes(32).toString('hex');
  return { dir, ledger, key, env: { MEND_ERASURE_LEDGER: ledger, MEND_BACKUP_KEY: key } };
}

/** The configuration `mend backup` / `mend restore` would load for `dataDir`. */
export function configFor(dataDir: string, env: Record<string, string>): MendConfig {
  return loadConfig({ MEND_DATA_DIR: dataDir, MEND_LOG_LEVEL: 'silent', MEND_SCHEDULER: 'off', ...env });
}

/** Every file under `dir`, recursively. */
export function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** The files under `dir` whose bytes contain `needle`. */
export function filesContaining(dir: string, needle: Buffer): string[] {
  return filesUnder(dir).filter((file) => readFileSync(file).includes(needle));
}

/** A store of `cases` random cases, written as commands would write them, then backed up into `backupDir`: where a backup drill starts. */
export async function storeWithBackup(dataDir: string, backupDir: string, env: Record<string, string>, { seed, cases }: { seed: number; cases: number }): Promise<void> {
  const running = await startApp({ dataDir, start: '2026-03-09T15:00:00Z', env });
  try {
    await writeCases(running.app, { random: new Random(seed), cases, clock: running.clock });
  } finally {
    await running.close();
  }
  await takeBackup(configFor(dataDir, env), backupDir);
}
