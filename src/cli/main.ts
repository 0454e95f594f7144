import 'reflect-metadata';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { PersonRole } from '../../domain/roles';
import { auditCommands } from '../audit/audit.command';
import { backupCommands } from '../backup/backup.command';
import { localSecret, mintLocalToken } from '../auth/jwt';
import { serve } from '../main';
import { MEND_VERSION } from '../version';
import { CliError } from './cli-error';
import { cliConfig } from './context';
import { eraseCommand } from './erase.command';
import { ExitCode } from './exit-codes';
import { projectionsCommand } from './projections.command';
import { seedDemoCommand } from './seed-demo.command';

const DURATION = /^(\d+)(s|m|h|d)$/;
const UNIT_SECONDS = { s: 1, m: 60, h: 3600, d: 86400 } as const;

export function parseDuration(value: string): number {
  const match = DURATION.exec(value);
  if (!match) throw new InvalidArgumentError('use a number and a unit: 30m, 8h, 7d');
  return Number(match[1]) * UNIT_SECONDS[match[2] as keyof typeof UNIT_SECONDS];
}

/** Builds the `mend` program. Verbs add themselves here; each has --help. */
export function program(): Command {
  const mend = new Command('mend')
    .description('Mend: event-sourced workflows for restorative engagement, mediation and complaints')
    .version(MEND_VERSION)
    .showHelpAfterError()
    .exitOverride();

  mend
    .command('serve')
    .description('serve the HTTP API (the same as npm start)')
    .action(async () => {
      await serve(cliConfig());
      await new Promise(() => undefined);
    });

  mend
    .command('token')
    .description('print a bearer token for this local instance (signed with its HS256 secret)')
    .requiredOption('--sub <id>', 'the person the token names (an opaque id, never a name)')
    .addOption(new Option('--role <role>', 'their role').choices(PersonRole.options).makeOptionMandatory())
    .option('--ttl <duration>', 'lifetime, e.g. 30m, 8h, 7d', parseDuration, 8 * 3600)
    .action(async (options: { sub: string; role: PersonRole; ttl: number }) => {
      const settings = cliConfig();
      if (settings.auth.jwksUrl) {
        throw new CliError('This instance trusts an OIDC issuer (MEND_JWT_JWKS_URL): get tokens from that issuer.', ExitCode.usage);
      }
      const { secret } = localSecret(settings.dataDir, settings.auth.secret);
      console.log(await mintLocalToken(secret, { subject: options.sub, role: options.role, ttlSeconds: options.ttl }));
    });

  projectionsCommand(mend);
  eraseCommand(mend);
  auditCommands(mend);
  seedDemoCommand(mend);
  backupCommands(mend);
  return mend;
}

/** Runs the CLI and resolves with the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  try {
    await program().parseAsync([...argv]);
    return ExitCode.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
    }
    if (error instanceof CliError) {
      console.error(`mend: ${error.message}`);
      return error.exitCode;
    }
    throw error;
  }
}

if (require.main === module) {
  main(process.argv).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error);
      process.exit(ExitCode.software);
    },
  );
}
