import { accessSync, constants, statSync } from 'node:fs';
import { join } from 'node:path';
import type { MendConfig } from '../config/config';
import { EVENTS_FILE } from '../event-store/event-store.factory';
import { CliError } from './cli-error';
import { ExitCode } from './exit-codes';
import { CLI_TEXTS } from './messages';

/**
 * What a verb needs of MEND_DATA_DIR before it opens the application, which would otherwise
 * create a new, empty store there — and a mistyped path would read as a store that verifies:
 * - `store`: the directory exists and, with SQLite, holds the log (every verb on a store);
 * - `directory`: the directory exists; the store in it may be new (`staff add` before the first start);
 * - `node`: with another engine the directory holds only this node's read models, made if absent
 *   (`erasure reapply` on a new node after PostgreSQL's own restore).
 * Only `serve`, `seed-demo` and `restore` make a data directory from nothing.
 */
export type DataDirUse = 'store' | 'directory' | 'node';

export function checkDataDir(config: MendConfig, use: DataDirUse): void {
  const dir = config.dataDir;
  const name = `MEND_DATA_DIR (${dir})`;
  let isDirectory: boolean;
  try {
    isDirectory = statSync(dir).isDirectory();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      if (use === 'node') return;
      throw new CliError(CLI_TEXTS.dataDirMissing(name), ExitCode.config);
    }
    throw new CliError(CLI_TEXTS.unusable(name, (error as Error).message), ExitCode.unavailable);
  }
  if (!isDirectory) throw new CliError(CLI_TEXTS.dataDirIsFile(name), ExitCode.unavailable);
  usable(dir, name, constants.R_OK | constants.W_OK | constants.X_OK);
  if (use === 'store' && config.store.engine === 'sqlite') {
    const log = join(dir, EVENTS_FILE);
    try {
      statSync(log);
    } catch {
      throw new CliError(CLI_TEXTS.noStore(name, EVENTS_FILE), ExitCode.config);
    }
    usable(log, log, constants.R_OK | constants.W_OK);
  }
}

/** Every verb on a store writes to it (an access record, a read model's checkpoint, SQLite's journal). */
function usable(path: string, name: string, mode: number): void {
  try {
    accessSync(path, mode);
  } catch (error) {
    throw new CliError(CLI_TEXTS.unusable(name, (error as Error).message), ExitCode.unavailable);
  }
}
