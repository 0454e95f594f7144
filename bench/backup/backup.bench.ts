import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { workflowDefinitions } from '../../workflows/registry';
import { createApp } from '../../src/app';
import { localSecret, mintLocalToken } from '../../src/auth/jwt';
import { takeBackup } from '../../src/backup/backup';
import { systemClock } from '../../src/clock/clock';
import { EVENTS_FILE } from '../../src/event-store/event-store.factory';
import { KEYS_FILE } from '../../src/privacy/key-store';
import { benchConfig, scratchDir } from '../fixtures/bench-context';
import { seedLog } from '../rebuild/rebuild.bench';
import { figure, measured, type Section } from '../report/figures';
import type { Profile } from '../profile';

const MB = 1e6;

interface Sample {
  readonly at: number;
  readonly ms: number;
  readonly ok: boolean;
}

function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;
}

/** Commands from `clients` concurrent clients, each opening one complaint after another, every answer timed. */
class CommandLoad {
  readonly samples: Sample[] = [];
  private stopped = false;
  private running: Promise<void> = Promise.resolve();

  constructor(
    private readonly baseUrl: string,
    private readonly token: string,
  ) {}

  start(clients: number): void {
    const example = workflowDefinitions.find((d) => d.name === 'complaint')!.commands.find((c) => c.type === 'ReceiveComplaint')!.example;
    const body = JSON.stringify({ workflow: 'complaint', command: 'ReceiveComplaint', data: example });
    const client = async () => {
      while (!this.stopped) {
        const started = performance.now();
        const response = await fetch(`${this.baseUrl}/cases`, {
          method: 'POST',
          headers: { authorization: `Bearer ${this.token}`, 'content-type': 'application/json' },
          body,
        });
        await response.arrayBuffer();
        this.samples.push({ at: started, ms: performance.now() - started, ok: response.status === 201 });
      }
    };
    this.running = Promise.all(Array.from({ length: clients }, client)).then(() => undefined);
  }

  /** Latencies of the commands sent within [from, to). */
  window(from: number, to: number): Sample[] {
    return this.samples.filter((s) => s.at >= from && s.at < to);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.running;
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * `mend backup` of a seeded log while Mend serves commands: its rate (MB of backup written per
 * second) against a plain copy of the same files in the same run, and the p99 of the commands sent
 * during the backup against a window of the same length just before it.
 */
export async function backupSection(profile: Profile): Promise<Section> {
  const dir = scratchDir('backup');
  const dataDir = join(dir.path, 'data');
  const env = { MEND_ERASURE_LEDGER: join(dir.path, 'ledger.jsonl'), MEND_BACKUP_KEY: randomBytes(32).toString('hex') };
  const config = benchConfig(dataDir, env);
  const app = await createApp({ config, clock: systemClock });
  let load: CommandLoad | undefined;
  try {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.getHttpServer().address();
    const baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    const token = await mintLocalToken(localSecret(dataDir).secret, { subject: 'supervisor-1', role: 'supervisor', ttlSeconds: 3600, now: new Date() });
    const seeded = await seedLog(app, profile.backup.events);

    load = new CommandLoad(baseUrl, token);
    load.start(profile.backup.clients);
    await pause(500);
    const backupRates: number[] = [];
    const copyRates: number[] = [];
    const during: number[] = [];
    const without: number[] = [];
    const counts = { during: 0, without: 0, failed: 0 };
    let backupBytes = 0;
    const steps: { snapshot: number; keys: number; hashes: number }[] = [];
    let windowMs = 2000;
    for (let run = 0; run < profile.runs; run++) {
      // Without: a window as long as the last backup, just before this one.
      const quietFrom = performance.now();
      await pause(windowMs);
      const quiet = load.window(quietFrom, performance.now());

      const started = performance.now();
      const result = await takeBackup(config, join(dir.path, `backup-${run}`));
      const ended = performance.now();
      windowMs = Math.max(500, ended - started);
      const busy = load.window(started, ended);
      backupRates.push(result.bytes / MB / ((ended - started) / 1000));
      backupBytes = result.bytes;
      steps.push(result.steps);

      // The same files as they lie on disk, copied while Mend serves (a copy that could be torn: the baseline, not a backup).
      const copyDir = join(dir.path, `copy-${run}`);
      mkdirSync(copyDir);
      const files = [EVENTS_FILE, `${EVENTS_FILE}-wal`, KEYS_FILE].filter((f) => existsSync(join(dataDir, f)));
      const copyStarted = performance.now();
      for (const file of files) copyFileSync(join(dataDir, file), join(copyDir, file));
      const copyMs = performance.now() - copyStarted;
      const copied = files.reduce((sum, f) => sum + statSync(join(copyDir, f)).size, 0);
      copyRates.push(copied / MB / (copyMs / 1000));

      const okMs = (samples: Sample[]) => samples.filter((s) => s.ok).map((s) => s.ms);
      during.push(percentile(okMs(busy), 0.99));
      without.push(percentile(okMs(quiet), 0.99));
      counts.during += busy.length;
      counts.without += quiet.length;
      counts.failed += busy.filter((s) => !s.ok).length + quiet.filter((s) => !s.ok).length;
      rmSync(join(dir.path, `backup-${run}`), { recursive: true, force: true });
      rmSync(copyDir, { recursive: true, force: true });
    }
    await load.stop();
    return {
      id: 'backup',
      title: `Backup of a ${seeded.events.toLocaleString('en-US')}-event log while serving commands`,
      figures: [
        figure({
          label: 'mend backup while serving',
          unit: 'MB/s',
          mend: measured(backupRates),
          baseline: { ...measured(copyRates), label: 'plain copy of events.sqlite(-wal) and keys.sqlite, same run, while serving' },
          details: { backupMB: backupBytes / MB, stepSeconds: steps },
        }),
        figure({
          label: 'command p99 during the backup',
          unit: 'ms',
          better: 'lower',
          mend: measured(during),
          baseline: { ...measured(without), label: 'command p99 in a window as long, just before' },
          details: counts,
        }),
      ],
      notes: [
        `Seeded with complaint histories copied under fresh ids (as the rebuild section). The backup is takeBackup, what \`mend backup\` runs: VACUUM INTO, sha256 and fsync of the snapshot in a worker thread; the key store read and encrypted; the small files hashed and synced; the manifest written; the directory renamed into place and synced. Its rate is the MB it writes per second (stepSeconds in the report splits it); the copy's is the MB it copies, into the page cache, never synced.`,
        `${profile.backup.clients} clients send ReceiveComplaint over HTTP to the same process the whole time (app, load generator and backup share the process and its cores; the snapshot's worker thread is the only other thread). ${counts.failed} commands failed.`,
      ],
    };
  } finally {
    await load?.stop();
    await app.close();
    dir.remove();
  }
}
