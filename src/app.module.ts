import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { LoggerModule } from 'nestjs-pino';
import { createCalendarProvider } from '../domain/calendar';
import { workflowDefinitions } from '../workflows/registry';
import { AuthGuard, TOKEN_VERIFIER } from './auth/auth.guard';
import { jwksVerifier, localSecret, localVerifier } from './auth/jwt';
import { CaseRepository } from './cases/case-repository';
import { CaseViews } from './cases/case-views';
import { CasesController } from './cases/cases.controller';
import { ExecuteCommandHandler } from './cases/execute-command.handler';
import { CLOCK, type Clock } from './clock/clock';
import { MEND_CONFIG, type MendConfig } from './config/config';
import { EVENT_STORE, type EventStore } from './event-store/event-store';
import { createEventStore } from './event-store/event-store.factory';
import { EventStoreLifecycle } from './event-store/event-store.lifecycle';
import { HealthController } from './health/health.controller';
import { loggerParams } from './logging/logging';
import { CALENDARS, SETTINGS } from './workflows/tokens';
import { WorkflowRegistry } from './workflows/workflow-registry';
import { WorkflowsController } from './workflows/workflows.controller';

export interface AppOptions {
  readonly config: MendConfig;
  readonly clock: Clock;
  /** An already open store (the CLI and tests); otherwise the configured engine is opened. */
  readonly store?: EventStore;
}

@Module({})
export class AppModule {
  static forRoot({ config, clock, store }: AppOptions): DynamicModule {
    const verifier = config.auth.jwksUrl
      ? jwksVerifier({ jwksUrl: config.auth.jwksUrl, issuer: config.auth.issuer!, audience: config.auth.audience! })
      : localVerifier(localSecret(config.dataDir, config.auth.secret).secret);
    return {
      module: AppModule,
      imports: [CqrsModule.forRoot(), LoggerModule.forRoot(loggerParams(config))],
      controllers: [CasesController, WorkflowsController, HealthController],
      providers: [
        { provide: MEND_CONFIG, useValue: config },
        { provide: CLOCK, useValue: clock },
        { provide: EVENT_STORE, useFactory: () => store ?? createEventStore(config, clock) },
        { provide: WorkflowRegistry, useValue: new WorkflowRegistry(workflowDefinitions) },
        { provide: CALENDARS, useValue: createCalendarProvider({ hours: config.businessHours }) },
        { provide: SETTINGS, useValue: config.settings },
        { provide: TOKEN_VERIFIER, useValue: verifier },
        { provide: APP_GUARD, useClass: AuthGuard },
        EventStoreLifecycle,
        CaseRepository,
        CaseViews,
        ExecuteCommandHandler,
      ],
    };
  }
}
