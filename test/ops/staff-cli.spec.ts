import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PersonRole } from '../../domain/roles';
import { ExitCode } from '../../src/cli/exit-codes';
import { errorLines, mend } from './cli-process';

// Each verb is a child process that compiles the sources on load: give them time on a busy machine.
jest.setTimeout(120_000);

describe('mend staff: the directory from the command line', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'mend-staff-cli-'));
  const env = { MEND_DATA_DIR: dataDir };
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('adds, updates and lists people; a bad option is refused with the field named and nothing stored', async () => {
    const added = await mend(['staff', 'add', 'practitioner-1', '--name', 'Alex Martin', '--role', 'practitioner', '--region', 'ON', '--languages', 'en,fr', '--by', 'admin-1'], env);
    expect(added.stderr).toBe('');
    expect(added).toMatchObject({ code: 0 });
    expect(added.stdout).toContain('added practitioner-1\tAlex Martin\tpractitioner\tON\ten,fr');

    const bad = await mend(['staff', 'add', 'p-2', '--name', 'B', '--role', 'wizard', '--region', 'ON', '--languages', 'en', '--by', 'admin-1'], env);
    expect(bad.code).toBe(ExitCode.usage);
    expect(bad.stderr).toContain('role');

    const moved = await mend(['staff', 'update', 'practitioner-1', '--region', 'QC', '--by', 'admin-1'], env);
    expect(moved).toMatchObject({ code: 0 });
    expect(moved.stdout).toContain('practitioner-1\tAlex Martin\tpractitioner\tQC\ten,fr (revision 1)');

    const listed = await mend(['staff', 'list', '--region', 'QC'], env);
    expect(listed).toMatchObject({ code: 0 });
    expect(listed.stdout.trim().split('\n')).toEqual(['practitioner-1\tAlex Martin\tpractitioner\tQC\ten,fr\t0 open']);
    expect((await mend(['staff', 'list', '--region', 'ON'], env)).stdout).toBe('');
  });

  it('refuses --inactive with --active and an update of nothing (64) and a person added twice (65, wrong data), recording nothing', async () => {
    const both = await mend(['staff', 'update', 'practitioner-1', '--inactive', '--active', '--by', 'admin-1'], env);
    expect(both.code).toBe(ExitCode.usage);
    expect(both.stderr).toMatch(/--inactive.* cannot be used with .*--active/);
    const nothing = await mend(['staff', 'update', 'practitioner-1', '--by', 'admin-1'], env);
    expect({ code: nothing.code, lines: errorLines(nothing.stderr) }).toEqual({
      code: ExitCode.usage,
      lines: ['mend: staff update changes nothing: give at least one of --name, --role, --region, --languages, --inactive or --active.'],
    });
    const twice = await mend(['staff', 'add', 'practitioner-1', '--name', 'Alex Again', '--role', 'practitioner', '--region', 'ON', '--languages', 'en', '--by', 'admin-1'], env);
    expect({ code: twice.code, lines: errorLines(twice.stderr) }).toEqual({
      code: ExitCode.dataError,
      lines: ['mend: practitioner-1 is already in the staff directory: update them instead.'],
    });
    const listed = await mend(['staff', 'list', '--all'], env);
    expect(listed.stdout.trim().split('\n')).toEqual(['practitioner-1\tAlex Martin\tpractitioner\tQC\ten,fr\t0 open']);
  });

  it('staff add --help names every role a person can hold, and --by must name someone', async () => {
    const help = await mend(['staff', 'add', '--help'], env);
    for (const role of PersonRole.options) expect(help.stdout).toContain(role);
    const nobody = await mend(['staff', 'update', 'practitioner-1', '--region', 'ON', '--by', ' '], env);
    expect(nobody.code).toBe(ExitCode.usage);
    expect(nobody.stderr).toContain('--by');
  });
});
