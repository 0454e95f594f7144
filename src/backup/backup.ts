import Database from 'better-sqlite3';
import { CLI_TEXTS } from '../cli/messages';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, rmdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { CHECKPOINT_STREAM, checkpointDigest, type SignedCheckpoint } from '../audit/checkpoint';
import { removeAbandonedStaging, removedIfStopped, stagingDirFor } from '../cli/interrupt';
import { systemClock } from '../clock/clock';
import type { MendConfig } from '../config/config';
import { createEventStore, EVENTS_FILE } from '../event-store/event-store.factory';
import { KEYS_FILE, SqliteKeyStore, type KeyDump } from '../privacy/key-store';
import { isInsideFollowingLinks, privateDatabaseFile } from '../security/private-files';
import { MEND_VERSION } from '../version';
import {
  assertEmptyTarget,
  BACKUP_CONFIG_FILE,
  BACKUP_EVENTS_FILE,
  BACKUP_KEYS_FILE,
  BACKUP_SECRET_FILE,
  backupKey,
  BackupError,
  BackupManifest,
  fsyncPath,
  MANIFEST_FILE,
  readErasureLedger,
  seal,
  sha256File,
} from './backup-files';

const SECRET_FILE = 'jwt-secret';

export interface BackupProgress {
  readonly step: 'log' | 'keys' | 'hashes';
  readonly done: number;
  readonly total: number;
}

export interface BackupResult {
  readonly dir: string;
  readonly manifest: BackupManifest;
  /** Bytes written into the backup. */
  readonly bytes: number;
  readonly seconds: number;
  /** Seconds spent in each step: the log's snapshot, the key store and secret, hashing and syncing. */
  readonly steps: { readonly snapshot: number; readonly keys: number; readonly hashes: number };
  /** Staging directories of backups killed before they finished, removed first. */
  readonly abandonedRemoved: readonly string[];
}

/**
 * Takes a backup of a Mend instance into `target` (absent or empty), safe while Mend serves:
 * - the event log (SQLite): a consistent snapshot with `VACUUM INTO`, which reads the log in one
 *   read transaction (WAL readers never block writers) — never a copy of the file;
 * - the key store, read in one transaction after the log (so every key an event in the snapshot
 *   needs is there, unless the person was erased since), encrypted with the backup key;
 * - the generated JWT secret, encrypted; the configuration that is not secret;
 * - a manifest: head position, event count, the latest signed audit checkpoint (none yet), each
 *   file's sha256, Mend's version, when the snapshot began.
 * Read models are not backed up: a restore rebuilds them. The backup is written beside `target`
 * and renamed into place when complete, so a backup directory with a manifest is always whole; a
 * failure, or a signal that stops the process, removes what was staged.
 */
export async function takeBackup(config: MendConfig, target: string, onProgress?: (progress: BackupProgress) => void): Promise<BackupResult> {
  const started = performance.now();
  const dir = resolve(target);
  // Said first: no backup key makes this a backup Mend can take.
  if (config.keyStore.engine === 'postgres') {
    throw new BackupError(CLI_TEXTS.keysInPostgres, 'config');
  }
  const key = backupKey(config, dir);
  if (isInsideFollowingLinks(dir, config.dataDir)) {
    throw new BackupError(CLI_TEXTS.backupInsideDataDir(dir, config.dataDir), 'target');
  }
  const state = assertEmptyTarget(dir, CLI_TEXTS.backupDirectory);
  const abandoned = removeAbandonedStaging(dir, 'partial');
  const staging = stagingDirFor(dir, 'partial');
  mkdirSync(staging, { recursive: true, mode: 0o700 });
  const stopped = removedIfStopped(staging, CLI_TEXTS.noBackupWritten(dir));
  try {
    const takenAt = new Date().toISOString();
    const mark = [performance.now()];
    let headPosition: number;
    let eventCount: number | null;
    let checkpoint: SignedCheckpoint | undefined;
    const hashed = new Map<string, string>();
    if (config.store.engine === 'sqlite') {
      const source = join(config.dataDir, EVENTS_FILE);
      if (!existsSync(source)) throw new BackupError(CLI_TEXTS.noEventLog(source), 'config');
      const snapshot = await snapshotSqlite(source, join(staging, BACKUP_EVENTS_FILE), (done, total) => onProgress?.({ step: 'log', done, total }));
      hashed.set(BACKUP_EVENTS_FILE, snapshot.sha256);
      ({ headPosition, eventCount, checkpoint } = logFacts(join(staging, BACKUP_EVENTS_FILE)));
    } else {
      // The engine's own backup holds the log (docs/operations.md); Mend saves what the engine does not.
      const store = await createEventStore(config, systemClock);
      try {
        headPosition = await store.headPosition();
        const [last] = await store.readStream(CHECKPOINT_STREAM, { direction: 'backwards', maxCount: 1 }).catch(() => []);
        checkpoint = last?.data as SignedCheckpoint | undefined;
      } finally {
        await store.close();
      }
      eventCount = null;
    }

    mark.push(performance.now());
    onProgress?.({ step: 'keys', done: 0, total: 1 });
    const dump = readKeys(join(config.dataDir, KEYS_FILE));
    writeFileSync(join(staging, BACKUP_KEYS_FILE), seal(key, BACKUP_KEYS_FILE, serializeKeys(dump)), { mode: 0o600 });
    const secretFile = join(config.dataDir, SECRET_FILE);
    if (existsSync(secretFile)) {
      writeFileSync(join(staging, BACKUP_SECRET_FILE), seal(key, BACKUP_SECRET_FILE, readFileSync(secretFile)), { mode: 0o600 });
    }
    writeFileSync(join(staging, BACKUP_CONFIG_FILE), `${JSON.stringify(publicConfig(config), null, 2)}\n`, { mode: 0o600 });
    onProgress?.({ step: 'keys', done: 1, total: 1 });
    mark.push(performance.now());

    const names = [BACKUP_EVENTS_FILE, BACKUP_KEYS_FILE, BACKUP_SECRET_FILE, BACKUP_CONFIG_FILE].filter((name) => existsSync(join(staging, name)));
    const total = names.reduce((sum, name) => sum + statSync(join(staging, name)).size, 0);
    const small = names.filter((name) => !hashed.has(name)).reduce((sum, name) => sum + statSync(join(staging, name)).size, 0);
    let done = 0;
    const files: BackupManifest['files'] = [];
    for (const name of names) {
      const path = join(staging, name);
      const sha256 =
        hashed.get(name) ??
        (await sha256File(path, (bytes) => {
          done += bytes;
          onProgress?.({ step: 'hashes', done, total: small });
        }));
      if (!hashed.has(name)) fsyncPath(path);
      files.push({ name, bytes: statSync(path).size, sha256, encrypted: name.endsWith('.enc') });
    }
    const manifest: BackupManifest = {
      format: 'mend-backup',
      formatVersion: 1,
      mendVersion: MEND_VERSION,
      takenAt,
      store: config.store.engine,
      headPosition,
      eventCount,
      auditCheckpoint: checkpoint ? summary(checkpoint) : null,
      keyStore: { subjects: dump.keys.length, erased: dump.erased.length },
      erasureLedger: {
        configured: config.erasureLedger !== undefined,
        entries: config.erasureLedger && existsSync(config.erasureLedger) ? readErasureLedger(config.erasureLedger).entries.length : 0,
      },
      files,
    };
    writeFileSync(join(staging, MANIFEST_FILE), `${JSON.stringify(BackupManifest.parse(manifest), null, 2)}\n`, { mode: 0o600 });
    fsyncPath(join(staging, MANIFEST_FILE));
    fsyncPath(staging);
    if (state === 'empty') rmdirSync(dir);
    renameSync(staging, dir);
    fsyncPath(dirname(dir));
    const ended = performance.now();
    const seconds = (from: number, to: number) => (to - from) / 1000;
    return {
      dir,
      manifest,
      bytes: total,
      seconds: seconds(started, ended),
      steps: { snapshot: seconds(mark[0]!, mark[1]!), keys: seconds(mark[1]!, mark[2]!), hashes: seconds(mark[2]!, ended) },
      abandonedRemoved: abandoned,
    };
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  } finally {
    stopped.release();
  }
}

/**
 * `VACUUM INTO` in a worker thread (it is one long synchronous statement), while this thread
 * reports progress from the size of the file being written. Resolves with the snapshot's sha256 and
 * size, once it is synced to disk.
 */
export async function snapshotSqlite(
  source: string,
  target: string,
  onProgress?: (done: number, total: number) => void,
): Promise<{ sha256: string; bytes: number }> {
  const probe = new Database(source, { fileMustExist: true, readonly: true });
  let total: number;
  try {
    total = (probe.pragma('page_count', { simple: true }) as number) * (probe.pragma('page_size', { simple: true }) as number);
  } finally {
    probe.close();
  }
  // The worker also hashes and syncs the snapshot: all of the heavy work stays off the event loop
  // (the bench runs it beside a serving Mend in one process).
  // VACUUM INTO writes into an empty file as it finds it: owner-only, like every file of the backup.
  privateDatabaseFile(target);
  const worker = new Worker(
    `const { workerData, parentPort } = require('node:worker_threads');
     const { createHash } = require('node:crypto');
     const fs = require('node:fs');
     const Database = require(workerData.module);
     const db = new Database(workerData.source, { fileMustExist: true });
     try {
       db.pragma('busy_timeout = 10000');
       db.prepare('VACUUM INTO ?').run(workerData.target);
     } finally {
       db.close();
     }
     const hash = createHash('sha256');
     const fd = fs.openSync(workerData.target, 'r');
     const buffer = Buffer.alloc(1 << 20);
     let bytes = 0;
     try {
       for (let n; (n = fs.readSync(fd, buffer, 0, buffer.length, null)) > 0; bytes += n) hash.update(buffer.subarray(0, n));
       fs.fsyncSync(fd);
     } finally {
       fs.closeSync(fd);
     }
     parentPort.postMessage({ sha256: hash.digest('hex'), bytes });`,
    { eval: true, workerData: { module: require.resolve('better-sqlite3'), source, target } },
  );
  const timer = setInterval(() => {
    if (existsSync(target)) onProgress?.(statSync(target).size, total);
  }, 200);
  let hashed: { sha256: string; bytes: number } | undefined;
  worker.on('message', (message: { sha256: string; bytes: number }) => (hashed = message));
  try {
    await new Promise<void>((resolveDone, reject) => {
      worker.once('error', reject);
      worker.once('exit', (code) => (code === 0 ? resolveDone() : reject(new Error(`The snapshot of ${source} stopped (worker exit ${code})`))));
    });
  } finally {
    clearInterval(timer);
  }
  if (!hashed) throw new Error(`The snapshot of ${source} reported no hash`);
  onProgress?.(hashed.bytes, Math.max(total, hashed.bytes));
  return hashed;
}

function logFacts(file: string): { headPosition: number; eventCount: number; checkpoint: SignedCheckpoint | undefined } {
  const db = new Database(file, { fileMustExist: true, readonly: true });
  try {
    const row = db.prepare<[], { head: number | null; count: number }>('SELECT MAX(position) AS head, COUNT(*) AS count FROM events').get()!;
    const last = db
      .prepare<[string], { data: string }>('SELECT data FROM events WHERE stream_id = ? ORDER BY revision DESC LIMIT 1')
      .get(CHECKPOINT_STREAM);
    return { headPosition: row.head ?? 0, eventCount: row.count, checkpoint: last ? (JSON.parse(last.data) as SignedCheckpoint) : undefined };
  } finally {
    db.close();
  }
}

/** The latest signed audit checkpoint in the backup, as the manifest names it: the digest an operator publishes and compares. */
function summary(checkpoint: SignedCheckpoint) {
  return {
    sequence: checkpoint.sequence,
    position: checkpoint.position,
    events: checkpoint.events,
    streams: checkpoint.streams,
    createdAt: checkpoint.createdAt,
    keyId: checkpoint.keyId,
    digest: checkpointDigest(checkpoint),
  };
}

function readKeys(file: string): KeyDump {
  if (!existsSync(file)) return { keys: [], erased: [] };
  const keys = new SqliteKeyStore(file);
  try {
    return keys.dump();
  } finally {
    keys.closeSync();
  }
}

export function serializeKeys(dump: KeyDump): Buffer {
  return Buffer.from(
    JSON.stringify({
      keys: dump.keys.map((k) => ({ subjectId: k.subjectId, key: k.key.toString('base64'), createdAt: k.createdAt })),
      erased: dump.erased,
    }),
  );
}

export function deserializeKeys(bytes: Buffer): KeyDump {
  const parsed = JSON.parse(bytes.toString('utf8')) as {
    keys: { subjectId: string; key: string; createdAt: number }[];
    erased: { subjectId: string; erasedAt: number }[];
  };
  return { keys: parsed.keys.map((k) => ({ ...k, key: Buffer.from(k.key, 'base64') })), erased: parsed.erased };
}

/** The configuration a restore may want to compare with, without any secret. */
function publicConfig(config: MendConfig): Record<string, unknown> {
  return {
    store: config.store.engine === 'sqlite' ? config.store : { engine: config.store.engine },
    dataDir: config.dataDir,
    businessHours: config.businessHours,
    settings: config.settings,
    auth: { jwksUrl: config.auth.jwksUrl ?? null, issuer: config.auth.issuer ?? null, audience: config.auth.audience ?? null, localSecret: !config.auth.secret },
    erasureLedger: config.erasureLedger ?? null,
    projectionLagLimit: config.projectionLagLimit,
    scheduler: config.scheduler,
  };
}
