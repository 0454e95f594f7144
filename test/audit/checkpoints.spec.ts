import { frenchTypographyFaults } from '../support/french-typography';
import Database from 'better-sqlite3';
import { generateKeyPairSync } from 'node:crypto';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VerificationSchema, type CheckpointProblem, type Verification } from '../../src/audit/audit.schemas';
import { CHECKPOINT_SIGNED, CHECKPOINT_STREAM, signCheckpoint } from '../../src/audit/checkpoint';
import { verifyingKey } from '../../src/audit/checkpoint-keys';
import type { MendConfig } from '../../src/config/config';
import { eventHash, GENESIS_HASH } from '../../src/event-store/hash-chain';
import { ExitCode } from '../../src/cli/exit-codes';
import { startApp } from '../support/app';
import { driveComplaint, eventsFile, runCli } from './audit-support';

interface Row {
  position: number;
  id: string;
  stream_id: string;
  revision: number;
  type: string;
  data: string;
  metadata: string;
}

/** Writes an Ed25519 key pair as PEM files and returns their paths. */
function keyPair(dir: string, name: string): { privateFile: string; publicFile: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const privateFile = join(dir, `${name}.key`);
  const publicFile = join(dir, `${name}.pub`);
  writeFileSync(privateFile, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  writeFileSync(publicFile, publicKey.export({ type: 'spki', format: 'pem' }));
  return { privateFile, publicFile };
}

/** Recomputes the hashes of a stream from a revision on, as a forger who knows the hashing rule would. */
function rechain(db: Database.Database, streamId: string): void {
  const rows = db.prepare<[string], Row>('SELECT * FROM events WHERE stream_id = ? ORDER BY revision').all(streamId);
  let prevHash = GENESIS_HASH;
  const update = db.prepare('UPDATE events SET metadata = ? WHERE id = ?');
  for (const row of rows) {
    const metadata = JSON.parse(row.metadata) as Record<string, unknown>;
    metadata.prevHash = prevHash;
    metadata.hash = eventHash(prevHash, { streamId, revision: row.revision, type: row.type, data: JSON.parse(row.data), metadata });
    prevHash = String(metadata.hash);
    update.run(JSON.stringify(metadata), row.id);
  }
}

/**
 * Signed checkpoints catch what hash chains alone cannot: an insider with write access to the
 * SQLite file rewrites an event and recomputes the chain, deletes a stream's last events (a
 * breach), or deletes a whole stream. Each forgery is made on a copy of one recorded store after
 * `mend audit checkpoint` signed it with a key kept outside the data directory.
 */
describe('signed audit checkpoints', () => {
  const root = mkdtempSync(join(tmpdir(), 'mend-checkpoint-'));
  const keys = mkdtempSync(join(tmpdir(), 'mend-audit-keys-'));
  const original = join(root, 'original');
  const genuine = keyPair(keys, 'genuine');
  const attacker = keyPair(keys, 'attacker');
  const signing = { MEND_AUDIT_KEY_FILE: genuine.privateFile };
  const verifying = { MEND_AUDIT_PUBLIC_KEY_FILE: genuine.publicFile };
  let first: { caseId: string; streamId: string };
  let second: { caseId: string; streamId: string };
  let digest: string;

  beforeAll(async () => {
    const running = await startApp({ start: '2026-03-02T14:00:00Z', dataDir: original });
    const a = await driveComplaint(running);
    const b = await driveComplaint(running);
    first = { caseId: a.caseId, streamId: `complaint-${a.caseId}` };
    second = { caseId: b.caseId, streamId: `complaint-${b.caseId}` };
    await running.close();
    const signed = await runCli(['audit', 'checkpoint'], original, signing);
    expect(signed.code).toBe(0);
    digest = /sha256:([0-9a-f]{64})/.exec(signed.stdout)![1]!;
    // Two case streams, their two case-id reservations and their two reference reservations.
    expect(signed.stdout).toMatch(/checkpoint 1 signed at position \d+ \(\d+ events, 6 streams\)/);
    // Work after the checkpoint is not covered by it, and does not disturb the comparison.
    const later = await startApp({ dataDir: original });
    await driveComplaint(later);
    await later.close();
  });
  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
    rmSync(keys, { recursive: true, force: true });
  });

  function tampered(name: string, tamper: (db: Database.Database) => void): string {
    const dir = join(root, name);
    cpSync(original, dir, { recursive: true });
    const db = new Database(eventsFile(dir));
    tamper(db);
    db.close();
    return dir;
  }

  async function verdicts(dataDir: string, query = ''): Promise<{ http: Verification; fr: Verification; cli: Awaited<ReturnType<typeof runCli>> }> {
    const running = await startApp({ dataDir, env: verifying });
    try {
      const auditor = await running.as('auditor', 'auditor-1');
      const response = await auditor.get(`/audit/verify${query ? `?${query}` : ''}`);
      expect(response.status).toBe(200);
      const french = await auditor.get(`/audit/verify${query ? `?${query}` : ''}`, { 'accept-language': 'fr' });
      const args = query.startsWith('checkpoint=') ? ['--checkpoint', query.slice('checkpoint='.length)] : [];
      return {
        http: VerificationSchema.parse(response.body),
        fr: VerificationSchema.parse(french.body),
        cli: await runCli(['audit', 'verify', ...args], dataDir, verifying),
      };
    } finally {
      await running.close();
    }
  }

  async function expectDetected(dataDir: string, expected: Partial<CheckpointProblem>[], pattern: RegExp) {
    const { http, fr, cli } = await verdicts(dataDir);
    // In French too, each problem and the verdict, the problems the same.
    expect(fr.checkpointProblems.map((p) => [p.streamId, p.problem])).toEqual(http.checkpointProblems.map((p) => [p.streamId, p.problem]));
    expect(fr.message).not.toBe(http.message);
    expect(frenchTypographyFaults([fr.message, ...fr.checkpointProblems.map((p) => p.detail)].join(' '))).toEqual([]);
    expect({ ok: http.ok, verdict: http.verdict }).toEqual({ ok: false, verdict: 'tampered' });
    expect(http.checkpoint).toMatchObject({ sequence: 1, digest });
    expect(http.checkpointProblems).toEqual(expect.arrayContaining(expected.map((p) => expect.objectContaining(p))));
    expect(cli.code).toBe(ExitCode.failed);
    expect(cli.stdout).toMatch(pattern);
    return http;
  }

  it('an untouched store matches its checkpoint, over HTTP and from the CLI, and the published digest is found', async () => {
    const { http, cli } = await verdicts(original, `checkpoint=sha256:${digest}`);
    expect({ ok: http.ok, verdict: http.verdict }).toEqual({ ok: true, verdict: 'verified' });
    expect(http.checkpointProblems).toEqual([]);
    expect(http.checkpoint).toMatchObject({ sequence: 1, digest });
    expect(http.message).toContain('against checkpoint 1');
    expect(cli.code).toBe(0);
  });

  it('detects an event rewritten and re-chained, which the chains alone accept', async () => {
    const dir = tampered('rechained', (db) => {
      db.prepare(`UPDATE events SET data = json_set(data, '$.method', 'phone') WHERE stream_id = ? AND revision = 1`).run(first.streamId);
      rechain(db, first.streamId);
    });
    const verdict = await expectDetected(dir, [{ streamId: first.streamId, problem: 'events rewritten' }], new RegExp(`stream ${first.streamId}: events rewritten`));
    expect(verdict.problems).toEqual([]); // the chain itself holds: only the checkpoint tells
  });

  it('detects a stream whose last events were deleted, naming the missing revisions and positions', async () => {
    const dir = tampered('truncated', (db) => db.prepare('DELETE FROM events WHERE stream_id = ? AND revision >= 8').run(first.streamId));
    const verdict = await expectDetected(
      dir,
      [
        { streamId: first.streamId, problem: 'events deleted', detail: expect.stringContaining('revisions 8 to 10 are missing') },
        { problem: 'positions missing' },
        { problem: 'event count' },
      ],
      /events deleted/,
    );
    expect(verdict.problems).toEqual([]);
    const { fr } = await verdicts(dir);
    expect(fr.checkpointProblems[0]!.detail).toMatch(/^Le point de contrôle 1 \(position \d+\) l’a signé jusqu’à la version 10\u00a0; les versions 8 à 10 manquent$/);
    expect(fr.message).toMatch(/^3\u00a0problèmes par rapport au point de contrôle 1 \(position \d+\)\. Premier problème\u00a0: flux .+\u00a0: événements supprimés — Le point de contrôle 1/);
  });

  it('detects a whole deleted stream', async () => {
    const dir = tampered('dropped', (db) => db.prepare('DELETE FROM events WHERE stream_id = ?').run(second.streamId));
    await expectDetected(dir, [{ streamId: second.streamId, problem: 'stream deleted' }, { problem: 'positions missing' }], new RegExp(`stream ${second.streamId}: stream deleted`));
  });

  it('refuses a checkpoint signed with another key, and still compares with the genuine one', async () => {
    const dir = tampered('forged', (db) => {
      db.prepare(`UPDATE events SET data = json_set(data, '$.method', 'phone') WHERE stream_id = ? AND revision = 1`).run(first.streamId);
      rechain(db, first.streamId);
    });
    // The forger signs the forged store with a key of their own, hash-chaining the checkpoint properly.
    const signed = await runCli(['audit', 'checkpoint'], dir, { MEND_AUDIT_KEY_FILE: attacker.privateFile });
    expect(signed.code).toBe(ExitCode.failed); // Mend itself refuses to sign over a checkpoint it cannot verify
    const db = new Database(eventsFile(dir));
    const [last] = db.prepare<[string], Row>('SELECT * FROM events WHERE stream_id = ? ORDER BY revision DESC LIMIT 1').all(CHECKPOINT_STREAM);
    const heads = db
      .prepare<[], { stream_id: string; revision: number; metadata: string }>(
        'SELECT stream_id, revision, metadata FROM events e WHERE revision = (SELECT MAX(revision) FROM events WHERE stream_id = e.stream_id) ORDER BY stream_id',
      )
      .all()
      .map((row): [string, number, string] => [row.stream_id, row.revision, String((JSON.parse(row.metadata) as { hash: string }).hash)]);
    const position = db.prepare<[], { p: number }>('SELECT MAX(position) AS p FROM events').get()!.p;
    const forged = signCheckpoint(generateKeyPairSync('ed25519').privateKey, {
      sequence: 2,
      position,
      events: position,
      previous: null,
      createdAt: '2026-04-01T00:00:00.000Z',
      heads,
    });
    const metadata: Record<string, unknown> = { ...(JSON.parse(last!.metadata) as Record<string, unknown>), occurredAt: forged.createdAt };
    const prevHash = String(metadata.hash);
    const hash = eventHash(prevHash, { streamId: CHECKPOINT_STREAM, revision: 1, type: CHECKPOINT_SIGNED, data: forged, metadata });
    db.prepare('INSERT INTO events (id, stream_id, revision, type, data, metadata, recorded_at) VALUES (?, ?, 1, ?, ?, ?, ?)').run(
      '0190f000-0000-7000-8000-000000000001',
      CHECKPOINT_STREAM,
      CHECKPOINT_SIGNED,
      JSON.stringify(forged),
      JSON.stringify({ ...metadata, prevHash, hash }),
      Date.now(),
    );
    db.close();
    const verdict = await expectDetected(
      dir,
      [
        { streamId: CHECKPOINT_STREAM, problem: 'forged checkpoint', detail: expect.stringContaining('signature does not verify') },
        { streamId: first.streamId, problem: 'events rewritten' },
      ],
      /forged checkpoint/,
    );
    expect(verdict.problems).toEqual([]);
  });

  it('without the public key, says the checkpoints could not be checked, not that the log was tampered with', async () => {
    const keyless = await runCli(['audit', 'verify'], original);
    expect(keyless.code).toBe(ExitCode.config);
    // A server without the key says the same: not verified, not tampered with.
    const server = await startApp({ dataDir: original });
    try {
      const response = await (await server.as('auditor', 'auditor-1')).get('/audit/verify');
      expect(VerificationSchema.parse(response.body)).toMatchObject({ ok: false, verdict: 'unverifiable', tamperedStreams: 0 });
    } finally {
      await server.close();
    }
    expect(keyless.stdout).toMatch(/^NOT VERIFIED: the chains of \d+ streams hold \(\d+ events checked\); the signed checkpoints could not be checked$/m);
    expect(keyless.stdout).not.toContain('TAMPERED');
    expect(keyless.stderr).toContain('no audit public key is configured (MEND_AUDIT_PUBLIC_KEY_FILE or MEND_AUDIT_PUBLIC_KEY)');
    // A chain broken is still tampering, key or no key.
    const broken = tampered('keyless-broken', (db) => db.prepare('DELETE FROM events WHERE stream_id = ? AND revision = 3').run(first.streamId));
    const tamperedKeyless = await runCli(['audit', 'verify'], broken);
    expect(tamperedKeyless.code).toBe(ExitCode.failed);
    expect(tamperedKeyless.stdout).toContain('TAMPERED');
  });

  it('prints the digest to publish as the last line on stdout, for a script to take', async () => {
    const dir = join(root, 'second-checkpoint');
    cpSync(original, dir, { recursive: true });
    const signed = await runCli(['audit', 'checkpoint'], dir, signing);
    expect(signed.code).toBe(0);
    expect(signed.stdout.trim().split('\n').at(-1)).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(signed.stderr).toContain('Publish this digest outside this machine');
  });

  it('detects the checkpoint log deleted, given the digest published elsewhere', async () => {
    const dir = tampered('no-checkpoints', (db) => db.prepare('DELETE FROM events WHERE stream_id = ?').run(CHECKPOINT_STREAM));
    const { http, cli } = await verdicts(dir, `checkpoint=${digest}`);
    expect(http.ok).toBe(false);
    expect(http.checkpoint).toBeNull();
    expect(http.checkpointProblems).toEqual(expect.arrayContaining([expect.objectContaining({ problem: 'unknown checkpoint' })]));
    expect(cli.code).toBe(ExitCode.failed);
    expect(cli.stdout).toContain(`no genuine checkpoint with digest ${digest}`);
  });

  it('refuses to sign a tampered store, to sign without a key, and a key kept in the data directory', async () => {
    const dir = tampered('unsigned', (db) => db.prepare('DELETE FROM events WHERE stream_id = ? AND revision = 9').run(first.streamId));
    const refused = await runCli(['audit', 'checkpoint'], dir, signing);
    expect(refused.code).toBe(ExitCode.failed);
    expect(refused.stderr).toContain('No checkpoint was signed');
    const keyless = await runCli(['audit', 'checkpoint'], original);
    expect(keyless.code).toBe(ExitCode.config);
    expect(keyless.stderr).toContain('MEND_AUDIT_KEY');
    const inside = join(original, 'audit.key');
    cpSync(genuine.privateFile, inside);
    const misplaced = await runCli(['audit', 'checkpoint'], original, { MEND_AUDIT_KEY_FILE: inside });
    rmSync(inside);
    expect(misplaced.code).toBe(ExitCode.config);
    expect(misplaced.stderr).toContain('must not be inside the data directory');
  });

  it('says a key file that cannot be read is so, not that it is no PEM key, wherever it is read', () => {
    const missing = join(tmpdir(), 'mend-no-such-audit.pub');
    const config = { auditKeys: { publicKey: { file: missing } } } as unknown as MendConfig;
    expect(() => verifyingKey(config)).toThrow(/MEND_AUDIT_PUBLIC_KEY_FILE.*cannot be read \(ENOENT\)/);
  });
});
