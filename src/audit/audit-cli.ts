import { userInfo } from 'node:os';
import type { Actor } from '../../domain/roles';

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
