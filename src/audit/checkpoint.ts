import { createHash, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { canonicalJson } from '../../domain/canonical-json';
import type { CheckpointProblem } from './audit.schemas';
import { said, type StreamHead } from './chain-verifier';
import type { Language } from '../../domain/errors';

/** The stream the signed checkpoints are appended to, hash-chained like every other stream. */
export const CHECKPOINT_STREAM = 'auditCheckpoint-store';
export const CHECKPOINT_SIGNED = 'AuditCheckpointSigned';
const FORMAT = 'mend-checkpoint/1';

/**
 * What a checkpoint signs: the store's head (position and number of events at it) and a digest
 * over the head of every stream then (its last revision and that event's hash). Chained to the
 * previous checkpoint's digest, so one published digest vouches for every checkpoint before it.
 */
export interface CheckpointStatement {
  readonly format: typeof FORMAT;
  readonly sequence: number;
  readonly position: number;
  readonly events: number;
  readonly streams: number;
  readonly headsDigest: string;
  readonly previous: string | null;
  readonly createdAt: string;
}

/** The stored checkpoint: the statement, its signature, and the heads themselves (to name what changed). */
export interface SignedCheckpoint extends CheckpointStatement {
  readonly algorithm: 'Ed25519';
  readonly keyId: string;
  readonly signature: string;
  /** `[streamId, revision, hash]`, sorted by stream id. */
  readonly heads: readonly (readonly [string, number, string])[];
}

const sha256 = (text: string | Buffer) => createHash('sha256').update(text).digest('hex');

export function sortedHeads(heads: ReadonlyMap<string, StreamHead>): [string, number, string][] {
  return [...heads].map(([id, head]): [string, number, string] => [id, head.revision, head.hash]).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

export function headsDigest(heads: readonly (readonly [string, number, string])[]): string {
  return sha256(canonicalJson(heads));
}

/** The digest an operator publishes: sha256 of the signed statement. */
export function checkpointDigest(statement: CheckpointStatement): string {
  return sha256(canonicalJson(statementOf(statement)));
}

/** A short, stable name of a public key, recorded with each signature. */
export function keyIdOf(key: KeyObject): string {
  const publicKey = key.type === 'private' ? createPublicKey(key) : key;
  return sha256(publicKey.export({ type: 'spki', format: 'der' })).slice(0, 16);
}

function statementOf(c: CheckpointStatement): CheckpointStatement {
  const { format, sequence, position, events, streams, headsDigest: digest, previous, createdAt } = c;
  return { format, sequence, position, events, streams, headsDigest: digest, previous, createdAt };
}

export function signCheckpoint(
  privateKey: KeyObject,
  content: Omit<CheckpointStatement, 'format' | 'headsDigest' | 'streams'> & { heads: readonly (readonly [string, number, string])[] },
): SignedCheckpoint {
  const statement: CheckpointStatement = {
    format: FORMAT,
    sequence: content.sequence,
    position: content.position,
    events: content.events,
    streams: content.heads.length,
    headsDigest: headsDigest(content.heads),
    previous: content.previous,
    createdAt: content.createdAt,
  };
  const signature = sign(null, Buffer.from(canonicalJson(statement)), privateKey).toString('base64');
  return { ...statement, algorithm: 'Ed25519', keyId: keyIdOf(privateKey), signature, heads: content.heads };
}

/**
 * Whether a stored checkpoint is genuine: signed by this public key over its statement, and its
 * heads are the ones the statement's digest covers. Returns why not, or undefined.
 */
export function checkSignature(checkpoint: SignedCheckpoint, publicKey: KeyObject, language: Language = 'en'): string | undefined {
  if (checkpoint.format !== FORMAT || checkpoint.algorithm !== 'Ed25519') {
    return said(language, `it is not a ${FORMAT} Ed25519 checkpoint`, `ce n’est pas un point de contrôle ${FORMAT} Ed25519`);
  }
  let valid = false;
  try {
    valid = verify(null, Buffer.from(canonicalJson(statementOf(checkpoint))), publicKey, Buffer.from(checkpoint.signature, 'base64'));
  } catch {
    valid = false;
  }
  if (!valid) {
    return said(
      language,
      `its signature does not verify with the audit key ${keyIdOf(publicKey)} (it names key ${String(checkpoint.keyId)})`,
      `sa signature ne se vérifie pas avec la clé d’audit ${keyIdOf(publicKey)} (il nomme la clé ${String(checkpoint.keyId)})`,
    );
  }
  if (!Array.isArray(checkpoint.heads) || headsDigest(checkpoint.heads) !== checkpoint.headsDigest || checkpoint.heads.length !== checkpoint.streams) {
    return said(language, 'its list of stream heads is not the one its signature covers', 'sa liste de têtes de flux n’est pas celle que couvre sa signature');
  }
  return undefined;
}

/**
 * Compares the store as it is now, at a checkpoint's position, with what the checkpoint signed:
 * streams deleted, events deleted from a stream's end, events rewritten (a head whose hash
 * changed), streams that appeared before the checkpoint without being in it, and the event count.
 */
export function compareWithCheckpoint(
  checkpoint: SignedCheckpoint,
  now: { heads: ReadonlyMap<string, StreamHead>; events: number },
  /** Compare only these streams (one case's), not the whole store. */
  only?: ReadonlySet<string>,
  language: Language = 'en',
): CheckpointProblem[] {
  const problems: CheckpointProblem[] = [];
  const signed = new Map(checkpoint.heads.filter(([id]) => !only || only.has(id)).map(([id, revision, hash]) => [id, { revision, hash }]));
  // The checkpoint as each language's sentences name it, with their own articles.
  const at = `checkpoint ${checkpoint.sequence} (position ${checkpoint.position})`;
  const pc = `point de contrôle ${checkpoint.sequence} (position ${checkpoint.position})`;
  for (const [streamId, head] of signed) {
    const current = now.heads.get(streamId);
    if (!current) {
      problems.push({
        streamId,
        problem: 'stream deleted',
        detail: said(language, `${at} signed it with ${head.revision + 1} events; none is left`, `Le ${pc} l’a signé avec ${head.revision + 1}\u00a0événements\u00a0; il n’en reste aucun`),
      });
    } else if (current.revision < head.revision) {
      const one = current.revision + 1 === head.revision;
      const detail = said(
        language,
        `${at} signed it up to revision ${head.revision}; ${one ? `revision ${head.revision} is` : `revisions ${current.revision + 1} to ${head.revision} are`} missing`,
        `Le ${pc} l’a signé jusqu’à la version ${head.revision}\u00a0; ${one ? `la version ${head.revision} manque` : `les versions ${current.revision + 1} à ${head.revision} manquent`}`,
      );
      problems.push({ streamId, problem: 'events deleted', detail });
    } else if (current.revision > head.revision) {
      problems.push({
        streamId,
        problem: 'events inserted',
        detail: said(
          language,
          `${at} signed it up to revision ${head.revision}; revision ${current.revision} now stands at or before that position`,
          `Le ${pc} l’a signé jusqu’à la version ${head.revision}\u00a0; la version ${current.revision} se trouve maintenant à cette position ou avant`,
        ),
      });
    } else if (current.hash !== head.hash) {
      problems.push({
        streamId,
        problem: 'events rewritten',
        detail: said(
          language,
          `${at} signed revision ${head.revision} with hash ${head.hash}; it now hashes to ${current.hash}: an event at or before revision ${head.revision} was changed and the chain recomputed`,
          `Le ${pc} a signé la version ${head.revision} avec l’empreinte ${head.hash}\u00a0; elle a maintenant pour empreinte ${current.hash}\u00a0: un événement à la version ${head.revision} ou avant a été modifié et la chaîne recalculée`,
        ),
      });
    }
  }
  for (const streamId of now.heads.keys()) {
    if (signed.has(streamId)) continue;
    problems.push({
      streamId,
      problem: 'stream inserted',
      detail: said(language, `it has events at or before the position of ${at}, which did not sign it`, `il a des événements à la position du ${pc} ou avant, qui ne l’a pas signé`),
    });
  }
  if (!only && now.events !== checkpoint.events) {
    problems.push({
      problem: 'event count',
      detail: said(
        language,
        `${at} signed ${checkpoint.events} events up to its position; ${now.events} are there now`,
        `Le ${pc} a signé ${checkpoint.events}\u00a0événements jusqu’à sa position\u00a0; il y en a maintenant ${now.events}`,
      ),
    });
  }
  return problems;
}
