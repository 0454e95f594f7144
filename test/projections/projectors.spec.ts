import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Global, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { ManualClock } from '../../src/clock/clock';
import { loadConfig } from '../../src/config/config';
import { MendMetrics } from '../../src/metrics/mend-metrics';
import { CoreModule } from '../../src/core/core.module';
import { ProjectionsModule } from '../../src/projections/projections.module';
import { SecurityModule } from '../../src/security/security.module';

/**
 * The runner calls each projection's own projectors (the `Projector` providers, @EventsHandler
 * classes): a projection that none keeps would never move, so the application refuses to start
 * rather than stop on the first event.
 */
describe('projectors', () => {
  it('a registered projection without a projector stops the application at start-up, naming it', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'mend-projectors-'));
    const config = loadConfig({ MEND_DATA_DIR: dataDir, MEND_LOG_LEVEL: 'silent', MEND_SCHEDULER: 'off' });
    @Global()
    @Module({ providers: [MendMetrics], exports: [MendMetrics] })
    class Metrics {}
    // The cases and complaint-board projectors, but not the SLA module, which provides the sla-clocks projector.
    @Module({
      imports: [CqrsModule.forRoot(), CoreModule.forRoot({ config, clock: new ManualClock('2026-03-02T14:00:00Z'), mode: 'cli' }), Metrics, SecurityModule, ProjectionsModule],
    })
    class WithoutSla {}
    try {
      await expect(NestFactory.createApplicationContext(WithoutSla, { logger: false, abortOnError: false })).rejects.toThrow(
        'No projector keeps the sla-clocks projection',
      );
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
