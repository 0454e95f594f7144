import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * bin/mend.js runs the commands that rebuild read models in a node whose old space is capped, so
 * that the process's resident size stays near what a rebuild keeps. The real bin script runs here
 * beside an entry point that reports the heap limit it got (the built CLI is not needed for that).
 */
describe('the heap cap of the rebuilding commands', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mend-bin-'));
  beforeAll(() => {
    mkdirSync(join(dir, 'bin'));
    mkdirSync(join(dir, 'dist', 'src', 'cli'), { recursive: true });
    copyFileSync(join(__dirname, '..', '..', 'bin', 'mend.js'), join(dir, 'bin', 'mend.js'));
    writeFileSync(
      join(dir, 'dist', 'src', 'cli', 'main.js'),
      `exports.main = async (argv) => {
         const limit = require('node:v8').getHeapStatistics().heap_size_limit;
         process.stdout.write(JSON.stringify({ args: argv.slice(2), limitMiB: Math.round(limit / 2 ** 20) }));
         return 0;
       };`,
    );
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const run = (args: string[], env: Record<string, string> = {}) =>
    JSON.parse(execFileSync(process.execPath, [join(dir, 'bin', 'mend.js'), ...args], { env: { PATH: process.env['PATH'] ?? '', ...env }, encoding: 'utf8' })) as {
      args: string[];
      limitMiB: number;
    };

  it('caps projections rebuild and restore at 256 MiB of old space, with their arguments unchanged', () => {
    const rebuild = run(['projections', 'rebuild', 'cases']);
    expect(rebuild.args).toEqual(['projections', 'rebuild', 'cases']);
    // The limit counts the young generation too: a little over the old space's 256 MiB.
    expect(rebuild.limitMiB).toBeGreaterThanOrEqual(256);
    expect(rebuild.limitMiB).toBeLessThan(400);
    expect(run(['restore', '/backups/b1']).limitMiB).toBeLessThan(400);
  });

  it("leaves other commands, and an operator's own cap, alone", () => {
    const uncapped = run(['projections', 'status']).limitMiB;
    expect(uncapped).toBeGreaterThan(1000);
    const own = run(['projections', 'rebuild'], { NODE_OPTIONS: '--max-old-space-size=1024' }).limitMiB;
    expect(own).toBeGreaterThanOrEqual(1024);
    expect(own).toBeLessThan(1200);
  });
});
