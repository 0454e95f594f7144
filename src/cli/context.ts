import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DomainError } from '../../domain/errors';
import { AppModule } from '../app.module';
import { clockStartingAt, systemClock } from '../clock/clock';
import { ConfigError, type MendConfig } from '../config/config';
import { EVENT_STORE, EventStoreUnavailableError, type EventStore } from '../event-store/event-store';
import { ErasureLedgerError } from '../privacy/erasure-ledger';
import { checkAuditKeyFiles, cliConfig } from './cli-config';
import { CliError } from './cli-error';
import { checkDataDir, type DataDirUse } from './data-dir';
import { ExitCode, exitCodeOf } from './exit-codes';

/**
 * Runs a CLI verb inside Mend's application context (the same modules as the server, no HTTP and
 * no background work), then closes it, store included. The data directory must hold a store unless
 * the verb says otherwise (`use`): nothing is created in a mistyped one.
 */
export async function withContext<T>(work: (context: INestApplicationContext, config: MendConfig) => Promise<T>, use: DataDirUse = 'store'): Promise<T> {
  const config = cliConfig();
  checkDataDir(config, use);
  return withContextOf(config, work);
}

/**
 * The same, on a given configuration (e.g. a restore working in its staging directory). What the
 * application refuses — a domain error, an erasure ledger or a store it cannot use — ends the verb
 * in one line with its exit code.
 */
export async function withContextOf<T>(config: MendConfig, work: (context: INestApplicationContext, config: MendConfig) => Promise<T>): Promise<T> {
  checkAuditKeyFiles(config);
  // A drill's or a demo's log (MEND_CLOCK_START) is recorded on the service's clock, as the server
  // (src/main.ts) sets it: from the log's last record. On the wall clock, a verb run on a drill's
  // log would record months ahead of it, and the server started next would breach every clock.
  const drill = config.clockStart ? clockStartingAt(new Date(config.clockStart)) : undefined;
  const clock = drill ?? systemClock;
  let context: INestApplicationContext;
  try {
    context = await NestFactory.createApplicationContext(
      AppModule.forRoot({ config: { ...config, log: { ...config.log, level: 'silent' } }, clock, mode: 'cli' }),
      { logger: false, abortOnError: false },
    );
  } catch (error) {
    throw asCliError(error);
  }
  try {
    if (drill) {
      const [last] = await context.get<EventStore>(EVENT_STORE).readAll({ direction: 'backwards', maxCount: 1 });
      if (last) drill.catchUp(new Date(last.recordedAt));
    }
    return await work(context, config);
  } catch (error) {
    throw asCliError(error);
  } finally {
    await context.close();
  }
}

function asCliError(error: unknown): unknown {
  // An audit key that is missing or cannot be used is configuration to fix, not a wrong argument.
  if (error instanceof DomainError) {
    return new CliError({ en: error.messageIn('en'), fr: error.messageIn('fr') }, error.code.startsWith('AUDIT.KEY_') ? ExitCode.config : exitCodeOf(error.kind));
  }
  if (error instanceof EventStoreUnavailableError) return new CliError(error.message, ExitCode.unavailable);
  if (error instanceof ErasureLedgerError) return new CliError(error.texts, ledgerExitCode(error));
  // Found only once the store opens: read models built from another log.
  if (error instanceof ConfigError) return new CliError(error.texts(), ExitCode.config);
  return error;
}

/** A damaged ledger is wrong data (65); a configured one that is missing, a configuration to fix (78); one that cannot be read or written, unavailable (69). */
function ledgerExitCode(error: ErasureLedgerError): number {
  return error.kind === 'damaged' ? ExitCode.dataError : error.kind === 'missing' ? ExitCode.config : ExitCode.unavailable;
}
