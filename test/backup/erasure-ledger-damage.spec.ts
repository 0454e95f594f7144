import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { takeBackup } from '../../src/backup/backup';
import { ExitCode } from '../../src/cli/exit-codes';
import { startApp } from '../support/app';
import { errorLines, mend } from '../ops/cli-process';
import { configFor, secrets } from './backup-support';

jest.setTimeout(120_000);

/** The person consented to the disposal of their information (within the Privacy Act's retention period). */
const CONSENT = { consent: { givenBy: 'subject', givenAt: '2026-03-01T12:00:00Z' } };

/**
 * Only the last line of the erasure ledger can have been cut short by a crash. A damaged line with
 * others after it is damage: skipping it would bring an erased person back, so restore and
 * `erasure reapply` stop (exit 65), naming the line.
 */
describe('a damaged erasure ledger', () => {
  const vault = secrets();
  const work = mkdtempSync(join(tmpdir(), 'mend-ledger-damage-'));
  const dataDir = join(work, 'data');
  const backupDir = join(work, 'backup');
  let valid = '';

  beforeAll(async () => {
    const running = await startApp({ dataDir, start: '2026-03-09T15:00:00Z', env: vault.env });
    try {
      const supervisor = await running.as('supervisor', 'supervisor-1');
      const opened = await supervisor.post('/cases', {
        workflow: 'complaint',
        command: 'ReceiveComplaint',
        data: { channel: 'mail', receivedAt: '2026-03-09T10:00:00-04:00', region: 'ON', complainant: { name: 'Erased Later' }, text: 'Later.' },
      });
      const subjectId = (await supervisor.get(`/cases/${opened.body.caseId}/history`)).body.items[0].data.complainant.subjectId;
      await takeBackup(configFor(dataDir, vault.env), backupDir);
      expect((await (await running.as('admin', 'admin-1')).post(`/subjects/${subjectId}/erase`, CONSENT)).status).toBe(200);
    } finally {
      await running.close();
    }
    valid = readFileSync(vault.ledger, 'utf8');
    expect(valid.split('\n')).toHaveLength(2);
  });

  afterAll(() => {
    rmSync(work, { recursive: true, force: true });
    rmSync(vault.dir, { recursive: true, force: true });
  });

  /** The ledger, rewritten with `text`. */
  function ledger(text: string): void {
    writeFileSync(vault.ledger, text);
  }

  it('restore stops at a damaged line followed by others (exit 65, naming the line) and writes nothing', async () => {
    ledger(`{subjectId":"0195f3a0-0000-7000-8000-000000000000","eventId":"x"}\n${valid}`);
    const target = join(work, 'restored');
    const result = await mend(['restore', backupDir], { MEND_DATA_DIR: target, ...vault.env });
    expect({ code: result.code, lines: errorLines(result.stderr).filter((line) => line.startsWith('mend: ')) }).toEqual({
      code: ExitCode.dataError,
      lines: [expect.stringContaining(`${vault.ledger} is damaged at line 1`)],
    });
    expect(result.stdout).toBe('');
    expect(existsSync(target)).toBe(false);
    expect(readdirSync(work).sort()).toEqual(['backup', 'data']);
  });

  it('erasure reapply stops there too, and on a file that is not a ledger at all it never says "0 erasures"', async () => {
    ledger(`${valid}{"subjectId":"half\n${valid}`);
    const damaged = await mend(['erasure', 'reapply'], { MEND_DATA_DIR: dataDir, ...vault.env });
    expect({ code: damaged.code, stdout: damaged.stdout, lines: errorLines(damaged.stderr) }).toEqual({
      code: ExitCode.dataError,
      stdout: '',
      lines: [expect.stringContaining(`${vault.ledger} is damaged at line 2`)],
    });
    // A whole JSON line, but of an id no person is recorded under: not an erasure to do again.
    ledger(`${valid}${valid.trim().replace(/"subjectId":"[^"]*"/, '"subjectId":"not a valid id!!"')}\n`);
    const invalid = await mend(['erasure', 'reapply'], { MEND_DATA_DIR: dataDir, ...vault.env });
    expect({ code: invalid.code, lines: errorLines(invalid.stderr) }).toEqual({
      code: ExitCode.dataError,
      lines: [expect.stringMatching(new RegExp(`${vault.ledger} is damaged at line 2: .*subjectId`))],
    });
    for (const garbage of ['these are my notes\nnot a ledger\n', 'PK\u0003\u0004 a zip file, not a ledger']) {
      ledger(garbage);
      const result = await mend(['erasure', 'reapply'], { MEND_DATA_DIR: dataDir, ...vault.env });
      expect({ code: result.code, stdout: result.stdout, lines: errorLines(result.stderr) }).toEqual({
        code: ExitCode.dataError,
        stdout: '',
        lines: [expect.stringContaining(`${vault.ledger} is damaged at line 1`)],
      });
    }
  });

  it('a last line cut short by a crash is still skipped, with a warning naming it', async () => {
    ledger(`${valid}{"subjectId":"01`);
    const result = await mend(['erasure', 'reapply'], { MEND_DATA_DIR: dataDir, ...vault.env });
    expect(result.code).toBe(ExitCode.ok);
    expect(result.stdout).toContain('1 erasure in the ledger');
    expect(result.stderr).toContain('line 2');
  });
});
