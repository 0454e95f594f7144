import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ExitCode } from '../../src/cli/exit-codes';
import { systemClock } from '../../src/clock/clock';
import { startApp } from '../support/app';
import { secrets } from '../backup/backup-support';
import { errorLines, mend, unprivileged } from './cli-process';
import { postgresUrl } from '../support/postgres';

// Each verb is a child process that compiles the sources on load: give them time on a busy machine.
jest.setTimeout(120_000);

const ROOT = join(__dirname, '..', '..');

/** An operator's mistake is one line on stderr, `mend: …`, with its documented exit code: never a stack or a raw dump. */
describe('mend: operator mistakes end in one line and their exit code', () => {
  const vault = secrets();
  const work = mkdtempSync(join(tmpdir(), 'mend-cli-errors-'));
  const dataDir = join(work, 'data');
  const env = { MEND_DATA_DIR: dataDir, ...vault.env };
  let subjectId = '';

  beforeAll(async () => {
    // Recorded now (by the real clock), so the information is within its retention period.
    const running = await startApp({ dataDir, clock: systemClock, env: vault.env });
    try {
      const supervisor = await running.as('supervisor', 'supervisor-1');
      const opened = await supervisor.post('/cases', {
        workflow: 'complaint',
        command: 'ReceiveComplaint',
        data: { channel: 'mail', receivedAt: new Date().toISOString(), region: 'ON', complainant: { name: 'Recent Person' }, text: 'Recent.' },
      });
      expect(opened.status).toBe(201);
      subjectId = (await supervisor.get(`/cases/${opened.body.caseId}/history`)).body.items[0].data.complainant.subjectId;
    } finally {
      await running.close();
    }
  });

  afterAll(() => {
    chmodSync(work, 0o700);
    rmSync(work, { recursive: true, force: true });
    rmSync(vault.dir, { recursive: true, force: true });
  });

  function expectOneLine(result: { code: number | null; stderr: string; stdout: string }, code: number, says: string | RegExp): void {
    const lines = errorLines(result.stderr);
    expect({ code: result.code, lines }).toEqual({ code, lines: [expect.stringMatching(/^mend: /)] });
    expect(lines[0]).toEqual(typeof says === 'string' ? expect.stringContaining(says) : expect.stringMatching(says));
    expect(result.stdout).toBe('');
  }

  it('erase within the retention period: the broken rule in one line, exit 65 (wrong data)', async () => {
    const result = await mend(['erase', subjectId, '--by', 'admin-1'], env);
    expectOneLine(result, ExitCode.dataError, /the Privacy Act requires keeping it 2 years after its last use, until \S+, unless the person consents/);
  });

  it('erase with a consent time that is not a time, or no administrator, is a usage error (64) naming the option', async () => {
    expectOneLine(await mend(['erase', subjectId, '--by', 'admin-1', '--consent-by', 'subject', '--consent-at', 'yesterday'], env), ExitCode.usage, '--consent-at');
    const blank = await mend(['erase', subjectId, '--by', '', '--consent-by', 'subject', '--consent-at', '2026-01-01T00:00:00Z'], env);
    expectOneLine(blank, ExitCode.usage, '--by');
    expect(blank.stderr).not.toContain('too_small');
    expect(readFileSync(vault.ledger, 'utf8')).toBe('');
  });

  it('an erasure ledger that cannot be written: unavailable (69), one line, nothing erased', async () => {
    const ledger = join(work, 'ledger-dir');
    mkdirSync(ledger);
    const result = await mend(['erase', subjectId, '--by', 'admin-1', '--consent-by', 'subject', '--consent-at', '2026-01-01T00:00:00Z'], { ...env, MEND_ERASURE_LEDGER: ledger });
    expectOneLine(result, ExitCode.unavailable, ledger);
  });

  it('erasure reapply with a configured ledger that is missing: configuration (78), naming it', async () => {
    const missing = join(work, 'no-such-ledger.jsonl');
    expectOneLine(await mend(['erasure', 'reapply'], { ...env, MEND_ERASURE_LEDGER: missing }), ExitCode.config, missing);
  });

  it('erasure reapply naming a ledger that is not there: wrong usage (64), naming it, nothing re-applied', async () => {
    const missing = join(work, 'node-2-ledger.jsonl');
    const result = await mend(['erasure', 'reapply', missing], env);
    expectOneLine(result, ExitCode.usage, `No erasure ledger at ${missing}`);
    expect(result.stdout).toBe('');
  });

  it('a data directory that cannot be read, or is a file: unavailable (69), one line naming it', async () => {
    const locked = join(work, 'locked');
    mkdirSync(locked, { mode: 0o700 });
    chmodSync(locked, 0o000);
    chmodSync(work, 0o755);
    try {
      expectOneLine(await mend(['audit', 'verify'], { MEND_DATA_DIR: locked }, unprivileged()), ExitCode.unavailable, locked);
    } finally {
      chmodSync(locked, 0o700);
      chmodSync(work, 0o700);
    }
    const file = join(work, 'a-file');
    writeFileSync(file, 'not a directory');
    expectOneLine(await mend(['audit', 'verify'], { MEND_DATA_DIR: file }), ExitCode.unavailable, file);
    expectOneLine(await mend(['token', '--sub', 'p-1', '--role', 'practitioner'], { MEND_DATA_DIR: join(file, 'data') }), ExitCode.unavailable, file);
  });

  it('configuration that cannot work is configuration (78), one line naming it: a sweep interval no timer holds, a connection string that is none, an audit key that is no key', async () => {
    // A bad variable is a heading line and one line per variable.
    const badVariable = async (variables: Record<string, string>, says: string) => {
      const result = await mend(['projections', 'status'], { ...env, ...variables });
      expect({ code: result.code, lines: errorLines(result.stderr) }).toEqual({ code: ExitCode.config, lines: [expect.stringMatching(/^mend: /), expect.stringContaining(says)] });
    };
    await badVariable({ MEND_SCHEDULER_INTERVAL_MS: '1e12' }, 'MEND_SCHEDULER_INTERVAL_MS: must be at most 2147483647 ms');
    await badVariable({ MEND_STORE: 'eventstoredb', EVENTSTORE_CONNECTION_STRING: 'garbage' }, 'EVENTSTORE_CONNECTION_STRING: must be a KurrentDB connection string');
    const notAKey = join(work, 'not-a-key.pem');
    writeFileSync(notAKey, 'hello\n');
    expectOneLine(await mend(['audit', 'verify'], { ...env, MEND_AUDIT_PUBLIC_KEY_FILE: notAKey }), ExitCode.config, 'it is not a PEM key');
  });

  it('PostgreSQL refusing the role of the connection URL is configuration (78), naming the refusal; one that does not answer is unavailable (69)', async () => {
    if (!postgresUrl) return console.log('skipped: no PostgreSQL (scripts/with-postgres.sh)');
    const url = new URL(postgresUrl);
    url.username = 'no_such_role';
    const fresh = join(work, 'pg-refused');
    mkdirSync(fresh);
    const refused = await mend(['projections', 'status'], { MEND_DATA_DIR: fresh, MEND_STORE: 'postgres', MEND_POSTGRES_URL: url.toString() });
    expectOneLine(refused, ExitCode.config, /PostgreSQL refused: .*no_such_role.* \(SQLSTATE 28000\)/);
    url.username = new URL(postgresUrl).username;
    url.port = '1';
    const closed = join(work, 'pg-closed');
    mkdirSync(closed);
    expectOneLine(await mend(['projections', 'status'], { MEND_DATA_DIR: closed, MEND_STORE: 'postgres', MEND_POSTGRES_URL: url.toString() }), ExitCode.unavailable, /PostgreSQL|ECONNREFUSED/);
  });

  it('bin/mend.js ends an unexpected failure with exit 70 (internal error) in one line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mend-bin-failure-'));
    try {
      mkdirSync(join(dir, 'bin'));
      mkdirSync(join(dir, 'dist', 'src', 'cli'), { recursive: true });
      copyFileSync(join(ROOT, 'bin', 'mend.js'), join(dir, 'bin', 'mend.js'));
      writeFileSync(join(dir, 'dist', 'src', 'cli', 'main.js'), "exports.main = async () => { throw new Error('the disk caught fire'); };");
      const result = spawnSync(process.execPath, [join(dir, 'bin', 'mend.js'), 'replay', 'x'], { encoding: 'utf8' });
      expect({ code: result.status, lines: errorLines(result.stderr) }).toEqual({ code: ExitCode.software, lines: [expect.stringMatching(/^mend: .*the disk caught fire/)] });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
