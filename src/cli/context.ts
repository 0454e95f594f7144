import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../app.module';
import { systemClock } from '../clock/clock';
import type { MendConfig } from '../config/config';
import { EventStoreUnavailableError } from '../event-store/event-store';
import { cliConfig } from './cli-config';
import { ExitCode } from './exit-codes';
import { CliError } from './cli-error';

/**
 * Runs a CLI verb inside Mend's application context (the same modules as the server, no HTTP and
 * no background work), then closes it, store included.
 */
export async function withContext<T>(work: (context: INestApplicationContext, config: MendConfig) => Promise<T>): Promise<T> {
  return withContextOf(cliConfig(), work);
}

/** The same, on a given configuration (e.g. a restore working in its staging directory). */
export async function withContextOf<T>(config: MendConfig, work: (context: INestApplicationContext, config: MendConfig) => Promise<T>): Promise<T> {
  let context: INestApplicationContext;
  try {
    context = await NestFactory.createApplicationContext(
      AppModule.forRoot({ config: { ...config, log: { ...config.log, level: 'silent' } }, clock: systemClock, mode: 'cli' }),
      { logger: false, abortOnError: false },
    );
  } catch (error) {
    if (error instanceof EventStoreUnavailableError) throw new CliError(error.message, ExitCode.unavailable);
    throw error;
  }
  try {
    return await work(context, config);
  } finally {
    await context.close();
  }
}
