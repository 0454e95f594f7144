import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HistoryItem } from '../../src/audit/audit.schemas';
import { CSV_COLUMNS } from '../../src/audit/export-format';
import { ExitCode } from '../../src/cli/exit-codes';
import { workflowDefinitions } from '../../workflows/registry';
import { startApp } from '../support/app';
import { driveComplaint, openStore, parseCsv, runCli } from './audit-support';

const UNKNOWN_CASE = '00000000-0000-4000-8000-000000000000';
// Each verb is a child process that compiles the sources on load: give them time on a busy machine.
jest.setTimeout(60_000);

/** The operator verbs, run as `mend` runs them, against a real data directory written by the app. */
describe('mend replay, export and audit verify', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'mend-cli-'));
  const outDir = mkdtempSync(join(tmpdir(), 'mend-cli-out-'));
  let complaintId: string;
  let engagementId: string;

  beforeAll(async () => {
    const running = await startApp({ start: '2026-03-02T14:00:00Z', dataDir });
    ({ caseId: complaintId } = await driveComplaint(running));
    running.clock.set('2026-03-20T15:00:00Z');
    const engagement = workflowDefinitions.find((d) => d.name === 'restorative-engagement')!;
    const opening = engagement.commands.find((c) => c.type === engagement.openingCommand)!;
    const supervisor = await running.as('supervisor', 'supervisor-1');
    const opened = await supervisor.post('/cases', { workflow: engagement.name, command: opening.type, data: opening.example });
    expect(opened.status).toBe(201);
    engagementId = opened.body.caseId;
    await running.close();
  });
  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(outDir, { recursive: true, force: true });
  });

  /** The access records of a case, read from the store file directly. */
  async function accessRecords(caseId: string) {
    const store = openStore(dataDir);
    try {
      return await store.readStream(`accessLog-${caseId}`);
    } finally {
      await store.close();
    }
  }

  const ndjson = (text: string) =>
    text
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as HistoryItem);

  it('replay prints the timeline: times in the case’s zone, actors, facts, states and clocks', async () => {
    const { code, stdout, stderr } = await runCli(['replay', complaintId], dataDir);
    expect(stderr).toBe('');
    expect(code).toBe(ExitCode.ok);
    const lines = stdout.split('\n');
    expect(lines[0]).toBe(`Case ${complaintId}: complaint (workflow version 1), times in America/Toronto`);
    expect(lines[1]).toMatch(/^ {3}#0 {2}2026-03-02 09:00 EST {2}supervisor-1 \(supervisor\) {2}ComplaintReceived {2}kind=complaint channel=electronic /);
    expect(lines[1]).toContain('complainant.name=Robin, "R." Tremblay');
    expect(lines[1]).not.toContain('subjectId');
    expect(stdout).toContain('\n         → received\n');
    expect(stdout).toContain('clock Acknowledgement started, due 2026-03-04 17:00 EST');
    expect(stdout).toMatch(/#3 {2}2026-03-02 10:00 EST {2}supervisor-1 \(supervisor\) {2}ComplaintAcknowledged {2}acknowledgedAt=\S+ method=email\n {9}→ acknowledged/);
    expect(stdout).toContain('clock Acknowledgement met 2026-03-02 10:00 EST (on time), was due 2026-03-04 17:00 EST');
    expect(stdout).toContain('→ underReview');
    expect(stdout).toContain('practitioner-1 (practitioner)  ClockPaused\n         clock Response, level 1 paused (Awaiting the dates the complainant is free)');
    expect(stdout).toMatch(/clock Response, level 1 resumed, now due 2026-04-\d\d 17:00 EDT/);
    expect(stdout).toContain('→ responded');
    expect(stdout).toContain('Now responded (open) at revision 10, last event 2026-03-06 10:00 EST');
    expect(stdout).toMatch(/Clocks:\n {2}Acknowledgement +met 2026-03-02 10:00 EST \(on time\); started 2026-03-02 09:00 EST, due 2026-03-04 17:00 EST\n/);

    const [record] = (await accessRecords(complaintId)).slice(-1);
    expect(record!.data).toEqual({ caseId: complaintId, read: 'history', details: { via: 'mend replay' } });
    expect(record!.metadata.actor).toEqual({ id: expect.stringMatching(/^os:/), role: 'system' });
  });

  it('replay names an unknown case (exit 65) and a malformed id (exit 64)', async () => {
    const unknown = await runCli(['replay', UNKNOWN_CASE], dataDir);
    expect(unknown.code).toBe(ExitCode.dataError);
    expect(unknown.stderr).toContain(`No case has the id ${UNKNOWN_CASE}`);
    expect(unknown.stdout).toBe('');
    const malformed = await runCli(['replay', 'case-1'], dataDir);
    expect(malformed.code).toBe(ExitCode.usage);
    expect(malformed.stderr).toContain('caseId: must be a UUID');
  });

  it('export --case writes one case as CSV to a file only its owner reads, progress on stderr, and records the read', async () => {
    const out = join(outDir, 'complaint.csv');
    const before = (await accessRecords(complaintId)).length;
    const { code, stdout, stderr } = await runCli(['export', '--case', complaintId, '--format', 'csv', '--out', out], dataDir);
    expect(code).toBe(ExitCode.ok);
    expect(stdout).toBe('');
    expect(stderr).toContain(`exported 11 events to ${out}`);
    expect(statSync(out).mode & 0o777).toBe(0o600);
    const [header, ...rows] = parseCsv(readFileSync(out, 'utf8'));
    expect(header).toEqual([...CSV_COLUMNS]);
    expect(rows.map((row) => row[3])).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    expect(rows.every((row) => row[2] === complaintId)).toBe(true);
    expect(JSON.parse(rows[0]![9]!)).toMatchObject({ complainant: { name: 'Robin, "R." Tremblay' } });
    const records = await accessRecords(complaintId);
    expect(records).toHaveLength(before + 1);
    expect(records.at(-1)!.data).toEqual({ caseId: complaintId, read: 'export', details: { format: 'csv', via: 'mend export' } });
  });

  it('export --workflow and --from/--to stream NDJSON of the matching cases to stdout', async () => {
    const complaints = await runCli(['export', '--workflow', 'complaint'], dataDir);
    expect(complaints.code).toBe(ExitCode.ok);
    const complaintItems = ndjson(complaints.stdout);
    expect(complaintItems).toHaveLength(11);
    expect(complaintItems.every((item) => item.streamId === `complaint-${complaintId}`)).toBe(true);
    expect(complaintItems.map((item) => item.position)).toEqual([...complaintItems.map((item) => item.position)].sort((a, b) => a - b));

    const march20 = await runCli(['export', '--from', '2026-03-10T00:00:00-04:00', '--to', '2026-04-01T00:00:00Z'], dataDir);
    expect(march20.code).toBe(ExitCode.ok);
    const items = ndjson(march20.stdout);
    expect(items.length).toBeGreaterThan(0);
    expect(new Set(items.map((item) => item.caseId))).toEqual(new Set([engagementId]));
    expect(items[0]).toMatchObject({ revision: 0, type: 'OptInReceived', actor: { id: 'supervisor-1', role: 'supervisor' } });
    expect(march20.stderr).toContain(`exported ${items.length} events`);
    expect((await accessRecords(engagementId)).map((e) => (e.data as { read: string }).read)).toEqual(['export']);
  });

  it('export refuses what it cannot do with exit 64 or 65 and a one-line reason', async () => {
    const cases: [string[], number, string][] = [
      [['export'], ExitCode.usage, 'say what to export'],
      [['export', '--case', complaintId, '--workflow', 'complaint'], ExitCode.usage, 'cannot be combined'],
      [['export', '--workflow', 'gardening'], ExitCode.usage, 'no workflow named "gardening"'],
      [['export', '--from', 'yesterday'], ExitCode.usage, '--from: must be an ISO 8601 time'],
      [['export', '--case', UNKNOWN_CASE], ExitCode.dataError, `No case has the id ${UNKNOWN_CASE}`],
    ];
    for (const [args, exit, message] of cases) {
      const result = await runCli(args, dataDir);
      expect({ args, code: result.code }).toEqual({ args, code: exit });
      expect(result.stderr).toContain(message);
      expect(result.stdout).toBe('');
    }
  }, 90_000);

  it('export --out refuses the data directory, an existing file unless --overwrite, and a place it cannot write (exit 73, one line)', async () => {
    const refused = async (args: string[], says: string) => {
      const result = await runCli(['export', '--case', complaintId, ...args], dataDir);
      expect({ args, code: result.code, stdout: result.stdout }).toEqual({ args, code: ExitCode.cannotCreate, stdout: '' });
      const progressLine = /^export: \d+\/\d+ events/;
      expect(result.stderr.trimEnd().split('\n').filter((line) => !progressLine.test(line))).toEqual([expect.stringMatching(new RegExp(`^mend: .*${says}`))]);
    };
    const inside = join(dataDir, 'export.ndjson');
    await refused(['--out', inside], 'inside the data directory');
    expect(existsSync(inside)).toBe(false);

    const existing = join(outDir, 'kept.ndjson');
    writeFileSync(existing, 'keep me\n', { mode: 0o644 });
    await refused(['--out', existing], '--overwrite');
    expect(readFileSync(existing, 'utf8')).toBe('keep me\n');
    const replaced = await runCli(['export', '--case', complaintId, '--out', existing, '--overwrite'], dataDir);
    expect(replaced.code).toBe(ExitCode.ok);
    expect(readFileSync(existing, 'utf8').split('\n')).toHaveLength(12);
    expect(statSync(existing).mode & 0o777).toBe(0o600);

    await refused(['--out', join(outDir, 'no-such-dir', 'x.ndjson')], 'no-such-dir');
    if (existsSync('/dev/full')) {
      // A write that fails (a full disk) is one line too, and a failed export removes only a regular file it wrote.
      await refused(['--out', '/dev/full', '--overwrite'], 'ENOSPC');
      expect(statSync('/dev/full').isCharacterDevice()).toBe(true);
    }
    const help = await runCli(['export', '--help'], dataDir);
    expect(help.stdout).toMatch(/--overwrite +replace/);
  }, 90_000);

  it('export to a reader that stops early (| head) stops quietly', async () => {
    const child = spawn(process.execPath, ['-r', './test/support/register.js', 'src/cli/main.ts', 'export', '--workflow', 'complaint'], {
      cwd: join(__dirname, '..', '..'),
      env: { ...process.env, MEND_DATA_DIR: dataDir, MEND_LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // The reader is gone before the first line: every write meets a closed pipe (EPIPE).
    child.stdout.destroy();
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(ExitCode.ok);
    expect(stderr).not.toMatch(/EPIPE|exported|Error|mend:/);
  });

  it('audit verify --case checks the case and its access log: exit 0 when clean', async () => {
    const clean = await runCli(['audit', 'verify', '--case', complaintId], dataDir);
    expect(clean.code).toBe(ExitCode.ok);
    expect(clean.stdout).toMatch(/^all 2 streams verified \(\d+ events\)\n$/);
    const unknown = await runCli(['audit', 'verify', '--case', UNKNOWN_CASE], dataDir);
    expect(unknown.code).toBe(ExitCode.dataError);
  });
});
