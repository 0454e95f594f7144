import 'reflect-metadata';
import { clockStartingAt, systemClock, type Clock } from './clock/clock';
import { checkLogIdentity, createEventStore } from './event-store/event-store.factory';
import { ConfigError, loadConfig, unsharedKeysWarning, type MendConfig } from './config/config';
import { EVENT_STORE, type EventStore } from './event-store/event-store';
import { NO_LEDGER_WARNING } from './privacy/erasure-ledger';
import { createApp } from './app';
import { logsPretty } from './logging/logging';
import { operatorLanguage } from './config/language';

/** EX_CONFIG from sysexits: the configuration is wrong. */
const EXIT_CONFIG = 78;

export async function serve(config: MendConfig): Promise<void> {
  // Before the application starts: a data directory built from another log is configuration to fix, said in one line.
  checkLogIdentity(config);
  const { clock, store } = await serviceClock(config);
  const app = await createApp({ config, clock, ...(store ? { store } : {}) });
  await app.listen({ port: config.port, host: config.host });
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const empty = (await app.get<EventStore>(EVENT_STORE).headPosition()) === 0;
  announce(config, `Mend is serving on http://${config.host}:${port} (store: ${config.store.engine}, data: ${config.dataDir}). API docs: /docs`);
  if (!config.erasureLedger) console.warn(NO_LEDGER_WARNING);
  const keys = unsharedKeysWarning(config, operatorLanguage(process.env));
  if (keys) console.warn(keys);
  const untranslated = config.settings.escalationChain.filter((level) => level.titleFr === undefined).map((level) => level.title);
  if (untranslated.length > 0) {
    console.warn(`MEND_ESCALATION_CHAIN gives no French title for ${untranslated.map((t) => `"${t}"`).join(', ')}: French readers see it in English. Write "English | Français".`);
  }
  if (empty) announce(config, 'The store is empty. For demo cases: stop Mend, run `npx mend seed-demo` (same MEND_DATA_DIR), start again.');
}

/**
 * The service's clock: the system's, or for a drill or a demo (`MEND_CLOCK_START`) one that starts
 * there, moved on to the log's last record if it is behind it (the drill started again on the
 * same log, the demo seeded on its clock), so that recorded time never runs backwards. The store it
 * read that from is the one the service then uses.
 */
async function serviceClock(config: MendConfig): Promise<{ clock: Clock; store?: EventStore }> {
  if (!config.clockStart) return { clock: systemClock };
  const clock = clockStartingAt(new Date(config.clockStart));
  const store = await createEventStore(config, clock);
  const [last] = await store.readAll({ direction: 'backwards', maxCount: 1 });
  if (last) clock.catchUp(new Date(last.recordedAt));
  return { clock, store };
}

/**
 * A line of the start-up, whatever the log level: as the logs write (a JSON line, pino's shape, so
 * that a log shipper reading stdout meets nothing else), or as it is on a terminal.
 */
function announce(config: MendConfig, message: string): void {
  console.log(logsPretty(config) ? message : JSON.stringify({ level: 30, time: Date.now(), pid: process.pid, msg: message }));
}

function readConfig(): MendConfig {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.textIn(operatorLanguage(process.env)));
      process.exit(EXIT_CONFIG);
    }
    throw error;
  }
}

if (require.main === module) {
  serve(readConfig()).catch((error: unknown) => {
    if (error instanceof ConfigError) {
      console.error(error.textIn(operatorLanguage(process.env)));
      process.exit(EXIT_CONFIG);
    }
    console.error('Mend failed to start:', error);
    process.exit(1);
  });
}
