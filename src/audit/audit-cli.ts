import { userInfo } from 'node:os';
import type { INestApplicationContext } from '@nestjs/common';
import { DomainError } from '../../domain/errors';
import type { Actor } from '../../domain/roles';
import { CliError } from '../cli/cli-error';
import { withContext } from '../cli/context';
import { ExitCode } from '../cli/exit-codes';

/**
 * Who reads through the CLI: the operating-system account. It holds no token and no role of the
 * permission table (whoever can open the data directory can read all of it), so access logs
 * record it as `system` with the account's name.
 */
export function cliReader(): Actor {
  let name: string;
  try {
    name = userInfo().username;
  } catch {
    name = process.env.USER ?? 'unknown';
  }
  return { id: `os:${name}`.slice(0, 200), role: 'system' };
}

/** Runs an audit verb in the application context; domain errors (an unknown case, a bad id) end it in one line. */
export async function withAuditContext<T>(work: (context: INestApplicationContext) => Promise<T>): Promise<T> {
  try {
    return await withContext(work);
  } catch (error) {
    if (error instanceof DomainError) {
      throw new CliError(error.message, error.kind === 'not_found' ? ExitCode.dataError : ExitCode.usage);
    }
    throw error;
  }
}
