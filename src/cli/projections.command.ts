import type { Command } from 'commander';
import { ProjectionsService } from '../projections/projections.service';
import { CliError } from './cli-error';
import { withContext } from './context';
import { ExitCode } from './exit-codes';
import { progress } from './progress';

export function projectionsCommand(program: Command): void {
  const projections = program.command('projections').description('read models: status and rebuilds');

  projections
    .command('rebuild')
    .description('rebuild read models from the whole log into fresh tables, then swap them in at once (safe while Mend serves)')
    .argument('[name]', 'one projection (default: all)')
    .action(async (name: string | undefined) => {
      await withContext(async (context) => {
        const service = context.get(ProjectionsService);
        const names = name ? [name] : service.names();
        for (const projection of names) {
          if (!service.names().includes(projection)) {
            throw new CliError(`There is no projection named "${projection}". Known: ${service.names().join(', ')}`, ExitCode.usage);
          }
          const bar = progress(`rebuild ${projection}`);
          const result = await service.rebuild(projection, (p) => bar.update(p.position, p.head));
          bar.stop();
          console.log(
            `${projection}: ${result.events} events in ${result.seconds.toFixed(1)} s (${Math.round(result.events / Math.max(result.seconds, 0.001))} events/s), generation ${result.generation}, checkpoint ${result.checkpoint}`,
          );
        }
      });
    });

  projections
    .command('status')
    .description('each projection: status, checkpoint and lag')
    .action(async () => {
      const failed = await withContext(async (context) => {
        const service = context.get(ProjectionsService);
        let anyFailed = false;
        for (const report of service.reports()) {
          const lag = await service.lag(report.name);
          const stored = report.error ? ` — FAILED at position ${report.errorPosition}: ${report.error}` : '';
          console.log(`${report.name}: checkpoint ${report.checkpoint}, ${lag.events} events behind (${lag.seconds.toFixed(1)} s)${stored}`);
          anyFailed ||= report.error !== undefined;
        }
        return anyFailed;
      });
      if (failed) throw new CliError('a projection has failed', ExitCode.failed);
    });
}
