import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { CliError } from '../cli/cli-error';
import { cliConfig } from '../cli/cli-config';
import { withContext } from '../cli/context';
import { ExitCode } from '../cli/exit-codes';
import { progress, type Progress } from '../cli/progress';
import { NO_LEDGER_WARNING } from '../privacy/erasure-ledger';
import { ErasureService } from '../privacy/erasure.service';
import { takeBackup } from './backup';
import { BackupError, readErasureLedger } from './backup-files';
import { restoreBackup } from './restore';

const EXIT_BY_KIND: Record<BackupError['kind'], number> = {
  damaged: ExitCode.dataError,
  config: ExitCode.config,
  target: ExitCode.cannotCreate,
  chain: ExitCode.dataError,
  unavailable: ExitCode.unavailable,
};

async function reporting<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof BackupError) throw new CliError(error.message, EXIT_BY_KIND[error.kind]);
    throw error;
  }
}

/** One progress bar per step, in KiB or events. */
function steps(): { update(step: string, done: number, total: number, unit: string): void; stop(): void } {
  let current: { step: string; bar: Progress } | undefined;
  return {
    update(step, done, total, unit) {
      if (current?.step !== step) {
        current?.bar.stop();
        current = { step, bar: progress(step, unit) };
      }
      current.bar.update(done, total);
    },
    stop: () => current?.bar.stop(),
  };
}

const KIB = 1024;

/** `mend backup <dir>`. */
export async function backupCommand(dir: string): Promise<void> {
  const config = cliConfig();
  if (!config.erasureLedger) console.error(NO_LEDGER_WARNING);
  const bars = steps();
  const result = await reporting(() =>
    takeBackup(config, dir, (p) =>
      p.step === 'keys' ? bars.update('key store', p.done, p.total, 'files') : bars.update(p.step === 'log' ? 'snapshot of the log' : 'sha256', Math.round(p.done / KIB), Math.round(p.total / KIB), 'KiB'),
    ),
  ).finally(() => bars.stop());
  const m = result.manifest;
  for (const path of result.abandonedRemoved) console.error(`Removed ${path}: a backup killed before it finished had staged it.`);
  console.log(
    `Backup written to ${result.dir}: ${m.eventCount ?? 'log held by the engine,'} events up to position ${m.headPosition}, ${m.keyStore.subjects} keys (encrypted), ` +
      `${(result.bytes / 1024 / 1024).toFixed(1)} MiB in ${result.seconds.toFixed(1)} s; signed audit checkpoint: ${m.auditCheckpoint === null ? 'none' : `${m.auditCheckpoint.sequence} at position ${m.auditCheckpoint.position}, digest ${m.auditCheckpoint.digest}`}; ` +
      `erasure ledger: ${m.erasureLedger.configured ? entries(m.erasureLedger.entries) : 'NOT CONFIGURED'}.`,
  );
  if (m.store !== 'sqlite') console.log(`The ${m.store} log itself is not in this backup: back it up with the engine's own tool (docs/operations.md).`);
}

/** `mend restore <dir>`. */
export async function restoreCommand(dir: string, options: { withoutLedger?: boolean }): Promise<void> {
  const config = cliConfig();
  if (!config.erasureLedger) console.error(NO_LEDGER_WARNING);
  const bars = steps();
  const report = await reporting(() =>
    restoreBackup(config, dir, {
      withoutLedger: options.withoutLedger ?? false,
      onProgress: (p) =>
        p.step === 'hashes'
          ? bars.update('check sha256', Math.round(p.done / KIB), Math.round(p.total / KIB), 'KiB')
          : bars.update(p.step === 'verify' ? 'verify hash chain' : `rebuild ${p.label}`, p.done, p.total, 'events'),
    }),
  ).finally(() => bars.stop());
  const m = report.manifest;
  for (const path of report.abandonedRemoved) {
    console.error(`Removed ${path}: a restore killed before it finished had staged it, the personal-data keys in clear among it.`);
  }
  warnOfTornLines(report.ledger.tornLines);
  console.log(
    `Restored the backup taken at ${m.takenAt} (Mend ${m.mendVersion}, position ${m.headPosition}) into ${report.dataDir}.\n` +
      (m.auditCheckpoint ? `Latest signed audit checkpoint in it: ${m.auditCheckpoint.sequence} at position ${m.auditCheckpoint.position}, digest ${m.auditCheckpoint.digest} (compare with the published one).\n` : '') +
      `Erasure ledger: ${report.ledger.configured ? `${entries(report.ledger.entries)}, ${erasures(report.ledger.reapplied)} made after the backup re-applied` : 'not configured (erasures made after the backup are NOT re-applied)'}.\n` +
      `Hash chain verified: ${report.verifiedEvents} events. Read models rebuilt: ${report.rebuilt.map((r) => `${r.name} (${r.events} events)`).join(', ')}.\n` +
      'Start Mend as usual.',
  );
}

/**
 * `mend erasure reapply [ledgers...]`: this node's ledger, or those named — where several nodes
 * share one store each writes its own, and a restored store needs every one of them.
 */
export async function reapplyCommand(ledgers: readonly string[] = []): Promise<void> {
  const config = cliConfig();
  if (ledgers.length === 0 && !config.erasureLedger) throw new CliError(NO_LEDGER_WARNING, ExitCode.config);
  const paths = ledgers.length > 0 ? ledgers.map((ledger) => resolve(ledger)) : [config.erasureLedger!];
  // A ledger named on the command line that is not there is a wrong argument: said before any is re-applied.
  const absent = ledgers.length > 0 ? paths.filter((path) => !existsSync(path)) : [];
  if (absent.length > 0) throw new CliError(`No erasure ledger at ${absent.join(', ')}: name each node's ledger file; nothing was re-applied.`, ExitCode.usage);
  const entries = await reporting(async () =>
    paths.flatMap((path) => {
      const read = readErasureLedger(path);
      warnOfTornLines(read.tornLines, paths.length > 1 ? path : undefined);
      return read.entries;
    }),
  );
  // With the log and the keys in another engine, the data directory holds only this node's read models.
  const local = config.store.engine === 'sqlite' || config.keyStore.engine === 'sqlite';
  const reapplied = await withContext(async (context) => {
    const service = context.get(ErasureService);
    let count = 0;
    for (const entry of entries) if ((await service.reapply(entry)).recorded) count += 1;
    return count;
  }, local ? 'store' : 'node');
  const where = paths.length === 1 ? 'the ledger' : `${paths.length} ledgers`;
  console.log(`${erasures(entries.length)} in ${where}; ${reapplied} ${reapplied === 1 ? 'was' : 'were'} missing from the store and ${reapplied === 1 ? 'is' : 'are'} now re-applied.`);
}

function warnOfTornLines(lines: readonly number[], ledger?: string): void {
  if (lines.length === 0) return;
  console.error(
    `The erasure ledger${ledger ? ` ${ledger}` : ''} has lines cut short by a crash during an append (line ${lines.join(', ')}): skipped, those erasures had not taken effect.`,
  );
}

const entries = (n: number) => `${n} ${n === 1 ? 'entry' : 'entries'}`;
const erasures = (n: number) => `${n} ${n === 1 ? 'erasure' : 'erasures'}`;
