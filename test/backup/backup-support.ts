import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, type MendConfig } from '../../src/config/config';

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
