import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, rmdirSync, statSync, writeFileSync } from 'node:fs';
import { CLI_TEXTS } from '../cli/messages';
import { dirname, join, resolve } from 'node:path';
import { ChainVerification } from '../audit/verification.service';
import { withContextOf } from '../cli/context';
import { removeAbandonedStaging, removedIfStopped, stagingDirFor } from '../cli/interrupt';
import type { MendConfig } from '../config/config';
import { EVENTS_FILE } from '../event-store/event-store.factory';
import type { LedgerEntry } from '../privacy/erasure-ledger';
import { ErasureService } from '../privacy/erasure.service';
import { KEYS_FILE, SqliteKeyStore } from '../privacy/key-store';
import { ProjectionsService } from '../projections/projections.service';
import { deserializeKeys } from './backup';
import {
  assertEmptyTarget,
  BACKUP_EVENTS_FILE,
  BACKUP_KEYS_FILE,
  BACKUP_SECRET_FILE,
  backupKey,
  BackupError,
  BackupManifest,
  fsyncPath,
  MANIFEST_FILE,
  open,
  readErasureLedger,
  sha256File,
} from './backup-files';

export interface RestoreProgress {
  readonly step: 'hashes' | 'rebuild' | 'verify';
  readonly label?: string;
  readonly done: number;
  readonly total: number;
}

export interface RestoreReport {
  readonly manifest: BackupManifest;
  readonly dataDir: string;
  /** Ledger entries read, and erasures the restored log did not hold yet (re-applied). */
  readonly ledger: { readonly configured: boolean; readonly entries: number; readonly reapplied: number; readonly tornLines: readonly number[] };
  readonly rebuilt: readonly { readonly name: string; readonly events: number }[];
  readonly verifiedEvents: number;
  /** Staging directories of restores killed before they finished, removed first: they held the keys in clear. */
  readonly abandonedRemoved: readonly string[];
}

/**
 * Restores a backup into the configured data directory, which must be absent or empty. Nothing is
 * written there until everything has passed: the manifest and every file's hash are checked, the
 * keys are decrypted, the whole restore happens in a staging directory beside it (the log copied,
 * keys loaded — without those of anyone the erasure ledger says was erased —, every ledger erasure
 * the log does not hold recorded again, every read model rebuilt, the hash chain verified), and only
 * then is the staging directory renamed into place. A failure, or a signal that stops the process
 * (`kill`, Ctrl-C), removes the staging directory first.
 */
export async function restoreBackup(
  config: MendConfig,
  source: string,
  options: { withoutLedger?: boolean; onProgress?: (progress: RestoreProgress) => void } = {},
): Promise<RestoreReport> {
  const dir = resolve(source);
  const manifest = await checkBackup(dir, options.onProgress);
  if (manifest.store !== config.store.engine) {
    throw new BackupError(CLI_TEXTS.storeMismatch(manifest.store, config.store.engine), 'config');
  }
  const key = backupKey(config, dir);
  const dump = deserializeKeys(open(key, BACKUP_KEYS_FILE, readFileSync(join(dir, BACKUP_KEYS_FILE))));
  const secret = manifest.files.some((f) => f.name === BACKUP_SECRET_FILE) ? open(key, BACKUP_SECRET_FILE, readFileSync(join(dir, BACKUP_SECRET_FILE))) : undefined;
  const { entries, tornLines } = readLedger(config, options.withoutLedger ?? false);

  const target = config.dataDir;
  const state = assertEmptyTarget(target, CLI_TEXTS.dataDirectory);
  mkdirSync(dirname(target), { recursive: true });
  const abandoned = removeAbandonedStaging(target, 'restoring');
  const staging = stagingDirFor(target, 'restoring');
  mkdirSync(staging, { mode: 0o700 });
  const stopped = removedIfStopped(staging, CLI_TEXTS.nothingRestored(target));
  try {
    if (manifest.store === 'sqlite') copyFileSync(join(dir, BACKUP_EVENTS_FILE), join(staging, EVENTS_FILE));
    if (secret) writeFileSync(join(staging, 'jwt-secret'), secret, { mode: 0o600 });

    // The keys of people the ledger says were erased are never written, not even for a moment.
    const erasedByLedger = new Map(entries.map((e) => [e.subjectId, e]));
    const hadKey = new Set(dump.keys.filter((k) => erasedByLedger.has(k.subjectId)).map((k) => k.subjectId));
    const alreadyErased = new Set(dump.erased.map((e) => e.subjectId));
    const keys = new SqliteKeyStore(join(staging, KEYS_FILE));
    try {
      keys.load({
        keys: dump.keys.filter((k) => !erasedByLedger.has(k.subjectId)),
        erased: [
          ...dump.erased,
          ...[...erasedByLedger.values()].filter((e) => !alreadyErased.has(e.subjectId)).map((e) => ({ subjectId: e.subjectId, erasedAt: Date.parse(e.erasedAt) })),
        ],
      });
    } finally {
      keys.closeSync();
    }

    const work = await withContextOf({ ...config, dataDir: staging }, async (context) => {
      let reapplied = 0;
      const erasure = context.get(ErasureService);
      for (const entry of entries) {
        const outcome = await erasure.reapply(entry, { hadKey: hadKey.has(entry.subjectId) });
        if (outcome.recorded) reapplied += 1;
      }
      const projections = context.get(ProjectionsService);
      const results = await projections.rebuildAll(projections.names(), (p) =>
        options.onProgress?.({ step: 'rebuild', label: p.projection, done: p.position, total: p.head }),
      );
      const rebuilt = results.map((result) => ({ name: result.projection, events: result.events }));
      const head = manifest.headPosition + entries.length;
      const verification = await context.get(ChainVerification).verifyAll({ onProgress: (position) => options.onProgress?.({ step: 'verify', done: position, total: head }) });
      if (!verification.ok) {
        throw new BackupError(CLI_TEXTS.restoredLogDoesNotVerify(verification.message), 'chain');
      }
      return { reapplied, rebuilt, verifiedEvents: verification.events };
    });

    fsyncPath(staging);
    if (state === 'empty') rmdirSync(target);
    renameSync(staging, target);
    fsyncPath(dirname(target));
    return {
      manifest,
      dataDir: target,
      ledger: { configured: config.erasureLedger !== undefined, entries: entries.length, reapplied: work.reapplied, tornLines },
      rebuilt: work.rebuilt,
      verifiedEvents: work.verifiedEvents,
      abandonedRemoved: abandoned,
    };
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  } finally {
    stopped.release();
  }
}

/** Reads and checks the manifest and every file it lists; a damaged file is named. */
export async function checkBackup(dir: string, onProgress?: (progress: RestoreProgress) => void): Promise<BackupManifest> {
  const manifestPath = join(dir, MANIFEST_FILE);
  if (!existsSync(manifestPath)) throw new BackupError(CLI_TEXTS.manifestMissing(manifestPath, dir), 'damaged');
  let manifest: BackupManifest;
  try {
    const parsed = BackupManifest.safeParse(JSON.parse(readFileSync(manifestPath, 'utf8')));
    if (!parsed.success) throw new Error(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
    manifest = parsed.data;
  } catch (error) {
    throw new BackupError(CLI_TEXTS.manifestDamaged(manifestPath, (error as Error).message), 'damaged');
  }
  const required = [BACKUP_KEYS_FILE, ...(manifest.store === 'sqlite' ? [BACKUP_EVENTS_FILE] : [])];
  for (const name of required) {
    if (!manifest.files.some((f) => f.name === name)) throw new BackupError(CLI_TEXTS.manifestIncomplete(manifestPath, name), 'damaged');
  }
  const total = manifest.files.reduce((sum, f) => sum + f.bytes, 0);
  let done = 0;
  for (const file of manifest.files) {
    const path = join(dir, file.name);
    if (!existsSync(path)) throw new BackupError(CLI_TEXTS.backupFileMissing(path), 'damaged');
    const bytes = statSync(path).size;
    if (bytes !== file.bytes) throw new BackupError(CLI_TEXTS.backupFileTruncated(path, bytes, file.bytes), 'damaged');
    const sha256 = await sha256File(path, (n) => onProgress?.({ step: 'hashes', done: (done += n), total }));
    if (sha256 !== file.sha256) throw new BackupError(CLI_TEXTS.backupFileAltered(path, sha256, file.sha256), 'damaged');
  }
  return manifest;
}

function readLedger(config: MendConfig, withoutLedger: boolean): { entries: LedgerEntry[]; tornLines: number[] } {
  if (!config.erasureLedger) {
    if (withoutLedger) return { entries: [], tornLines: [] };
    throw new BackupError(CLI_TEXTS.restoreNeedsLedger, 'config');
  }
  if (!existsSync(config.erasureLedger)) {
    if (withoutLedger) return { entries: [], tornLines: [] };
    throw new BackupError(CLI_TEXTS.restoreLedgerMissing(config.erasureLedger), 'config');
  }
  return readErasureLedger(config.erasureLedger);
}
