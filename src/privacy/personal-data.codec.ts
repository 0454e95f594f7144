import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { defineError, type Language } from '../../domain/errors';
import { findEventSchema } from '../../domain/fold';
import type { AnyWorkflowDefinition } from '../../domain/workflow';
import type { RecordedEvent } from '../event-store/event-store';
import type { KeyStore } from './key-store';
import { ERASED, REDACTED, UNREADABLE } from '../../domain/sealed-fields';

export const KEY_STORE = Symbol('KeyStore');

/** How a sealed field is stored in event data: self-describing, bound to its subject and field. */
interface SealedField {
  readonly $sealed: 'aes-256-gcm/1';
  readonly subject: string;
  readonly iv: string;
  readonly tag: string;
  readonly data: string;
}

export { ERASED, REDACTED, UNREADABLE };

/**
 * A step would seal more personal information under a person whose key was destroyed: named by
 * what it would record (the workflow's labels), and what is still possible.
 */
export const SubjectErased = defineError<{ subjectId: string; fields: readonly Readonly<Record<Language, string>>[] }>('SUBJECT.ERASED', 'rule', {
  en: (p) =>
    `The personal information of subject ${p.subjectId} was erased, and this step would record more of it (${p.fields.map((f) => `“${f.en}”`).join(', ')}), which can no longer be kept. Steps that record nothing about this person can still be taken; if the person comes back, record them under a new subject id.`,
  fr: (p) =>
    `Les renseignements personnels du sujet ${p.subjectId} ont été effacés, et cette étape en consignerait d’autres (${p.fields.map((f) => `«\u00a0${f.fr}\u00a0»`).join(', ')}), qui ne peuvent plus être conservés. Les étapes qui ne consignent rien sur cette personne restent possibles\u00a0; si la personne revient, consignez-la sous un nouvel identifiant.`,
});

const isSealed = (value: unknown): value is SealedField =>
  typeof value === 'object' && value !== null && (value as { $sealed?: unknown }).$sealed === 'aes-256-gcm/1';

function get(data: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), data);
}

/** A copy of `data` with `path` replaced (copying only the objects on the way). */
function set(data: unknown, path: string, value: unknown): unknown {
  const [head, ...rest] = path.split('.') as [string, ...string[]];
  const node = { ...(data as Record<string, unknown>) };
  node[head] = rest.length === 0 ? value : set(node[head], rest.join('.'), value);
  return node;
}

/**
 * Personal information is sealed in event data with the key of the person it belongs to
 * (AES-256-GCM, the subject and field bound as additional data), and opened only for people whose
 * role may see it. Hashes are computed over sealed data, so destroying a key leaves the chain
 * verifiable and history replayable: the fields then read `[erased]`.
 */
@Injectable()
export class PersonalDataCodec {
  constructor(@Inject(KEY_STORE) private readonly keys: KeyStore) {}

  /** The event's data with its declared personal fields sealed, ready to hash and store. */
  async seal(definition: AnyWorkflowDefinition, type: string, data: unknown): Promise<unknown> {
    const groups = findEventSchema(definition, type)?.personalData ?? [];
    let sealed = data;
    for (const group of groups) {
      const subject = get(data, group.subject);
      if (typeof subject !== 'string') continue;
      const fields = group.fields.filter((field) => typeof get(data, field) === 'string');
      if (fields.length === 0) continue;
      const key = await this.keys.keyFor(subject);
      if (!key) throw SubjectErased({ subjectId: subject, fields: fields.map((field) => definition.labels.fields[field] ?? { en: field, fr: field }) });
      for (const field of fields) sealed = set(sealed, field, encrypt(key, subject, field, get(data, field) as string));
    }
    return sealed;
  }

  /** The stored event with personal fields decrypted, or `[erased]` once their key is destroyed. */
  async reveal(event: RecordedEvent): Promise<RecordedEvent> {
    const [revealed] = await this.revealAll([event]);
    return revealed!;
  }

  /**
   * Stored events with personal fields decrypted, or `[erased]` once their key is destroyed. The
   * keys of the whole batch are read together, each once, and never kept: an erasure on another
   * node counts from the next read. With `fieldsOf`, only the fields it names for an event (dotted
   * paths) are opened, the others left sealed (and no key is read for them); all of them when it
   * names none (undefined).
   */
  async revealAll(events: readonly RecordedEvent[], fieldsOf?: (event: RecordedEvent) => ReadonlySet<string> | undefined): Promise<RecordedEvent[]> {
    const subjects = new Set<string>();
    const wanted = events.map((event) => fieldsOf?.(event));
    events.forEach((event, i) => sealedSubjects(event.data, '', wanted[i], subjects));
    if (subjects.size === 0) return [...events];
    const keys = await this.keys.keys([...subjects]);
    return events.map((event, i) => {
      const data = openValue(event.data, '', wanted[i], (sealed) => keys.get(sealed.subject));
      return data === event.data ? event : { ...event, data };
    });
  }

  /** The stored event with personal fields replaced by `[redacted]`, without touching a key. */
  redact(event: RecordedEvent): RecordedEvent {
    const data = redactValue(event.data);
    return data === event.data ? event : { ...event, data };
  }

  /**
   * Stored events as a person who may not see their personal fields reads them: `[redacted]`, or
   * `[erased]` once the key is destroyed (an auditor checking an erasure sees that it took). The
   * keys of the batch are read together, only to know which are left; nothing is decrypted.
   */
  async redactAll(events: readonly RecordedEvent[]): Promise<RecordedEvent[]> {
    const subjects = new Set<string>();
    for (const event of events) sealedSubjects(event.data, '', undefined, subjects);
    if (subjects.size === 0) return [...events];
    const kept = await this.keys.keys([...subjects]);
    return events.map((event) => {
      const data = redactValue(event.data, kept);
      return data === event.data ? event : { ...event, data };
    });
  }
}

/**
 * `value` with its sealed fields (those `wanted` names, all when undefined) opened, in one walk:
 * objects and arrays on the way to an opened field are copied, the rest is shared.
 */
function openValue(value: unknown, path: string, wanted: ReadonlySet<string> | undefined, keyOf: (sealed: SealedField) => Buffer | undefined): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (isSealed(value)) {
    if (wanted && !wanted.has(path)) return value;
    const key = keyOf(value);
    if (!key) return ERASED;
    try {
      return decrypt(key, value, path);
    } catch {
      return UNREADABLE;
    }
  }
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const item = openValue(value[i], `${path}.${i}`, wanted, keyOf);
      if (item !== value[i]) (copy ??= [...value])[i] = item;
    }
    return copy ?? value;
  }
  const record = value as Record<string, unknown>;
  let copy: Record<string, unknown> | undefined;
  for (const key of Object.keys(record)) {
    const item = openValue(record[key], path ? `${path}.${key}` : key, wanted, keyOf);
    if (item !== record[key]) (copy ??= { ...record })[key] = item;
  }
  return copy ?? value;
}

/**
 * `value` with its sealed fields replaced by `[redacted]` (`[erased]` where `kept`, the keys left,
 * is given and lacks the field's), in one walk: objects and arrays on the way to a sealed field are
 * copied, the rest is shared, and a value without one is returned as is (every event projected is
 * redacted, most hold nothing sealed or little).
 */
function redactValue(value: unknown, kept?: ReadonlyMap<string, Buffer>): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (isSealed(value)) return kept && !kept.has(value.subject) ? ERASED : REDACTED;
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const item = redactValue(value[i], kept);
      if (item !== value[i]) (copy ??= [...value])[i] = item;
    }
    return copy ?? value;
  }
  const record = value as Record<string, unknown>;
  let copy: Record<string, unknown> | undefined;
  for (const key of Object.keys(record)) {
    const item = redactValue(record[key], kept);
    if (item !== record[key]) (copy ??= { ...record })[key] = item;
  }
  return copy ?? value;
}

/** Adds to `found` the subjects of the sealed fields of `value` that `wanted` names (all when undefined). */
function sealedSubjects(value: unknown, path: string, wanted: ReadonlySet<string> | undefined, found: Set<string>): void {
  if (value === null || typeof value !== 'object') return;
  if (isSealed(value)) {
    if (!wanted || wanted.has(path)) found.add(value.subject);
  } else if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) sealedSubjects(value[i], `${path}.${i}`, wanted, found);
  } else {
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) sealedSubjects(record[key], path ? `${path}.${key}` : key, wanted, found);
  }
}

/** AES-GCM's 96-bit IVs. */
const IV_BYTES = 12;
/** IVs drawn at once from the system's generator. */
const IVS_PER_DRAW = 1024;
let ivs = Buffer.alloc(0);
let nextIv = 0;

/**
 * A fresh random IV, cut from a buffer of them drawn together: one call into the generator per
 * 1,024 fields sealed instead of one each (1.3% of the command rounds' event loop). Every byte serves
 * once, and a new buffer is drawn when one is used up, never written over.
 */
function randomIv(): Buffer {
  if (nextIv === ivs.length) {
    ivs = randomBytes(IV_BYTES * IVS_PER_DRAW);
    nextIv = 0;
  }
  nextIv += IV_BYTES;
  return ivs.subarray(nextIv - IV_BYTES, nextIv);
}

function encrypt(key: Buffer, subject: string, field: string, plaintext: string): SealedField {
  const iv = randomIv();
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(`${subject}\u0000${field}`));
  const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return {
    $sealed: 'aes-256-gcm/1',
    subject,
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    data: data.toString('base64'),
  };
}

function decrypt(key: Buffer, sealed: SealedField, field: string): string {
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64'));
  decipher.setAAD(Buffer.from(`${sealed.subject}\u0000${field}`));
  decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
  return Buffer.concat([decipher.update(Buffer.from(sealed.data, 'base64')), decipher.final()]).toString('utf8');
}
