import { Global, Module, type DynamicModule } from '@nestjs/common';
import { createCalendarProvider } from '../../domain/calendar';
import type { AnyWorkflowDefinition } from '../../domain/workflow';
import { workflowDefinitions } from '../../workflows/registry';
import { TOKEN_VERIFIER } from '../auth/auth.guard';
import { jwksVerifier, localSecret, localVerifier } from '../auth/jwt';
import { CaseRepository } from '../cases/case-repository';
import { CaseReferences } from '../cases/case-references';
import { CaseViews } from '../cases/case-views';
import { CLOCK, type Clock } from '../clock/clock';
import { MEND_CONFIG, type MendConfig } from '../config/config';
import { ChainedStreamWriter } from '../event-store/chained-stream-writer';
import { EVENT_STORE, type EventStore } from '../event-store/event-store';
import { createEventStore } from '../event-store/event-store.factory';
import { EventStoreLifecycle } from '../event-store/event-store.lifecycle';
import { createKeyStore } from '../privacy/key-store.factory';
import { ERASURE_LEDGER, ErasureLedger } from '../privacy/erasure-ledger';
import { KeyStoreLifecycle } from '../privacy/key-store.lifecycle';
import { KEY_STORE, PersonalDataCodec } from '../privacy/personal-data.codec';
import { CALENDARS, SETTINGS } from '../workflows/tokens';
import { WorkflowRegistry } from '../workflows/workflow-registry';

export interface CoreOptions {
  readonly config: MendConfig;
  readonly clock: Clock;
  /** An already open store (the CLI and tests); otherwise the configured engine is opened. */
  readonly store?: EventStore;
  /**
   * `server` runs the background work (projections, the SLA scheduler); `cli` is a one-shot
   * command that must not start them. Default: server.
   */
  readonly mode?: RunMode;
  /** The workflows this instance runs; default: every workflow of workflows/registry.ts. Tests add a fixture workflow here. */
  readonly workflows?: readonly AnyWorkflowDefinition[];
}

export type RunMode = 'server' | 'cli';
export const RUN_MODE = Symbol('RunMode');

/** What every feature module uses: configuration, the clock, the event store and its chained-stream writer, the workflows, the case repository. */
@Global()
@Module({})
export class CoreModule {
  static forRoot({ config, clock, store, mode = 'server', workflows = workflowDefinitions }: CoreOptions): DynamicModule {
    const verifier = config.auth.jwksUrl
      ? jwksVerifier({ jwksUrl: config.auth.jwksUrl, issuer: config.auth.issuer!, audience: config.auth.audience!, maxTtlSeconds: config.auth.maxTtlSeconds })
      : localVerifier(localSecret(config.dataDir, config.auth.secret).secret, config.auth.maxTtlSeconds);
    const providers = [
      { provide: MEND_CONFIG, useValue: config },
      { provide: RUN_MODE, useValue: mode },
      { provide: CLOCK, useValue: clock },
      { provide: EVENT_STORE, useFactory: () => store ?? createEventStore(config, clock) },
      { provide: ChainedStreamWriter, inject: [EVENT_STORE], useFactory: (events: EventStore) => new ChainedStreamWriter(events) },
      { provide: WorkflowRegistry, useValue: new WorkflowRegistry(workflows) },
      { provide: CALENDARS, useValue: createCalendarProvider({ hours: config.businessHours, regionalHolidays: config.regionalHolidays, oneOffHolidays: config.oneOffHolidays }) },
      { provide: SETTINGS, useValue: config.settings },
      { provide: TOKEN_VERIFIER, useValue: verifier },
      {
        provide: KEY_STORE,
        useFactory: () => createKeyStore(config, clock),
      },
      { provide: ERASURE_LEDGER, useFactory: () => (config.erasureLedger ? ErasureLedger.open(config.erasureLedger) : null) },
      PersonalDataCodec,
      CaseReferences,
      CaseRepository,
      CaseViews,
    ];
    return {
      module: CoreModule,
      providers: [...providers, EventStoreLifecycle, KeyStoreLifecycle],
      exports: providers.map((p) => ('provide' in p ? p.provide : p)),
    };
  }
}
