import { ProjectionsService } from '../projections/projections.service';
import { CliError } from './cli-error';
import { withContext } from './context';
import { ExitCode } from './exit-codes';
import { progress } from './progress';

/** `mend projections rebuild [name]`: one projection, or all of them in one pass over the log. */
export async function rebuildCommand(name: string | undefined): Promise<void> {
  await withContext(async (context) => {
    const service = context.get(ProjectionsService);
    if (name && !service.names().includes(name)) {
      throw new CliError(`There is no projection named "${name}". Known: ${service.names().join(', ')}`, ExitCode.usage);
    }
    const names = name ? [name] : service.names();
    const bar = progress(`rebuild ${names.join(', ')}`);
    const results = await service.rebuildAll(names, (p) => bar.update(p.position, p.head));
    bar.stop();
    for (const result of results) {
      console.log(
        `${result.projection}: ${result.events} events in ${result.seconds.toFixed(1)} s (${Math.round(result.events / Math.max(result.seconds, 0.001))} events/s), generation ${result.generation}, checkpoint ${result.checkpoint}`,
      );
    }
  });
}

/** `mend projections status`. */
export async function statusCommand(): Promise<void> {
  const failed = await withContext(async (context) => {
    const service = context.get(ProjectionsService);
    let anyFailed = false;
    for (const report of service.reports()) {
      const lag = await service.lag(report.name);
      // This process runs no projection: the status is what the stored checkpoint and error say.
      const status = report.error ? `FAILED at position ${report.errorPosition}: ${report.error};` : lag.events === 0 ? 'up to date,' : 'behind,';
      console.log(`${report.name}: ${status} checkpoint ${report.checkpoint}, ${lag.events} events behind (${lag.seconds.toFixed(1)} s)`);
      anyFailed ||= report.error !== undefined;
    }
    return anyFailed;
  });
  if (failed) throw new CliError('a projection has failed', ExitCode.failed);
}
