import { Module, type DynamicModule } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { LoggerModule } from 'nestjs-pino';
import { AuditModule } from './audit/audit.module';
import { CasesModule } from './cases/cases.module';
import { ConsoleModule } from './console/console.module';
import { CoreModule, type CoreOptions } from './core/core.module';
import { HealthModule } from './health/health.module';
import { loggerParams, rootLogger, ROOT_LOGGER } from './logging/logging';
import { MetricsModule } from './metrics/metrics.module';
import { PrivacyModule } from './privacy/privacy.module';
import { ProjectionsModule } from './projections/projections.module';
import { SecurityModule } from './security/security.module';
import { SlaModule } from './sla/sla.module';
import { SearchModule } from './search/search.module';
import { StaffModule } from './staff/staff.module';
import { WorkflowsModule } from './workflows/workflows.module';

export type AppOptions = CoreOptions;

/** The application: the global core, then one module per feature. */
@Module({})
export class AppModule {
  static forRoot(options: AppOptions): DynamicModule {
    const logger = rootLogger(options.config);
    return {
      module: AppModule,
      providers: [{ provide: ROOT_LOGGER, useValue: logger }],
      imports: [
        CqrsModule.forRoot(),
        LoggerModule.forRoot(loggerParams(logger)),
        CoreModule.forRoot(options),
        SecurityModule,
        HealthModule,
        WorkflowsModule,
        ProjectionsModule,
        CasesModule,
        PrivacyModule,
        AuditModule,
        SlaModule,
        StaffModule,
        SearchModule,
        ConsoleModule,
        MetricsModule,
      ],
    };
  }
}
