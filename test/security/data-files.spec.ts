import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { workflowDefinitions } from '../../workflows/registry';
import { startApp } from '../support/app';

const example = (workflow: string, command: string) =>
  workflowDefinitions.find((d) => d.name === workflow)!.commands.find((c) => c.type === command)!.example;

/** Another account on the machine must not read case content, keys or the token secret from the data directory. */
describe('the data directory is private to its owner', () => {
  const parent = mkdtempSync(join(tmpdir(), 'mend-perms-'));
  afterAll(() => rmSync(parent, { recursive: true, force: true }));

  it('creates the directory 0700 and every file in it (databases, WAL and SHM files, jwt-secret) 0600', async () => {
    const dataDir = join(parent, 'data');
    const previous = process.umask(0o022);
    try {
      const running = await startApp({ dataDir, start: '2026-03-02T15:00:00Z' });
      const supervisor = await running.as('supervisor', 'supervisor-1');
      const opened = await supervisor.post('/cases', { workflow: 'complaint', command: 'ReceiveComplaint', data: example('complaint', 'ReceiveComplaint') });
      expect(opened.status).toBe(201);
      expect((await supervisor.get(`/cases/${opened.body.caseId}?minPosition=${opened.body.position}`)).status).toBe(200);
      const files = readdirSync(dataDir);
      expect(files).toEqual(expect.arrayContaining(['events.sqlite', 'events.sqlite-wal', 'keys.sqlite', 'jwt-secret']));
      expect(files.some((f) => f.endsWith('-shm'))).toBe(true);
      expect((statSync(dataDir).mode & 0o777).toString(8)).toBe('700');
      const modes = Object.fromEntries(files.map((f) => [f, (statSync(join(dataDir, f)).mode & 0o777).toString(8)]));
      expect(modes).toEqual(Object.fromEntries(files.map((f) => [f, '600'])));
      await running.close();
    } finally {
      process.umask(previous);
    }
  });
});
