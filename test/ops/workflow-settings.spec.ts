import { ExitCode } from '../../src/cli/exit-codes';
import { ConfigError, loadConfig } from '../../src/config/config';
import { startApp } from '../support/app';
import { mend } from './cli-process';

// `mend serve` is a child process that compiles the sources on load: give it time on a busy machine.
jest.setTimeout(120_000);

const override = (settings: unknown) => ({ MEND_WORKFLOW_SETTINGS: JSON.stringify({ 'support-coordination': settings }) });

function problemsOf(env: Record<string, string>): { variable: string; message: string }[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return [...error.problems];
    throw error;
  }
  return [];
}

describe('MEND_WORKFLOW_SETTINGS: support-coordination', () => {
  it('overrides the first-contact business days, completing the rest with the defaults', () => {
    const config = loadConfig(override({ firstContactBusinessDays: 3 }));
    expect(config.settings.workflows['support-coordination']).toEqual({ firstContactBusinessDays: 3, firstContactHours: { start: '07:00', end: '17:00' } });
  });

  it('gives an opted-in client the configured first-contact clock, over HTTP', async () => {
    const running = await startApp({ start: '2026-03-02T15:00:00Z', env: override({ firstContactBusinessDays: 3 }) });
    try {
      const supervisor = await running.as('supervisor', 'supervisor-1');
      const opened = await supervisor.post('/cases', {
        workflow: 'support-coordination',
        command: 'RecordOptIn',
        data: { channel: 'supportLine', client: { anonymous: true }, language: 'fr' },
      });
      expect(opened.status).toBe(201);
      const clock = (opened.body as { clocks: { name: string; dueAt: string }[] }).clocks.find((c) => c.name === 'First contact');
      // Opted in on Monday 10:00 in Ottawa: three business days after Monday is Thursday, 17:00.
      expect(clock?.dueAt).toBe('2026-03-05T22:00:00.000Z');
    } finally {
      await running.close();
    }
  });

  it('refuses a bad value at start-up, naming the variable and the setting', () => {
    expect(problemsOf(override({ firstContactBusinessDays: 0 }))).toEqual([
      { variable: 'MEND_WORKFLOW_SETTINGS', message: expect.stringMatching(/^support-coordination\.firstContactBusinessDays: .*\(got "\{/) },
    ]);
    expect(problemsOf(override({ firstContactHours: { start: '17:00', end: '07:00' } }))).toEqual([
      { variable: 'MEND_WORKFLOW_SETTINGS', message: expect.stringContaining('support-coordination.firstContactHours: must start before it ends') },
    ]);
    expect(problemsOf(override({ firstContactDays: 2 })).map((p) => p.message)).toEqual([expect.stringContaining('firstContactDays')]);
  });

  it('stops `mend serve` with exit 78 on a bad value, saying which', async () => {
    const result = await mend(['serve'], override({ firstContactBusinessDays: 'two' }));
    expect(result.code).toBe(ExitCode.config);
    expect(result.stderr).toMatch(/MEND_WORKFLOW_SETTINGS: support-coordination\.firstContactBusinessDays: /);
  });
});

describe('complaint level titles in English and in French', () => {
  it('reads MEND_ESCALATION_CHAIN as `English | French` titles separated by ";", the French optional', () => {
    const config = loadConfig({ MEND_ESCALATION_CHAIN: 'Coordinator | Coordination ; Director' });
    expect(config.settings.escalationChain).toEqual([
      { level: 1, title: 'Coordinator', titleFr: 'Coordination' },
      { level: 2, title: 'Director' },
    ]);
  });

  it('reads a program chain in chainsByProgram the same way', () => {
    const config = loadConfig({ MEND_WORKFLOW_SETTINGS: JSON.stringify({ complaint: { chainsByProgram: { 'restorative-opportunities': ['Coordinator | Coordination', 'Manager'] } } }) });
    expect(config.settings.workflows['complaint']).toMatchObject({
      chainsByProgram: { 'restorative-opportunities': [{ title: 'Coordinator', titleFr: 'Coordination' }, { title: 'Manager' }] },
    });
  });

  it('refuses a title with two "|", an empty half or no title at all, naming the variable', () => {
    for (const chain of ['A | B | C', 'A |', ' | B', ';;']) {
      expect([chain, problemsOf({ MEND_ESCALATION_CHAIN: chain }).map((p) => p.variable)]).toEqual([chain, ['MEND_ESCALATION_CHAIN']]);
    }
    const program = problemsOf({ MEND_WORKFLOW_SETTINGS: JSON.stringify({ complaint: { chainsByProgram: { 'restorative-opportunities': ['A | B | C'] } } }) });
    expect(program).toEqual([{ variable: 'MEND_WORKFLOW_SETTINGS', message: expect.stringContaining('complaint.chainsByProgram.restorative-opportunities.0: "A | B | C" must be') }]);
  });
});
