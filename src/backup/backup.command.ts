import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { CliError } from '../cli/cli-error';
import { cliConfig } from '../cli/cli-config';
import { withContext } from '../cli/context';
import { ExitCode } from '../cli/exit-codes';
import { progress, type Progress } from '../cli/progress';
import { cliLanguage } from '../config/language';
import { CLI_TEXTS } from '../cli/messages';
import { NO_LEDGER_TEXTS } from '../privacy/erasure-ledger';
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
    if (error instanceof BackupError) throw new CliError(error.texts, EXIT_BY_KIND[error.kind]);
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
  const language = cliLanguage();
  if (!config.erasureLedger) console.error(NO_LEDGER_TEXTS[language]);
  const bars = steps();
  const kib = language === 'fr' ? 'Kio' : 'KiB';
  const result = await reporting(() =>
    takeBackup(config, dir, (p) =>
      p.step === 'keys'
        ? bars.update(CLI_TEXTS.stepKeyStore[language], p.done, p.total, CLI_TEXTS.unitFiles[language])
        : bars.update(p.step === 'log' ? CLI_TEXTS.stepLogSnapshot[language] : 'sha256', Math.round(p.done / KIB), Math.round(p.total / KIB), kib),
    ),
  ).finally(() => bars.stop());
  const m = result.manifest;
  for (const path of result.abandonedRemoved) console.error(CLI_TEXTS.stagedBackupRemoved(path)[language]);
  const checkpoint = m.auditCheckpoint;
  console.log(
    CLI_TEXTS.backupWritten({
      dir: result.dir,
      events: m.eventCount === null || m.eventCount === undefined ? CLI_TEXTS.logHeldByEngine[language] : String(m.eventCount),
      position: m.headPosition,
      keys: m.keyStore.subjects,
      mib: (result.bytes / 1024 / 1024).toFixed(1),
      seconds: result.seconds.toFixed(1),
      checkpoint: checkpoint === null ? CLI_TEXTS.none[language] : CLI_TEXTS.checkpointAt(checkpoint.sequence, checkpoint.position, checkpoint.digest)[language],
      ledger: m.erasureLedger.configured ? CLI_TEXTS.ledgerEntries(m.erasureLedger.entries)[language] : CLI_TEXTS.notConfiguredUpper[language],
    })[language],
  );
  if (m.store !== 'sqlite') console.log(CLI_TEXTS.logNotInBackup(m.store)[language]);
}

/** `mend restore <dir>`. */
export async function restoreCommand(dir: string, options: { withoutLedger?: boolean }): Promise<void> {
  const config = cliConfig();
  const language = cliLanguage();
  if (!config.erasureLedger) console.error(NO_LEDGER_TEXTS[language]);
  const bars = steps();
  const report = await reporting(() =>
    restoreBackup(config, dir, {
      withoutLedger: options.withoutLedger ?? false,
      onProgress: (p) =>
        p.step === 'hashes'
          ? bars.update(CLI_TEXTS.stepCheckSha256[language], Math.round(p.done / KIB), Math.round(p.total / KIB), language === 'fr' ? 'Kio' : 'KiB')
          : bars.update(p.step === 'verify' ? CLI_TEXTS.stepVerifyChain[language] : CLI_TEXTS.stepRebuild(p.label ?? '')[language], p.done, p.total, CLI_TEXTS.progressUnit[language]),
    }),
  ).finally(() => bars.stop());
  const m = report.manifest;
  for (const path of report.abandonedRemoved) console.error(CLI_TEXTS.stagedRestoreRemoved(path)[language]);
  warnOfTornLines(report.ledger.tornLines);
  const checkpoint = m.auditCheckpoint;
  const lines = [
    CLI_TEXTS.restored({ takenAt: m.takenAt, version: m.mendVersion, position: m.headPosition, dataDir: report.dataDir }),
    ...(checkpoint ? [CLI_TEXTS.restoredCheckpoint(CLI_TEXTS.checkpointAt(checkpoint.sequence, checkpoint.position, checkpoint.digest)[language])] : []),
    report.ledger.configured
      ? CLI_TEXTS.restoredLedger(CLI_TEXTS.ledgerEntries(report.ledger.entries)[language], CLI_TEXTS.erasuresCount(report.ledger.reapplied)[language])
      : CLI_TEXTS.restoredWithoutLedger,
    CLI_TEXTS.restoredVerified(report.verifiedEvents, report.rebuilt.map((r) => CLI_TEXTS.rebuiltModel(r.name, r.events)[language]).join(', ')),
    CLI_TEXTS.startAsUsual,
  ];
  console.log(lines.map((line) => line[language]).join('\n'));
}

/**
 * `mend erasure reapply [ledgers...]`: this node's ledger, or those named — where several nodes
 * share one store each writes its own, and a restored store needs every one of them.
 */
export async function reapplyCommand(ledgers: readonly string[] = []): Promise<void> {
  const config = cliConfig();
  if (ledgers.length === 0 && !config.erasureLedger) throw new CliError(NO_LEDGER_TEXTS, ExitCode.config);
  const paths = ledgers.length > 0 ? ledgers.map((ledger) => resolve(ledger)) : [config.erasureLedger!];
  // A ledger named on the command line that is not there is a wrong argument: said before any is re-applied.
  const absent = ledgers.length > 0 ? paths.filter((path) => !existsSync(path)) : [];
  if (absent.length > 0) throw new CliError(CLI_TEXTS.noLedgerAt(absent.join(', ')), ExitCode.usage);
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
  const language = cliLanguage();
  const where = paths.length === 1 ? CLI_TEXTS.theLedger : CLI_TEXTS.ledgersCount(paths.length);
  console.log(CLI_TEXTS.reapplied(CLI_TEXTS.erasuresCount(entries.length)[language], where[language], reapplied)[language]);
}

function warnOfTornLines(lines: readonly number[], ledger?: string): void {
  if (lines.length === 0) return;
  console.error(CLI_TEXTS.tornLedgerLines(ledger ? ` ${ledger}` : '', lines.join(', '))[cliLanguage()]);
}
