import { ConfigError, loadConfig, type MendConfig } from '../config/config';
import { CliError } from './cli-error';
import { ExitCode } from './exit-codes';

/** The configuration from the environment; a bad value ends the verb with exit 78, naming the variable. */
export function cliConfig(): MendConfig {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) throw new CliError(error.message, ExitCode.config);
    throw error;
  }
}
