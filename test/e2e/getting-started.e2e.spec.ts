import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fencedBlocks, runShellBlocks, serverStart } from '../support/doc-shell';
import { MendServer } from '../support/mend-process';

jest.setTimeout(600_000);

/** Installing and building: the test runs in the checkout, on its sources. */
const INSTALL_OR_BUILD = new Set(['npm ci', 'npm run build']);

/**
 * docs/getting-started.md, followed as a newcomer follows it in a fresh directory: the demo loaded
 * before the server starts, the server started as the page says (SLA scheduler on), then every
 * later block run in one bash session, each request required to succeed (`curl --fail-with-body`).
 */
describe('docs/getting-started.md, followed', () => {
  const page = readFileSync(join(__dirname, '..', '..', 'docs', 'getting-started.md'), 'utf8');
  const shell = fencedBlocks(page).filter((b) => b.lang === 'sh' && !INSTALL_OR_BUILD.has(b.code.trim()));
  const startAt = shell.findIndex((b) => serverStart(b) !== undefined);
  const before = shell.slice(0, startAt).map((b) => b.code);
  const after = shell.slice(startAt + 1).map((b) => b.code);
  const cwd = mkdtempSync(join(tmpdir(), 'mend-getting-started-'));
  let server: MendServer;
  let seeded: Awaited<ReturnType<typeof runShellBlocks>>;
  let followed: Awaited<ReturnType<typeof runShellBlocks>>;

  beforeAll(async () => {
    expect(serverStart(shell[startAt]!)).toEqual({});
    seeded = await runShellBlocks(before, { cwd, baseUrl: 'http://127.0.0.1:0' });
    server = await MendServer.start(join(cwd, 'data'), { MEND_SCHEDULER: 'on', MEND_LOG_LEVEL: 'warn' });
    followed = await runShellBlocks(after, { cwd, baseUrl: server.baseUrl });
  });
  afterAll(async () => {
    await server?.stop();
    rmSync(cwd, { recursive: true, force: true });
  });

  it('tells the README’s story: the demo is loaded before Mend starts, in one block', () => {
    const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
    const demo = fencedBlocks(readme).find((b) => b.code.includes('npx mend seed-demo'))?.code ?? '';
    expect({ seedDemo: demo.indexOf('npx mend seed-demo') >= 0, thenStart: demo.search(/^npm start\b/m) > demo.indexOf('npx mend seed-demo') }).toEqual({
      seedDemo: true,
      thenStart: true,
    });
    expect(page.indexOf('npx mend seed-demo')).toBeLessThan(page.indexOf('npm start\n'));
  });

  it('loads the demo with Mend stopped, before it starts: as many cases as the page says', () => {
    expect({ code: seeded.code, blocks: seeded.outputs.length }).toEqual({ code: 0, blocks: before.length });
    const said = /The demo is (\d+) cases/.exec(page)?.[1];
    const loaded = /^Loaded the demo into .*: (\d+) cases/m.exec(seeded.outputs.join('\n'))?.[1];
    expect({ loaded }).toEqual({ loaded: said });
    expect(readFileSync(join(__dirname, '..', '..', 'docs', 'operations.md'), 'utf8')).toContain(`\`mend seed-demo\` loads **${said} cases**`);
  });

  it('runs every later block, each request answered without an error', () => {
    expect({ code: followed.code, blocks: followed.outputs.length, stderr: followed.code === 0 ? '' : followed.stderr }).toEqual({
      code: 0,
      blocks: after.length,
      stderr: '',
    });
  });

  it('reads the demo and opens a case of each workflow, each in the state the page says', () => {
    const outputOf = (text: string) => followed.outputs[after.findIndex((code) => code.includes(text))] ?? '';
    expect(outputOf('/sla/clocks?status=breached')).toContain('"status":"breached"');
    // Each block prints the case after each of its commands: the last state is where the case stands.
    const lastState = (output: string) => [...output.matchAll(/"state":"([^"]+)"/g)].map((m) => m[1]).at(-1);
    expect({
      complaint: lastState(outputOf('ReceiveComplaint')),
      engagement: lastState(outputOf('ReceiveOptIn')),
      referral: lastState(outputOf('ReceiveReferral')),
      referralToTheSupervisor: outputOf("-w '%{http_code}").trim(),
    }).toEqual({ complaint: 'underReview', engagement: 'phase1', referral: 'intakeAssessment', referralToTheSupervisor: '404' });
  });
});
