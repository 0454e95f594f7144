import { ProjectionsService } from '../projections/projections.service';
import { CliError } from './cli-error';
import { withContext } from './context';
import { ExitCode } from './exit-codes';
import { cliLanguage } from '../config/language';
import { CLI_TEXTS } from './messages';
import { progress } from './progress';

/** `mend projections rebuild [name]`: one projection, or all of them in one pass over the log. */
export async function rebuildCommand(name: string | undefined): Promise<void> {
  await withContext(async (context) => {
    const service = context.get(ProjectionsService);
    if (name && !service.names().includes(name)) {
      throw new CliError(CLI_TEXTS.noSuchProjection(name, service.names().join(', ')), ExitCode.usage);
    }
    const language = cliLanguage();
    const names = name ? [name] : service.names();
    const bar = progress(CLI_TEXTS.rebuilding(names.join(', '))[language]);
    const results = await service.rebuildAll(names, (p) => bar.update(p.position, p.head));
    bar.stop();
    for (const result of results) {
      const rate = Math.round(result.events / Math.max(result.seconds, 0.001));
      console.log(CLI_TEXTS.rebuilt({ ...result, seconds: result.seconds.toFixed(1), rate })[language]);
    }
  });
}

/** `mend projections status`. */
export async function statusCommand(): Promise<void> {
  const failed = await withContext(async (context) => {
    const service = context.get(ProjectionsService);
    const language = cliLanguage();
    let anyFailed = false;
    for (const report of service.reports()) {
      const lag = await service.lag(report.name);
      // This process runs no projection: the status is what the stored checkpoint and error say.
      const status = report.error
        ? CLI_TEXTS.projectionFailed(String(report.errorPosition), report.error)
        : lag.events === 0
          ? CLI_TEXTS.upToDate
          : CLI_TEXTS.behind;
      console.log(CLI_TEXTS.projectionStatus(report.name, status[language], report.checkpoint, lag.events, lag.seconds.toFixed(1))[language]);
      anyFailed ||= report.error !== undefined;
    }
    return anyFailed;
  });
  if (failed) throw new CliError(CLI_TEXTS.aProjectionFailed, ExitCode.failed);
}
