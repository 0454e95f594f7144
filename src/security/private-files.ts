import { chmodSync, closeSync, existsSync, mkdirSync, openSync, realpathSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { isInside } from '../config/config';

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

/**
 * Whether `path` is `dir` or lies under it, as written or once symbolic links are followed: where
 * Mend writes what must not be in the data directory (an export in clear, a backup), a link into
 * it counts as inside.
 */
export function isInsideFollowingLinks(path: string, dir: string): boolean {
  return isInside(path, dir) || isInside(realPath(path), realPath(dir));
}

/** Where a path leads once its existing part is resolved. */
function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    const parent = dirname(path);
    return parent === path ? path : join(realPath(parent), basename(path));
  }
}
