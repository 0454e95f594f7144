import { ConfigError } from '../config/config';
import { serve } from '../main';
import { CliError } from './cli-error';
import { cliConfig } from './cli-config';
import { ExitCode } from './exit-codes';

/** `mend serve`: the server, until the process is stopped. */
export async function serveCommand(): Promise<void> {
  try {
    await serve(cliConfig());
  } catch (error) {
    // What only the data directory tells (read models built from another log) is configuration too.
    if (error instanceof ConfigError) throw new CliError(error.texts(), ExitCode.config);
    throw error;
  }
  await new Promise(() => undefined);
}
