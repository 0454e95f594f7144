import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { localSecret, localVerifier } from '../../src/auth/jwt';
import { ExitCode } from '../../src/cli/exit-codes';
import { EnvSchema } from '../../src/config/config';
import { startApp } from '../support/app';
import { errorLines, mend } from './cli-process';

// Each verb is a child process that compiles the sources on load: give them time on a busy machine.
jest.setTimeout(120_000);

const ROOT = join(__dirname, '..', '..');

/** What the verbs' help promises, they do; what the configuration accepts, they accept. */
describe('mend: options as documented', () => {
  const work = mkdtempSync(join(tmpdir(), 'mend-cli-options-'));
  const dataDir = join(work, 'data');
  const env = { MEND_DATA_DIR: dataDir };

  beforeAll(async () => {
    const running = await startApp({ dataDir, start: '2026-03-09T15:00:00Z' });
    await running.close();
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('token refuses an empty subject (64) and takes its --ttl in the forms MEND_JWT_MAX_TTL takes (3600, 30m, 12h)', async () => {
    const empty = await mend(['token', '--sub', '', '--role', 'admin'], env);
    expect({ code: empty.code, stdout: empty.stdout }).toEqual({ code: ExitCode.usage, stdout: '' });
    expect(empty.stderr).toContain('--sub');
    const seconds = await mend(['token', '--sub', 'p-1', '--role', 'practitioner', '--ttl', '3600'], env);
    expect(seconds.code).toBe(ExitCode.ok);
    expect(await localVerifier(localSecret(dataDir).secret, 3600)(seconds.stdout.trim())).toEqual({ id: 'p-1', role: 'practitioner' });
    expect((await mend(['token', '--sub', 'p-1', '--role', 'practitioner', '--ttl', '0'], env)).code).toBe(ExitCode.usage);
  });

  it.each([
    ['a bidirectional override', '\u202e1-rosivrepus-omed'],
    ['spaces around it', ' p-1 '],
    ['a line break', 'p-1\nrole: admin'],
  ])('token refuses a subject with %s (64), which the server would refuse', async (_what, sub) => {
    const refused = await mend(['token', '--sub', sub, '--role', 'practitioner'], env);
    expect({ code: refused.code, stdout: refused.stdout }).toEqual({ code: ExitCode.usage, stdout: '' });
    expect(refused.stderr).toContain('--sub');
  });

  it.each([['backup'], ['erase'], ['serve']])('%s --help says which environment it reads: the data directory, the backup key, the ledger', async (verb) => {
    const help = await mend([verb, '--help'], env);
    expect(help.code).toBe(ExitCode.ok);
    for (const variable of ['MEND_DATA_DIR', 'MEND_BACKUP_KEY', 'MEND_ERASURE_LEDGER', 'MEND_CLOCK_START', 'PORT']) expect(help.stdout).toContain(variable);
  });

  it('projections status prints the status its help promises, for each projection', async () => {
    const help = await mend(['projections', 'status', '--help'], env);
    expect(help.stdout).toContain('status');
    const status = await mend(['projections', 'status'], env);
    expect(status.code).toBe(ExitCode.ok);
    const lines = status.stdout.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines) expect(line).toMatch(/^[a-z-]+: (up to date|behind|FAILED)\b.*checkpoint \d+/);
  });

  it('a MEND_AUDIT_KEY_FILE that does not exist is reported as missing (78), not as a key in the wrong format', async () => {
    const missing = join(work, 'audit.key');
    const result = await mend(['audit', 'checkpoint'], { ...env, MEND_AUDIT_KEY_FILE: missing });
    expect({ code: result.code, lines: errorLines(result.stderr) }).toEqual({
      code: ExitCode.config,
      lines: [expect.stringMatching(new RegExp(`^mend: MEND_AUDIT_KEY_FILE \\(${missing}\\) does not exist`))],
    });
  });

  it("docs/operations.md's MEND_STORE row names every engine, and its example of a bad value is what the CLI prints", async () => {
    const doc = readFileSync(join(ROOT, 'docs', 'operations.md'), 'utf8');
    const row = doc.split('\n').find((line) => line.startsWith('| `MEND_STORE` |'))!;
    for (const engine of EnvSchema.shape.MEND_STORE.unwrap().options) expect(row).toContain(`\`${engine}\``);
    const example = /\$ MEND_STORE=nope npx mend projections status\n([\s\S]*?)\$ echo \$\?\n(\d+)/.exec(doc)!;
    const result = await mend(['projections', 'status'], { ...env, MEND_STORE: 'nope' });
    expect({ code: result.code, stderr: result.stderr }).toEqual({ code: Number(example[2]), stderr: example[1] });
    // And its French example, for an operator whose locale is French.
    const french = /\$ LANG=fr_CA\.UTF-8 MEND_STORE=nope npx mend projections status\n([\s\S]*?)```/.exec(doc)!;
    const inFrench = await mend(['projections', 'status'], { ...env, MEND_STORE: 'nope', LC_ALL: '', LC_MESSAGES: '', LANG: 'fr_CA.UTF-8' });
    expect({ code: inFrench.code, stderr: inFrench.stderr }).toEqual({ code: 78, stderr: french[1] });
  });
});
