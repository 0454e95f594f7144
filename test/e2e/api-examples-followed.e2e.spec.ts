import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fencedBlocks, runShellBlocks, serverStart, shownPart } from '../support/doc-shell';
import { MendServer } from '../support/mend-process';

jest.setTimeout(300_000);

/**
 * docs/api-examples.md followed as a reader follows it, on today's date (long after the examples'
 * day): the server started as its setup says, the SLA scheduler on and sweeping often, then every
 * shell block pasted in order into one bash session. Each curl must print what the page shows.
 */
describe('docs/api-examples.md, followed on any day', () => {
  const page = readFileSync(join(__dirname, '..', '..', 'docs', 'api-examples.md'), 'utf8');
  const blocks = fencedBlocks(page);
  const cwd = mkdtempSync(join(tmpdir(), 'mend-api-examples-'));
  let server: MendServer;
  let run: Awaited<ReturnType<typeof runShellBlocks>>;
  const shell = blocks.filter((b) => b.lang === 'sh' && serverStart(b) === undefined);

  beforeAll(async () => {
    const start = blocks.map(serverStart).find((env) => env !== undefined);
    expect(start).toEqual({ MEND_DATA_DIR: './data-examples', MEND_CLOCK_START: expect.any(String) });
    server = await MendServer.start(join(cwd, start!['MEND_DATA_DIR']!), {
      MEND_CLOCK_START: start!['MEND_CLOCK_START']!,
      MEND_SCHEDULER: 'on',
      MEND_SCHEDULER_INTERVAL_MS: '50',
    });
    run = await runShellBlocks(
      shell.map((b) => b.code),
      { cwd, baseUrl: server.baseUrl },
    );
  });
  afterAll(async () => {
    await server?.stop();
    rmSync(cwd, { recursive: true, force: true });
  });

  it('runs every block to the end', () => {
    expect({ code: run.code, blocks: run.outputs.length, stderr: run.code === 0 ? '' : run.stderr }).toEqual({ code: 0, blocks: shell.length, stderr: '' });
  });

  it('answers each request as the page shows, revisions included', () => {
    const pairs: { request: string; expected: unknown; printed: string }[] = [];
    let shellIndex = -1;
    let waiting: { request: string; printed: string } | undefined;
    for (const block of blocks) {
      if (block.lang === 'sh' && serverStart(block) === undefined) {
        shellIndex++;
        if (block.code.includes('curl ')) waiting = { request: block.code.split('\n')[0]!, printed: run.outputs[shellIndex] ?? '' };
      } else if (block.lang === 'json' && waiting) {
        pairs.push({ ...waiting, expected: JSON.parse(block.code) });
        waiting = undefined;
      }
    }
    expect(pairs.length).toBeGreaterThanOrEqual(40);
    const differing = pairs
      .map(({ request, expected, printed }) => ({ request, expected, got: shownPart(JSON.parse(printed), expected) }))
      .filter(({ expected, got }) => JSON.stringify(expected) !== JSON.stringify(got));
    expect(differing).toEqual([]);
  });

  it('leaves no warning or breach recorded by the scheduler on the examples’ cases', async () => {
    const auditor = await server.as('auditor');
    const summary = await auditor.get('/sla/summary');
    expect(summary.status).toBe(200);
    expect({ warned: summary.body.overall.warned, breached: summary.body.overall.breached }).toEqual({ warned: 0, breached: 0 });
  });
});
