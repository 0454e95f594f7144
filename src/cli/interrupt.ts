import { rmSync } from 'node:fs';

/** What stops a command: `kill`, `timeout`, `systemctl stop` (TERM), Ctrl-C (INT), a closed terminal (HUP). */
const STOPPING: readonly NodeJS.Signals[] = ['SIGTERM', 'SIGINT', 'SIGHUP'];

/**
 * Until `release` is called, a signal that stops the process first removes `dir` (work staged
 * beside its destination: a backup or a restore not yet renamed into place), says so on stderr,
 * then lets the signal end the process as it would have. Nothing half-written stays behind.
 */
export function removedIfStopped(dir: string, what: string): { release(): void } {
  const stop = (signal: NodeJS.Signals) => {
    release();
    rmSync(dir, { recursive: true, force: true });
    process.stderr.write(`mend: stopped by ${signal}: ${what}\n`);
    process.kill(process.pid, signal);
  };
  const release = () => {
    for (const signal of STOPPING) process.off(signal, stop);
  };
  for (const signal of STOPPING) process.on(signal, stop);
  return { release };
}
