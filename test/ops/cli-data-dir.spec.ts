import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ExitCode } from '../../src/cli/exit-codes';
import { eachLimited, errorLines, mend } from './cli-process';

// Each verb is a child process that compiles the sources on load: give them time on a busy machine.
jest.setTimeout(180_000);

/** The verbs that read a store, with arguments that would succeed on one. */
const READERS = [
  ['audit', 'verify'],
  ['projections', 'status'],
  ['staff', 'list'],
  ['export', '--workflow', 'complaint'],
  ['replay', '00000000-0000-4000-8000-000000000000'],
];

/**
 * A mistyped MEND_DATA_DIR must not read as an empty store that verifies: a verb that works on a
 * store refuses a data directory that is not there, or holds no store, and creates nothing.
 */
describe('mend: a data directory that is not there', () => {
  const work = mkdtempSync(join(tmpdir(), 'mend-cli-data-dir-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('is refused by every verb that reads a store (exit 78, naming it), and nothing is created', async () => {
    const missing = join(work, 'dtaa');
    const results = await eachLimited(READERS, 2, (args) => mend(args, { MEND_DATA_DIR: missing }));
    results.forEach((result, i) => {
      expect({ verb: READERS[i], code: result.code, stdout: result.stdout, lines: errorLines(result.stderr) }).toEqual({
        verb: READERS[i],
        code: ExitCode.config,
        stdout: '',
        lines: [expect.stringMatching(new RegExp(`^mend: MEND_DATA_DIR \\(${missing}\\) does not exist`))],
      });
    });
    expect(existsSync(missing)).toBe(false);
  });

  it('a directory that holds no store is refused by a reader too (the parent of the data directory, say), and left as it was', async () => {
    const parent = join(work, 'srv');
    mkdirSync(parent);
    const result = await mend(['audit', 'verify'], { MEND_DATA_DIR: parent });
    expect({ code: result.code, lines: errorLines(result.stderr) }).toEqual({
      code: ExitCode.config,
      lines: [expect.stringMatching(new RegExp(`^mend: MEND_DATA_DIR \\(${parent}\\) holds no Mend store`))],
    });
    expect(readdirSync(parent)).toEqual([]);
  });

  it('the verbs that make a store still do: seed-demo into a new directory, then the readers work on it', async () => {
    const fresh = join(work, 'demo');
    const seeded = await mend(['seed-demo'], { MEND_DATA_DIR: fresh });
    expect(seeded.code).toBe(ExitCode.ok);
    const verified = await mend(['audit', 'verify'], { MEND_DATA_DIR: fresh });
    expect(verified.code).toBe(ExitCode.ok);
    expect(verified.stdout).toMatch(/^all [1-9]\d* streams verified/);
  });
});
