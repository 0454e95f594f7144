import { cpus, freemem, loadavg, platform, release, tmpdir, totalmem } from 'node:os';

export interface Machine {
  readonly cpu: string;
  readonly cores: number;
  readonly memoryGiB: number;
  readonly freeMemoryGiB: number;
  readonly node: string;
  readonly os: string;
  /** Where the benchmark's SQLite files live: its disk sets the sync rate. */
  readonly tmpdir: string;
  /** The 1-minute load average when the run began: the cores are shared, and a busy machine moves every figure. */
  readonly loadAverage: number;
}

export function describeMachine(): Machine {
  const gib = (bytes: number) => Math.round((bytes / 2 ** 30) * 10) / 10;
  return {
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    cores: cpus().length,
    memoryGiB: gib(totalmem()),
    freeMemoryGiB: gib(freemem()),
    node: process.version,
    os: `${platform()} ${release()}`,
    tmpdir: tmpdir(),
    loadAverage: Math.round(loadavg()[0]! * 100) / 100,
  };
}
