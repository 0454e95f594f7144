import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';

/** Owner-only: the data directory holds case content, keys and the token secret. */
const PRIVATE_DIR = 0o700;
const PRIVATE_FILE = 0o600;

/** Creates a directory (and its missing parents) readable by its owner only; an existing one is left as it is. */
export function ensurePrivateDir(dir: string): void {
  if (!existsSync(dir)) mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR });
}

/**
 * Prepares a SQLite file before it is opened: its directory private, the file created (or
 * tightened) owner-only. SQLite gives the -wal and -shm files it creates the database file's
 * mode; those an older version left behind are tightened too.
 */
export function privateDatabaseFile(filename: string): void {
  if (filename === ':memory:') return;
  ensurePrivateDir(dirname(filename));
  closeSync(openSync(filename, 'a', PRIVATE_FILE));
  for (const file of [filename, `${filename}-wal`, `${filename}-shm`]) {
    if (existsSync(file)) chmodSync(file, PRIVATE_FILE);
  }
}
