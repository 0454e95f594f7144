import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Actor, PersonRole } from '../../domain/roles';
import type { BackupManifest } from '../../src/backup/backup-files';
import { startApp, type RunningApp } from '../support/app';
import { storedEvents } from '../support/event-file';
import { HttpTraffic } from '../support/http-traffic';
import { Random } from '../support/random';
import { writeCases } from '../support/store-writer';
import { cliEnv } from '../ops/cli-process';
import { secrets } from './backup-support';

const ROOT = join(__dirname, '..', '..');

// Four CLI verbs, each compiling the sources on a shared machine.
jest.setTimeout(300_000);

/** The restore drill of docs/operations.md: the shell block after `<!-- restore-drill -->`. */
function drillScript(): string {
  const doc = readFileSync(join(ROOT, 'docs', 'operations.md'), 'utf8');
  const match = /<!-- restore-drill -->\n```sh\n([\s\S]*?)```/.exec(doc);
  if (!match) throw new Error('docs/operations.md has no restore drill block');
  return match[1]!;
}

function bash(script: string, env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['-c', script], { cwd: ROOT, env: cliEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/**
 * `npx mend` runs the build; here it runs the sources, the way test/ops/cli-process.ts does, so the
 * drill's own lines run unchanged.
 */
const FROM_SOURCES = `npx() { if [ "$1" = mend ]; then shift; node -r ./test/support/register.js src/cli/main.ts "$@"; else command npx "$@"; fi; }\n`;

describe('the restore drill in docs/operations.md', () => {
  const vault = secrets();
  const work = mkdtempSync(join(tmpdir(), 'mend-drill-'));
  const dataDir = join(work, 'data');
  const backups = join(work, 'backups');
  const drillDir = join(work, 'drill');
  const keyFile = join(vault.dir, 'backup.key');
  let running: RunningApp;

  beforeAll(async () => {
    mkdirSync(backups);
    writeFileSync(keyFile, `${vault.key}\n`, { mode: 0o600 });
    running = await startApp({ dataDir, start: '2026-03-09T15:00:00Z', env: { MEND_ERASURE_LEDGER: vault.ledger, MEND_BACKUP_KEY_FILE: keyFile } });
    await writeCases(running.app, { random: new Random(61), cases: 30, clock: running.clock });
  });

  afterAll(async () => {
    await running.close();
    rmSync(work, { recursive: true, force: true });
    rmSync(vault.dir, { recursive: true, force: true });
  });

  it('runs as written against a serving Mend and leaves a verified, caught-up copy', async () => {
    const traffic = new HttpTraffic({
      baseUrl: () => running.baseUrl,
      token: (actor: Actor) => running.token(actor.role as PersonRole, actor.id),
      random: new Random(67),
    });
    let stop = false;
    const writer = traffic.run(1, () => stop);
    let result: Awaited<ReturnType<typeof bash>>;
    try {
      result = await bash(FROM_SOURCES + drillScript(), {
        MEND_DATA_DIR: dataDir,
        MEND_ERASURE_LEDGER: vault.ledger,
        MEND_BACKUP_KEY_FILE: keyFile,
        BACKUPS: backups,
        DRILL_DIR: drillDir,
      });
    } finally {
      stop = true;
      await writer;
    }
    expect({ code: result.code, stderr: result.code === 0 ? '' : result.stderr }).toEqual({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(/Backup written to .*mend-\d{8}T\d{6}Z/);
    expect(result.stdout).toContain('Restored the backup taken at');
    expect(result.stdout).toMatch(/Hash chain verified: \d+ events/);
    expect(traffic.stats.serverErrors).toEqual([]);

    const [backup] = readdirSync(backups);
    const manifest = JSON.parse(readFileSync(join(backups, backup!, 'manifest.json'), 'utf8')) as BackupManifest;
    expect(storedEvents(drillDir)).toEqual(storedEvents(dataDir, manifest.headPosition));
  });
});
