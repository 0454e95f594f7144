import 'reflect-metadata';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { PersonRole } from '../../domain/roles';
import { auditCommands } from '../audit/audit.command';
import { localSecret, mintLocalToken } from '../auth/jwt';
import { serve } from '../main';
import { MEND_VERSION } from '../version';
import { CliError } from './cli-error';
import { cliConfig } from './context';
import { durationSeconds } from '../config/config';
import { eraseCommand } from './erase.command';
import { ExitCode } from './exit-codes';
import { projectionsCommand } from './projections.command';
import { seedDemoCommand } from './seed-demo.command';

const DEFAULT_TOKEN_TTL = 8 * 3600;

export function parseDuration(value: string): number {
  const seconds = /[smhd]$/.test(value) ? durationSeconds(value) : undefined;
  if (!seconds) throw new InvalidArgumentError('use a number and a unit: 30m, 8h, 7d');
  return seconds;
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
    .option('--ttl <duration>', 'lifetime, e.g. 30m, 8h (default 8h, at most MEND_JWT_MAX_TTL: 12h unless configured)', parseDuration)
    .action(async (options: { sub: string; role: PersonRole; ttl?: number }) => {
      const settings = cliConfig();
      const max = settings.auth.maxTtlSeconds;
      if (options.ttl !== undefined && options.ttl > max) {
        throw new CliError(`--ttl: at most ${max} seconds (MEND_JWT_MAX_TTL); the server refuses tokens that live longer`, ExitCode.usage);
      }
      const ttl = options.ttl ?? Math.min(DEFAULT_TOKEN_TTL, max);
      if (settings.auth.jwksUrl) {
        throw new CliError('This instance trusts an OIDC issuer (MEND_JWT_JWKS_URL): get tokens from that issuer.', ExitCode.usage);
      }
      const { secret } = localSecret(settings.dataDir, settings.auth.secret);
      console.log(await mintLocalToken(secret, { subject: options.sub, role: options.role, ttlSeconds: ttl }));
    });

  projectionsCommand(mend);
  eraseCommand(mend);
  auditCommands(mend);
  seedDemoCommand(mend);
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
