import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { processCommand } from '../../domain/process';
import { AppModule } from '../../src/app.module';
import { CaseRepository, type LoadedCase } from '../../src/cases/case-repository';
import { systemClock, type Clock } from '../../src/clock/clock';
import { loadConfig } from '../../src/config/config';
import { CaseDriver, decideContext } from './case-driver';
import type { Random } from './random';

export interface WrittenCases {
  readonly caseIds: string[];
  readonly commands: number;
  readonly events: number;
}

/**
 * Writes realistic case histories straight through Mend's case repository (the same metadata, hash
 * chain and personal-data sealing as the command handler; no HTTP, no authorisation), many cases at
 * once so that the store group-commits them. For filling a store fast.
 */
export async function writeCases(
  context: Pick<INestApplicationContext, 'get'>,
  options: { readonly random: Random; readonly cases: number; readonly commandsPerCase?: number; readonly clock?: Clock; readonly concurrency?: number },
): Promise<WrittenCases> {
  const repository = context.get(CaseRepository);
  const driver = new CaseDriver(options.random);
  const clock = options.clock ?? systemClock;
  const limit = options.commandsPerCase ?? 12;
  const caseIds: string[] = [];
  let commands = 0;
  let events = 0;

  const writeOne = async () => {
    const { definition, planned: opening } = driver.open();
    let loaded: LoadedCase = repository.fresh(definition, options.random.uuid());
    let planned: typeof opening | undefined = opening;
    for (let n = 0; planned && n < limit; n++) {
      const ctx = decideContext(clock.now(), planned.actor);
      const decision = processCommand(definition, loaded.state, { type: planned.command, data: planned.data }, ctx);
      ({ loaded } = await repository.append(loaded, decision.events, decision.state, ctx, { correlationId: `writer-${commands}`, causationId: `writer-${commands}` }));
      commands += 1;
      events += decision.events.length;
      planned = driver.next(definition, loaded.state, clock.now());
    }
    caseIds.push(loaded.caseId);
  };

  const concurrency = options.concurrency ?? 200;
  for (let done = 0; done < options.cases; done += concurrency) {
    await Promise.all(Array.from({ length: Math.min(concurrency, options.cases - done) }, writeOne));
  }
  return { caseIds, commands, events };
}

/** Mend's application context on a data directory, as the CLI runs it: no HTTP, no background work. */
export async function cliContext(dataDir: string, env: Record<string, string> = {}): Promise<INestApplicationContext> {
  const config = loadConfig({ MEND_DATA_DIR: dataDir, MEND_LOG_LEVEL: 'silent', MEND_SCHEDULER: 'off', ...env });
  return NestFactory.createApplicationContext(AppModule.forRoot({ config, clock: systemClock, mode: 'cli' }), { logger: false, abortOnError: false });
}
