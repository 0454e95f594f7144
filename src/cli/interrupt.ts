import { randomBytes } from 'node:crypto';
import { readdirSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Bilingual } from '../../domain/validation';
import { cliLanguage } from '../config/language';
import { CLI_TEXTS } from './messages';

/** What stops a command: `kill`, `timeout`, `systemctl stop` (TERM), Ctrl-C (INT), a closed terminal (HUP). */
const STOPPING: readonly NodeJS.Signals[] = ['SIGTERM', 'SIGINT', 'SIGHUP'];

/**
 * Until `release` is called, a signal that stops the process first removes `dir` (work staged
 * beside its destination: a backup or a restore not yet renamed into place), says so on stderr,
 * then lets the signal end the process as it would have. Nothing half-written stays behind.
 */
export function removedIfStopped(dir: string, what: string | Bilingual): { release(): void } {
  const stop = (signal: NodeJS.Signals) => {
    release();
    rmSync(dir, { recursive: true, force: true });
    const language = cliLanguage();
    process.stderr.write(`mend: ${CLI_TEXTS.stopped(signal, typeof what === 'string' ? what : what[language])[language]}\n`);
    process.kill(process.pid, signal);
  };
  const release = () => {
    for (const signal of STOPPING) process.off(signal, stop);
  };
  for (const signal of STOPPING) process.on(signal, stop);
  return { release };
}

/** What a staging directory holds: a restore's (`restoring`) or a backup's (`partial`). */
export type StagingKind = 'restoring' | 'partial';

/**
 * Where to stage work for `dest`: beside it, `.<name>.<kind>-<pid>-<random>`. The process id tells
 * a directory still in use from one left by a process killed outright (SIGKILL, a power cut), which
 * no signal handler could remove.
 */
export function stagingDirFor(dest: string, kind: StagingKind): string {
  return join(dirname(dest), `.${basename(dest)}.${kind}-${process.pid}-${randomBytes(4).toString('hex')}`);
}

/**
 * Removes what killed processes staged for `dest` and returns their paths: a restore's held the
 * personal-data keys in clear, which no erasure made since could reach. A directory whose process
 * still runs is left; one named without a process id (staged by an earlier version) is removed.
 */
export function removeAbandonedStaging(dest: string, kind: StagingKind): string[] {
  const prefix = `.${basename(dest)}.${kind}-`;
  let names: string[];
  try {
    names = readdirSync(dirname(dest));
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const pid = /^(\d+)-[0-9a-f]+$/.exec(name.slice(prefix.length))?.[1];
    if (pid !== undefined && Number(pid) !== process.pid && running(Number(pid))) continue;
    const path = join(dirname(dest), name);
    rmSync(path, { recursive: true, force: true });
    removed.push(path);
  }
  return removed;
}

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
