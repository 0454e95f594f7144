import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import type { Bilingual } from '../../domain/validation';
import { CLI_TEXTS } from '../cli/messages';
import { closeSync, createReadStream, existsSync, fsyncSync, openSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { z } from 'zod';
import { isInside, type MendConfig } from '../config/config';
import { ErasureLedger, ErasureLedgerError } from '../privacy/erasure-ledger';

/** Why a backup or a restore stopped; the CLI maps the kind to its exit code. */
export class BackupError extends Error {
  override readonly name = 'BackupError';
  /** The message in both languages (CLI_TEXTS); `message` is the English. */
  readonly texts: Bilingual;
  constructor(
    message: string | Bilingual,
    /** `damaged`: a backup file (or the erasure ledger) is missing, altered or unreadable; `config`: a setting is missing or wrong; `target`: where to write is not usable; `chain`: the restored log does not verify; `unavailable`: a file Mend needs cannot be read. */
    readonly kind: 'damaged' | 'config' | 'target' | 'chain' | 'unavailable',
  ) {
    const texts = typeof message === 'string' ? { en: message, fr: message } : message;
    super(texts.en);
    this.texts = texts;
  }
}

export const MANIFEST_FILE = 'manifest.json';
export const BACKUP_EVENTS_FILE = 'events.sqlite';
export const BACKUP_KEYS_FILE = 'keys.enc';
export const BACKUP_SECRET_FILE = 'jwt-secret.enc';
export const BACKUP_CONFIG_FILE = 'config.json';

export const BackupManifest = z.strictObject({
  format: z.literal('mend-backup'),
  formatVersion: z.literal(1),
  mendVersion: z.string(),
  /** When the snapshot of the log began. */
  takenAt: z.iso.datetime(),
  store: z.enum(['sqlite', 'postgres', 'eventstoredb']),
  /** Position of the last event in the backup (sqlite), or of the store when the key store was saved (other engines). */
  headPosition: z.number().int().min(0),
  /** Events in the backup; null when the log is backed up by its engine's own tool. */
  eventCount: z.number().int().min(0).nullable(),
  /** The latest signed audit checkpoint in the backup (`mend audit checkpoint`); null when there is none. */
  auditCheckpoint: z
    .strictObject({
      sequence: z.number().int(),
      position: z.number().int(),
      events: z.number().int(),
      streams: z.number().int(),
      createdAt: z.string(),
      keyId: z.string(),
      /** sha256 of the signed statement: the digest the operator publishes. */
      digest: z.string(),
    })
    .nullable(),
  keyStore: z.strictObject({ subjects: z.number().int().min(0), erased: z.number().int().min(0) }),
  erasureLedger: z.strictObject({ configured: z.boolean(), entries: z.number().int().min(0) }),
  files: z.array(
    z.strictObject({
      name: z.string().regex(/^[a-z0-9.-]+$/),
      bytes: z.number().int().min(0),
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
      /** Encrypted with the backup key (AES-256-GCM). */
      encrypted: z.boolean(),
    }),
  ),
});
export type BackupManifest = z.infer<typeof BackupManifest>;

const MAGIC = Buffer.from('MENDENC1');
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** The 32-byte backup key from MEND_BACKUP_KEY or MEND_BACKUP_KEY_FILE. */
export function backupKey(config: MendConfig, backupDir: string): Buffer {
  const source = config.backupKey;
  if (!source) {
    throw new BackupError(CLI_TEXTS.noBackupKey, 'config');
  }
  if ('hex' in source) return Buffer.from(source.hex, 'hex');
  if (isInside(source.file, backupDir)) {
    throw new BackupError(CLI_TEXTS.backupKeyInside(source.file, backupDir), 'config');
  }
  let text: string;
  try {
    text = readFileSync(source.file, 'utf8').trim();
  } catch (error) {
    throw new BackupError(CLI_TEXTS.backupKeyUnreadable(source.file, (error as Error).message), 'config');
  }
  if (!/^[0-9a-fA-F]{64}$/.test(text)) {
    throw new BackupError(CLI_TEXTS.backupKeyMalformed(source.file), 'config');
  }
  return Buffer.from(text, 'hex');
}

/** AES-256-GCM with a fresh IV; the file's name is bound as additional data, so files cannot be swapped. */
export function seal(key: Buffer, name: string, plaintext: Buffer): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(`mend-backup:${name}`));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([MAGIC, iv, cipher.getAuthTag(), body]);
}

export function open(key: Buffer, name: string, sealed: Buffer): Buffer {
  if (sealed.length < MAGIC.length + IV_BYTES + TAG_BYTES || !sealed.subarray(0, MAGIC.length).equals(MAGIC)) {
    throw new BackupError(CLI_TEXTS.notEncryptedBackupFile(name), 'damaged');
  }
  const iv = sealed.subarray(MAGIC.length, MAGIC.length + IV_BYTES);
  const tag = sealed.subarray(MAGIC.length + IV_BYTES, MAGIC.length + IV_BYTES + TAG_BYTES);
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAAD(Buffer.from(`mend-backup:${name}`));
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(sealed.subarray(MAGIC.length + IV_BYTES + TAG_BYTES)), decipher.final()]);
  } catch {
    throw new BackupError(CLI_TEXTS.wrongBackupKey(name), 'config');
  }
}

/** A file's sha256, streamed (the log can be large); `onBytes` is told of each chunk read. */
export async function sha256File(path: string, onBytes?: (bytes: number) => void): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    hash.update(chunk as Buffer);
    onBytes?.((chunk as Buffer).length);
  }
  return hash.digest('hex');
}

export function fsyncPath(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Whether a path is absent or an empty directory; throws when it is a non-empty directory or a file. */
export function assertEmptyTarget(path: string, what: Bilingual): 'absent' | 'empty' {
  if (!existsSync(path)) return 'absent';
  if (!statSync(path).isDirectory()) throw new BackupError({ en: CLI_TEXTS.targetIsFile(what.en, path).en, fr: CLI_TEXTS.targetIsFile(what.fr, path).fr }, 'target');
  const entries = readdirSync(path);
  if (entries.length > 0) {
    const listed = `${entries.slice(0, 3).join(', ')}${entries.length > 3 ? ', …' : ''}`;
    throw new BackupError({ en: CLI_TEXTS.targetNotEmpty(what.en, path, listed).en, fr: CLI_TEXTS.targetNotEmpty(what.fr, path, listed).fr }, 'target');
  }
  return 'empty';
}

/** The erasure ledger's entries; a ledger that is damaged, missing or unreadable stops the backup or the restore, saying so. */
export function readErasureLedger(path: string): ReturnType<typeof ErasureLedger.read> {
  try {
    return ErasureLedger.read(path);
  } catch (error) {
    if (error instanceof ErasureLedgerError) throw new BackupError(error.texts, LEDGER_PROBLEM[error.kind]);
    throw error;
  }
}

const LEDGER_PROBLEM: Record<ErasureLedgerError['kind'], BackupError['kind']> = { damaged: 'damaged', missing: 'config', unavailable: 'unavailable' };
