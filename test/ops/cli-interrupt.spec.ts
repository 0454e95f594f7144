import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { secrets, storeWithBackup } from '../backup/backup-support';
import { cliEnv } from './cli-process';

jest.setTimeout(180_000);

const ROOT = join(__dirname, '..', '..');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The processes whose parent is `pid` (Linux's /proc). */
function childrenOf(pid: number): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((name) => {
      try {
        // pid (comm) state ppid …; comm may hold spaces and parentheses: read after the last ')'.
        const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid;
      } catch {
        return false;
      }
    })
    .map(Number);
}

function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

async function until(condition: () => boolean, timeoutMs: number, stepMs = 10): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (condition()) return true;
    await sleep(stepMs);
  }
  return condition();
}

/**
 * `mend restore` and `mend projections rebuild` run in a child node with a capped heap
 * (bin/mend.js). Stopping the command by its pid — `kill`, `timeout`, `systemctl stop` — must stop
 * that child too, and an interrupted restore must leave nothing behind. The real bin script runs
 * here, beside a dist/ entry point that loads the sources.
 */
describe('stopping mend restore and projections rebuild by their pid', () => {
  const vault = secrets();
  const work = mkdtempSync(join(tmpdir(), 'mend-interrupt-'));
  const bin = join(work, 'pkg', 'bin', 'mend.js');
  const dataDir = join(work, 'data');
  const backupDir = join(work, 'backup');
  const targets = join(work, 'targets');

  beforeAll(async () => {
    mkdirSync(join(work, 'pkg', 'bin'), { recursive: true });
    mkdirSync(join(work, 'pkg', 'dist', 'src', 'cli'), { recursive: true });
    mkdirSync(targets);
    copyFileSync(join(ROOT, 'bin', 'mend.js'), bin);
    writeFileSync(
      join(work, 'pkg', 'dist', 'src', 'cli', 'main.js'),
      `require(${JSON.stringify(join(ROOT, 'test', 'support', 'register.js'))});\nmodule.exports = require(${JSON.stringify(join(ROOT, 'src', 'cli', 'main.ts'))});\n`,
    );
    await storeWithBackup(dataDir, backupDir, vault.env, { seed: 71, cases: 600 });
  });

  afterAll(() => {
    rmSync(work, { recursive: true, force: true });
    rmSync(vault.dir, { recursive: true, force: true });
  });

  function start(args: string[], env: Record<string, string>): { child: ChildProcess; exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>; output: () => string } {
    const child = spawn(process.execPath, [bin, ...args], { cwd: ROOT, env: cliEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    // 'close': every holder of the pipes has gone, the capped child included.
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
      let status: { code: number | null; signal: NodeJS.Signals | null } = { code: null, signal: null };
      child.on('exit', (code, signal) => (status = { code, signal }));
      child.on('close', () => resolve(status));
    });
    return { child, exited, output: () => output };
  }

  it('kill -TERM stops the restore in its child while it works, and leaves neither the data directory nor its staging', async () => {
    const target = join(targets, 'data');
    const run = start(['restore', backupDir], { MEND_DATA_DIR: target, ...vault.env });
    const staging = () => readdirSync(targets).some((name) => name.startsWith('.data.restoring-'));
    expect(await until(staging, 120_000)).toBe(true);
    const [capped] = childrenOf(run.child.pid!);
    expect(capped).toBeDefined();
    run.child.kill('SIGTERM');
    const status = await run.exited;
    expect(status).toEqual({ code: null, signal: 'SIGTERM' });
    expect(alive(capped!)).toBe(false);
    expect(run.output()).not.toContain('Restored the backup');
    expect(run.output()).toContain(`mend: stopped by SIGTERM: nothing was restored into ${target}`);
    expect(existsSync(target)).toBe(false);
    expect(readdirSync(targets)).toEqual([]);
  });

  it('a restore killed outright (SIGKILL: no handler runs) leaves its staging, keys in clear; the next restore removes it first and says so', async () => {
    const target = join(targets, 'killed');
    const stagings = () => readdirSync(targets).filter((name) => name.startsWith('.killed.restoring-'));
    const run = start(['restore', backupDir], { MEND_DATA_DIR: target, ...vault.env });
    expect(await until(() => stagings().length > 0 && existsSync(join(targets, stagings()[0]!, 'keys.sqlite')), 120_000)).toBe(true);
    const [capped] = childrenOf(run.child.pid!);
    process.kill(capped!, 'SIGKILL');
    await run.exited;
    const [left] = stagings();
    expect(left).toBeDefined();
    expect(existsSync(join(targets, left!, 'keys.sqlite'))).toBe(true);

    const again = start(['restore', backupDir], { MEND_DATA_DIR: target, ...vault.env });
    expect(await again.exited).toEqual({ code: 0, signal: null });
    expect(again.output()).toContain(`Removed ${join(targets, left!)}: a restore killed before it finished had staged it, the personal-data keys in clear among it.`);
    expect(again.output()).toContain('Restored the backup');
    expect(stagings()).toEqual([]);
    rmSync(target, { recursive: true, force: true });
  });

  it('kill -TERM stops a rebuild in its child', async () => {
    const run = start(['projections', 'rebuild'], { MEND_DATA_DIR: dataDir, ...vault.env });
    expect(await until(() => childrenOf(run.child.pid!).length > 0, 30_000)).toBe(true);
    const [capped] = childrenOf(run.child.pid!);
    await sleep(300);
    run.child.kill('SIGTERM');
    const status = await run.exited;
    expect(status).toEqual({ code: null, signal: 'SIGTERM' });
    expect(alive(capped!)).toBe(false);
    expect(run.output()).not.toMatch(/events in .* events\/s/);
  });
});
