import { spawn } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

export interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** The environment a verb runs in: this process's, minus any Mend setting, plus `env`. */
export function cliEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('MEND_') && name !== 'PORT'));
  return { ...inherited, MEND_LOG_LEVEL: 'silent', ...env };
}

/** Who runs a verb, when not this process's account (`uid`/`gid`: an account root's permissions do not bypass). */
export interface RunAs {
  readonly uid?: number;
  readonly gid?: number;
}

/** Runs `mend <args>` as `node -r register src/cli/main.ts`, the way the packaged bin runs the build. */
export function mend(args: readonly string[], env: Record<string, string>, as: RunAs = {}): Promise<CliResult> {
  return run(['-r', './test/support/register.js', 'src/cli/main.ts', ...args], env, as);
}

/** An account file permissions apply to: `nobody` when the tests run as root, else this one. */
export function unprivileged(): RunAs {
  return process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
}

/** The lines of stderr that are Mend's own, without the warning about a missing erasure ledger (in either language). */
export function errorLines(stderr: string): string[] {
  return stderr
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('WARNING: MEND_ERASURE_LEDGER is not set') && !line.startsWith('AVERTISSEMENT\u00a0: MEND_ERASURE_LEDGER n’est pas défini'));
}

function run(nodeArgs: readonly string[], env: Record<string, string>, as: RunAs = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, nodeArgs, {
      cwd: ROOT,
      env: cliEnv(env),
      stdio: ['ignore', 'pipe', 'pipe'],
      ...as,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/**
 * Runs `mend <args>` in a child process like `mend`, then lists the modules it loaded that belong to
 * the application (NestJS, the SQLite driver, the app module): what a verb pays for before it can work.
 */
export async function applicationModulesLoadedBy(args: readonly string[], env: Record<string, string>): Promise<CliResult & { loaded: string[] }> {
  const marker = 'MEND-LOADED-MODULES ';
  const script = [
    `require('./src/cli/main.ts').main(${JSON.stringify(['node', 'mend', ...args])}).then((code) => {`,
    `  const loaded = Object.keys(require.cache).filter((f) => /node_modules[\\/](@nestjs|better-sqlite3)[\\/]|app\\.module\\.ts$/.test(f));`,
    `  process.stderr.write('\\n${marker}' + JSON.stringify(loaded) + '\\n');`,
    '  process.exitCode = code;',
    '});',
  ].join('\n');
  const result = await run(['-r', './test/support/register.js', '-e', script], env);
  const line = result.stderr.split('\n').find((l) => l.startsWith(marker));
  return { ...result, loaded: line ? (JSON.parse(line.slice(marker.length)) as string[]) : ['(the verb did not finish)'] };
}

/** Runs `work` over `items`, at most `limit` at a time (child processes compile the sources: two cores are shared). */
export async function eachLimited<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: limit }, worker));
  return results;
}
