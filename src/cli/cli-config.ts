import { accessSync, constants } from 'node:fs';
import { ConfigError, loadConfig, type KeySource, type MendConfig } from '../config/config';
import { CliError } from './cli-error';
import { ExitCode } from './exit-codes';
import { CLI_TEXTS } from './messages';

/** The configuration from the environment; a bad value ends the verb with exit 78, naming the variable. */
export function cliConfig(): MendConfig {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) throw new CliError(error.texts(), ExitCode.config);
    throw error;
  }
}

/**
 * The audit key files a verb that verifies or signs will read: one that is not there is named as
 * missing (78), not reported as a key in the wrong format.
 */
export function checkAuditKeyFiles(config: MendConfig): void {
  const files: [string, KeySource | undefined][] = [
    ['MEND_AUDIT_KEY_FILE', config.auditKeys.privateKey],
    ['MEND_AUDIT_PUBLIC_KEY_FILE', config.auditKeys.publicKey],
  ];
  for (const [variable, source] of files) {
    if (!source || !('file' in source)) continue;
    try {
      accessSync(source.file, constants.R_OK);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') throw new CliError(CLI_TEXTS.keyFileMissing(variable, source.file), ExitCode.config);
      throw new CliError(CLI_TEXTS.keyFileUnreadable(variable, source.file, (error as Error).message), ExitCode.unavailable);
    }
  }
}
