import { NestFactory } from '@nestjs/core';
import type { PersonRole } from '../../domain/roles';
import { AppModule } from '../app.module';
import { localSecret, mintLocalToken } from '../auth/jwt';
import { clockStartingAt, ManualClock, systemClock, type Clock } from '../clock/clock';
import type { MendConfig } from '../config/config';
import { EventStoreUnavailableError, type EventStore } from '../event-store/event-store';
import { createEventStore } from '../event-store/event-store.factory';
import { demoStaff } from '../../domain/demo';
import { DemoSeedFailed, seedDemo, type SeedResult } from '../demo/demo-seeder';
import { demoSummary } from '../demo/demo-summary';
import { CliError } from './cli-error';
import { cliConfig } from './cli-config';
import { ExitCode } from './exit-codes';
import { cliLanguage } from '../config/language';
import { CLI_TEXTS } from './messages';

const TOKEN_TTL_SECONDS = 8 * 3600;

/** `mend seed-demo`: loads the demo into an empty store, then prints a summary and tokens. */
export async function seedDemoCommand(): Promise<void> {
  const config = cliConfig();
  // On a drill's clock (MEND_CLOCK_START) the log records on it too, as the service started on it will.
  const recording = config.clockStart ? clockStartingAt(new Date(config.clockStart)) : systemClock;
  const present = recording.now();
  const store = await openEmptyStore(config, recording);
  const result = await seed(config, store, present);
  for (const line of demoSummary(result, config.dataDir, cliLanguage())) console.log(line);
  console.log('');
  for (const line of await tokenLines(config)) console.log(line);
}

async function openEmptyStore(config: MendConfig, recording: Clock): Promise<EventStore> {
  let store: EventStore;
  try {
    // Recorded times are the service's now; business times (occurredAt) are the demo's, over the months before it.
    store = await createEventStore(config, recording);
  } catch (error) {
    if (error instanceof EventStoreUnavailableError) throw new CliError(error.message, ExitCode.unavailable);
    throw error;
  }
  const head = await store.headPosition();
  if (head > 0) {
    await store.close();
    throw new CliError(CLI_TEXTS.storeNotEmpty(config.dataDir, head), ExitCode.dataError);
  }
  return store;
}

async function seed(config: MendConfig, store: EventStore, present: Date): Promise<SeedResult> {
  const clock = new ManualClock(present);
  const context = await NestFactory.createApplicationContext(
    AppModule.forRoot({ config: { ...config, log: { ...config.log, level: 'silent' } }, clock, store, mode: 'cli' }),
    { logger: false, abortOnError: false },
  );
  try {
    return await seedDemo(context, clock, present, config.settings);
  } catch (error) {
    if (error instanceof DemoSeedFailed) throw new CliError(error.message, ExitCode.software);
    throw error;
  } finally {
    await context.close();
  }
}

async function tokenLines(config: MendConfig): Promise<string[]> {
  const language = cliLanguage();
  if (config.auth.jwksUrl) return [CLI_TEXTS.oidcTokens[language]];
  const { secret } = localSecret(config.dataDir, config.auth.secret);
  const people: [string, string, PersonRole][] = [
    ['SUPERVISOR', demoStaff.supervisor.id, 'supervisor'],
    ['PRACTITIONER', demoStaff.practitioners[0].id, 'practitioner'],
    ['RJU', demoStaff.rju.id, 'rju'],
    ['MEDIATOR', demoStaff.mediators[0].id, 'mediator'],
    ['AUDITOR', demoStaff.auditor.id, 'auditor'],
    ['RO_AUDITOR', demoStaff.roAuditor.id, 'roAuditor'],
    ['ADMIN', demoStaff.admin.id, 'admin'],
  ];
  const lines = [CLI_TEXTS.tokensToTry(TOKEN_TTL_SECONDS / 3600)[language]];
  for (const [name, subject, role] of people) {
    lines.push(`  export ${name}=${await mintLocalToken(secret, { subject, role, ttlSeconds: TOKEN_TTL_SECONDS })}  # ${subject}`);
  }
  const base = `http://${config.host}:${config.port}`;
  lines.push(
    CLI_TEXTS.thenTry(`curl -H "Authorization: Bearer $SUPERVISOR" '${base}/sla/clocks?status=breached'`)[language],
    `  curl -H "Authorization: Bearer $PRACTITIONER" '${base}/cases?assignee=${demoStaff.practitioners[0].id}'`,
  );
  return lines;
}
