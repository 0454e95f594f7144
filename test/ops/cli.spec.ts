import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Command } from 'commander';
import { localSecret, localVerifier } from '../../src/auth/jwt';
import { ExitCode } from '../../src/cli/exit-codes';
import { program } from '../../src/cli/main';
import { systemClock } from '../../src/clock/clock';
import { EVENTS_FILE } from '../../src/event-store/event-store.factory';
import { SqliteEventStore } from '../../src/event-store/sqlite-event-store';
import { workflowDefinitions } from '../../workflows/registry';
import { startApp } from '../support/app';
import { applicationModulesLoadedBy, eachLimited, mend } from './cli-process';

// Each verb is a child process that compiles the sources on load: give them time on a busy machine.
jest.setTimeout(120_000);

/** Every verb of the program, as the words that name it (`['projections', 'rebuild']`). */
function verbs(command: Command, prefix: string[] = []): string[][] {
  return command.commands.flatMap((sub) => {
    const path = [...prefix, sub.name()];
    return sub.commands.length > 0 ? [path, ...verbs(sub, path)] : [path];
  });
}

async function headPosition(dataDir: string): Promise<number> {
  const store = new SqliteEventStore({ filename: join(dataDir, EVENTS_FILE) });
  try {
    return await store.headPosition();
  } finally {
    await store.close();
  }
}

describe('mend, the operator CLI', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'mend-ops-cli-'));
  const env = { MEND_DATA_DIR: dataDir };
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('has --help on every verb, each exiting 0', async () => {
    const all = verbs(program());
    expect(all.map((v) => v.join(' '))).toEqual(
      expect.arrayContaining(['serve', 'token', 'projections', 'projections rebuild', 'projections status', 'replay', 'audit verify', 'export', 'erase', 'seed-demo']),
    );
    const results = await eachLimited(all, 2, (verb) => mend([...verb, '--help'], env));
    results.forEach((result, i) => {
      expect({ verb: all[i], code: result.code, usage: result.stdout.split('\n')[0] }).toEqual({
        verb: all[i],
        code: ExitCode.ok,
        usage: expect.stringMatching(new RegExp(`^Usage: mend ${all[i]!.join(' ')}\\b`)),
      });
    });
  });

  it('token and every --help load no NestJS module and no store driver: they need none of the application', async () => {
    const runs = [['token', '--sub', 'p-1', '--role', 'practitioner'], ...verbs(program()).map((verb) => [...verb, '--help'])];
    const lazy = { MEND_DATA_DIR: join(dataDir, 'lazy') };
    const results = await eachLimited(runs, 2, (args) => applicationModulesLoadedBy(args, lazy));
    results.forEach((result, i) => expect({ args: runs[i], code: result.code, loaded: result.loaded }).toEqual({ args: runs[i], code: 0, loaded: [] }));
    expect(await headPosition(lazy.MEND_DATA_DIR)).toBe(0); // an empty store for the verb that reads one
    const status = await applicationModulesLoadedBy(['projections', 'status'], lazy);
    expect(status.code).toBe(ExitCode.ok);
    expect(status.loaded).toEqual(expect.arrayContaining([expect.stringMatching(/@nestjs[\\/]core/)]));
  });

  it('refuses an unknown verb with exit 64, naming it', async () => {
    const result = await mend(['frobnicate'], env);
    expect(result.code).toBe(ExitCode.usage);
    expect(result.stderr).toContain("unknown command 'frobnicate'");
    expect(result.stdout).toBe('');
  });

  it('refuses a bad configuration value with exit 78, naming the variable', async () => {
    const store = await mend(['projections', 'status'], { ...env, MEND_STORE: 'nope' });
    expect(store.code).toBe(ExitCode.config);
    expect(store.stderr).toMatch(/MEND_STORE: .*\(got "nope"\)/);
    const port = await mend(['serve'], { ...env, PORT: 'abc' });
    expect(port.code).toBe(ExitCode.config);
    expect(port.stderr).toMatch(/PORT: .*\(got "abc"\)/);
  });

  it('token prints a bearer token this instance accepts, for the person and role asked', async () => {
    const result = await mend(['token', '--sub', 'auditor-7', '--role', 'auditor', '--ttl', '30m'], env);
    expect(result.code).toBe(ExitCode.ok);
    const token = result.stdout.trim();
    expect(token.split('.')).toHaveLength(3);
    expect(await localVerifier(localSecret(dataDir).secret, 12 * 3600)(token)).toEqual({ id: 'auditor-7', role: 'auditor' });
    expect(result.stderr).toContain(`${join(dataDir, 'jwt-secret')}; only a Mend serving the data directory ${dataDir} (MEND_DATA_DIR) accepts it.`);
    expect((await mend(['token', '--sub', 'x', '--role', 'janitor'], env)).code).toBe(ExitCode.usage);
    expect((await mend(['token', '--role', 'admin'], env)).code).toBe(ExitCode.usage);
    expect((await mend(['token', '--sub', 'x', '--role', 'admin', '--ttl', 'soon'], env)).code).toBe(ExitCode.usage);
    const tooLong = await mend(['token', '--sub', 'x', '--role', 'admin', '--ttl', '13h'], env);
    expect(tooLong.code).toBe(ExitCode.usage);
    expect(tooLong.stderr).toContain('MEND_JWT_MAX_TTL');
    expect(tooLong.stdout).toBe('');
  });

  it('token says on stderr when it generated the secret, and where: a newcomer sees which data directory it serves', async () => {
    const fresh = join(dataDir, 'fresh');
    const result = await mend(['token', '--sub', 'p-1', '--role', 'practitioner'], { MEND_DATA_DIR: fresh });
    expect(result.code).toBe(ExitCode.ok);
    expect(result.stdout.trim().split('.')).toHaveLength(3);
    expect(result.stderr).toBe(
      `mend: ${fresh} had no signing secret yet: generated one into ${join(fresh, 'jwt-secret')}; only a Mend serving the data directory ${fresh} (MEND_DATA_DIR) accepts it.\n`,
    );
    const again = await mend(['token', '--sub', 'p-1', '--role', 'practitioner'], { MEND_DATA_DIR: fresh });
    expect(again.stderr).toBe(`mend: signed with the secret in ${join(fresh, 'jwt-secret')}; only a Mend serving the data directory ${fresh} (MEND_DATA_DIR) accepts it.\n`);
    const configured = await mend(['token', '--sub', 'p-1', '--role', 'practitioner'], { MEND_DATA_DIR: fresh, MEND_JWT_SECRET: 's'.repeat(40) });
    expect(configured.stderr).toContain('signed with MEND_JWT_SECRET');
  });

  describe('on the demo data set', () => {
    let seeded: { stdout: string; code: number | null };
    let head: number;
    let breachedCase: string;

    beforeAll(async () => {
      seeded = await mend(['seed-demo'], env);
      head = await headPosition(dataDir);
      breachedCase = /A case with a breached clock, for supervisors to open: (\S+)/.exec(seeded.stdout)?.[1] ?? '';
    });

    it('seed-demo loads dozens of cases of every workflow and prints a summary and tokens', async () => {
      expect(seeded.code).toBe(ExitCode.ok);
      const total = Number(/^Loaded the demo into .*: (\d+) cases, \d+ commands/.exec(seeded.stdout)?.[1]);
      // Every registered workflow's demo, each case counted once.
      const perWorkflow = workflowDefinitions.map((d) => Number(new RegExp(`\\n\\s*${d.name}: (\\d+) cases — `).exec(seeded.stdout)?.[1]));
      // Every workflow has demo cases (README: the workflow folder's demo.ts): one that has none is named.
      expect(workflowDefinitions.filter((_, i) => !(perWorkflow[i]! > 0)).map((d) => d.name)).toEqual([]);
      expect(total).toBe(perWorkflow.reduce((a, b) => a + b, 0));
      expect(seeded.stdout).toMatch(/restorative-engagement: 13 cases — .*phase1 .*completed 2.*withdrawn 1/);
      expect(seeded.stdout).toMatch(/restorative-opportunities: 14 cases — .*modelSelected 2.*notSuitable 1/);
      expect(seeded.stdout).toMatch(/complaint: \d+ cases — .*underReview \d+.*closed \d+/);
      expect(seeded.stdout).toMatch(/SLA clocks: .*breached [1-9]/);
      expect(seeded.stdout).toMatch(/SLA clocks: .*warned [1-9]/);
      const supervisorToken = /export SUPERVISOR=(\S+)/.exec(seeded.stdout)?.[1];
      expect(await localVerifier(localSecret(dataDir).secret, 12 * 3600)(supervisorToken!)).toEqual({ id: 'demo-supervisor-1', role: 'supervisor' });
      expect(head).toBeGreaterThan(200);
    });

    it('seed-demo refuses a store that holds events (exit 65) and adds nothing', async () => {
      const again = await mend(['seed-demo'], env);
      expect(again.code).toBe(ExitCode.dataError);
      expect(again.stderr).toContain('already holds events');
      expect(await headPosition(dataDir)).toBe(head);
    });

    it('projections status shows the read models behind, rebuild brings them to the head', async () => {
      const before = await mend(['projections', 'status'], env);
      expect(before.code).toBe(ExitCode.ok);
      for (const name of ['cases', 'complaint-board', 'sla-clocks']) expect(before.stdout).toContain(`${name}: behind, checkpoint 0, ${head} events behind`);
      const rebuilt = await mend(['projections', 'rebuild'], env);
      expect(rebuilt.code).toBe(ExitCode.ok);
      expect(rebuilt.stdout).toMatch(new RegExp(`sla-clocks: ${head} events in .*checkpoint ${head}`));
      const after = await mend(['projections', 'status'], env);
      for (const name of ['cases', 'complaint-board', 'sla-clocks']) expect(after.stdout).toContain(`${name}: up to date, checkpoint ${head}, 0 events behind`);
      expect((await mend(['projections', 'rebuild', 'nope'], env)).code).toBe(ExitCode.usage);
    });

    it('the served demo shows breached and warned clocks to a supervisor', async () => {
      const running = await startApp({ dataDir, clock: systemClock });
      try {
        const supervisor = await running.as('supervisor', 'demo-supervisor-1');
        const summary = await supervisor.get('/sla/summary');
        expect(summary.status).toBe(200);
        expect(summary.body.overall.breached).toBeGreaterThan(0);
        expect(summary.body.overall.warned).toBeGreaterThan(0);
        const breached = await supervisor.get(`/sla/clocks?status=breached&caseId=${breachedCase}`);
        expect(breached.body.items.length).toBeGreaterThan(0);
      } finally {
        await running.close();
      }
    });

    it('replay prints the timeline of a demo case, breach included', async () => {
      const result = await mend(['replay', breachedCase], env);
      expect(result.code).toBe(ExitCode.ok);
      expect(result.stdout).toContain(`Case ${breachedCase}: complaint`);
      expect(result.stdout).toContain('demo-supervisor-1 (supervisor)  ComplaintReceived');
      expect(result.stdout).toContain('ClockBreached');
      expect((await mend(['replay', 'not-a-uuid'], env)).code).toBe(ExitCode.usage);
    });

    it('export writes the case as NDJSON; erase shreds a participant; audit verify still holds', async () => {
      const exported = await mend(['export', '--case', breachedCase], env);
      expect(exported.code).toBe(ExitCode.ok);
      const events = exported.stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as { caseId: string; type: string; data: any });
      expect(events.every((e) => e.caseId === breachedCase)).toBe(true);
      expect(events[0]!.type).toBe('ComplaintReceived');
      const complainant = events[0]!.data.complainant as { subjectId: string; name: string };
      expect(complainant.name).toMatch(/^Participant C-\d{3}$/);

      const erased = await mend(['erase', complainant.subjectId, '--by', 'demo-admin-1', '--consent-by', 'subject', '--consent-at', '2026-01-01T00:00:00Z'], env);
      expect(erased.code).toBe(ExitCode.ok);
      expect(erased.stdout).toContain(`Erased ${complainant.subjectId}`);
      const after = await mend(['export', '--case', breachedCase, '--format', 'ndjson'], env);
      expect(JSON.parse(after.stdout.split('\n')[0]!).data.complainant.name).toBe('[erased]');
      expect((await mend(['erase', complainant.subjectId], env)).code).toBe(ExitCode.usage);

      const verified = await mend(['audit', 'verify'], env);
      expect(verified.code).toBe(ExitCode.ok);
      expect(verified.stdout).toMatch(/all \d+ streams verified/);
    });
  });
});
