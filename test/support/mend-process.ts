import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { PersonRole } from '../../domain/roles';
import { localSecret, mintLocalToken } from '../../src/auth/jwt';
import { client, type HttpClient } from './app';

const ROOT = join(__dirname, '..', '..');
const REGISTER = join(__dirname, 'register.js');
const STARTUP_LIMIT_MS = 90_000;

/** The environment of a Mend child process on `dataDir`: quiet, no scheduler, no rate limit in the way of load. */
export function mendEnv(dataDir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('MEND_') && !name.startsWith('EVENTSTORE_')));
  return {
    ...inherited,
    MEND_DATA_DIR: dataDir,
    PORT: '0',
    HOST: '127.0.0.1',
    MEND_LOG_LEVEL: 'warn',
    MEND_LOG_FORMAT: 'json',
    MEND_SCHEDULER: 'off',
    MEND_RATE_LIMIT: '100000000',
    ...extra,
  };
}

/**
 * The real server in a child process (`node -r test/support/register.js src/main.ts`), so that a
 * test can SIGKILL it and start it again on the same data directory. Its output is kept for
 * assertions and for the report of a failing test.
 */
export class MendServer {
  private lines: string[] = [];
  private exited: Promise<number | null>;

  private constructor(
    private readonly child: ChildProcess,
    readonly dataDir: string,
  ) {
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
    const collect = (chunk: Buffer) => {
      this.lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      if (this.lines.length > 5000) this.lines = this.lines.slice(-2500);
    };
    child.stdout!.on('data', collect);
    child.stderr!.on('data', collect);
  }

  baseUrl = '';
  ready: Promise<void> = Promise.resolve();

  /** Starts the server and resolves once it listens. */
  static async start(dataDir: string, env: Record<string, string> = {}): Promise<MendServer> {
    const server = MendServer.spawn(dataDir, env);
    await server.ready;
    return server;
  }

  /** Starts the server without waiting: `ready` resolves once it listens. */
  static spawn(dataDir: string, env: Record<string, string> = {}): MendServer {
    const child = spawn(process.execPath, ['-r', REGISTER, join(ROOT, 'src', 'main.ts')], {
      cwd: ROOT,
      env: mendEnv(dataDir, env),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const server = new MendServer(child, dataDir);
    server.ready = server.waitFor(/Mend is serving on (http:\/\/[\d.]+:\d+)/, STARTUP_LIMIT_MS).then((url) => {
      server.baseUrl = url;
    });
    // A server killed before it listens never gets ready; that is no failure of its own.
    server.ready.catch(() => undefined);
    return server;
  }

  get pid(): number {
    return this.child.pid!;
  }

  /** Everything the server has printed (the latest lines). */
  output(): string {
    return this.lines.join('\n');
  }

  /** Resolves with the first capture group of the first output line that matches, or rejects after `limitMs`. */
  waitFor(pattern: RegExp, limitMs: number): Promise<string> {
    return new Promise((resolve, reject) => {
      const check = () => {
        for (const line of this.lines) {
          const match = pattern.exec(line);
          if (match) return finish(() => resolve(match[1] ?? match[0]));
        }
        return undefined;
      };
      const onData = () => check();
      const onExit = (code: number | null) => finish(() => reject(new Error(`Mend exited (${code}) before printing ${pattern}:\n${this.output()}`)));
      const timer = setTimeout(() => finish(() => reject(new Error(`Mend did not print ${pattern} within ${limitMs} ms:\n${this.output()}`))), limitMs);
      const finish = (settle: () => void) => {
        clearTimeout(timer);
        this.child.stdout!.off('data', onData);
        this.child.stderr!.off('data', onData);
        this.child.off('exit', onExit);
        settle();
      };
      // Listeners added after the collector's, so a line is stored before it is looked for.
      this.child.stdout!.on('data', onData);
      this.child.stderr!.on('data', onData);
      this.child.once('exit', onExit);
      check();
    });
  }

  /** SIGKILL: no shutdown hook runs, nothing is flushed. */
  async kill(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
    await this.exited;
  }

  /** A graceful stop (SIGTERM), bounded; SIGKILL if it does not exit in time. */
  async stop(limitMs = 15_000): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), limitMs);
    await this.exited;
    clearTimeout(timer);
  }

  /** A bearer token signed with the secret this instance keeps in its data directory. */
  token(role: PersonRole, subject = `${role}-1`): Promise<string> {
    return mintLocalToken(localSecret(this.dataDir).secret, { subject, role, ttlSeconds: 3600, now: new Date() });
  }

  async as(role: PersonRole, subject?: string): Promise<HttpClient> {
    return client(this.baseUrl, await this.token(role, subject));
  }
}

export interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `mend <args>` from the TypeScript sources on `dataDir`, bounded by `limitMs`. */
export function runCli(dataDir: string, args: readonly string[], limitMs = 120_000, env: Record<string, string> = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-r', REGISTER, join(ROOT, 'src', 'cli', 'main.ts'), ...args], {
      cwd: ROOT,
      env: mendEnv(dataDir, env),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`mend ${args.join(' ')} did not finish within ${limitMs} ms:\n${stdout}\n${stderr}`));
    }, limitMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}
