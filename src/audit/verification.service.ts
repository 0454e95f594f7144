import { Inject, Injectable } from '@nestjs/common';
import { createPublicKey, type KeyObject } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { SCHEMA_VERSION } from '../../domain/envelope';
import type { Actor } from '../../domain/roles';
import { CLOCK, type Clock } from '../clock/clock';
import { MEND_CONFIG, type MendConfig } from '../config/config';
import { EVENT_STORE, type EventStore, type RecordedEvent } from '../event-store/event-store';
import { WorkflowRegistry } from '../workflows/workflow-registry';
import { ACCESS_LOG_CATEGORY, accessLogStreamId } from './access-log.service';
import type { CheckpointProblem, CheckpointSummary, Verification } from './audit.schemas';
import { AuditReader } from './audit-reader.service';
import { ChainVerifier, HeadsAt, PositionGaps, problemName, said, type ChainVerdict, type StreamVisibility } from './chain-verifier';
import type { Language } from '../../domain/errors';
import {
  CHECKPOINT_SIGNED,
  CHECKPOINT_STREAM,
  checkpointDigest,
  checkSignature,
  compareWithCheckpoint,
  signCheckpoint,
  sortedHeads,
  type SignedCheckpoint,
} from './checkpoint';
import { signingKey, verifyingKey } from './checkpoint-keys';
import { eventHash, GENESIS_HASH } from '../event-store/hash-chain';
import { allPages, caseIdOf, categoryOf, streamPages } from './stream-pages';
import { CASE_REFERENCE_CATEGORY } from '../cases/case-references';
import { CASE_ID_CATEGORY } from '../cases/case-repository';

const REPORTED_PROBLEMS = 100;

export interface VerifyOptions {
  readonly onProgress?: (position: number) => void;
  /** Workflows whose streams the reader may not know exist: neither counted nor named. */
  readonly hiddenWorkflows?: readonly string[];
  /** A checkpoint digest published elsewhere: the store must still hold that genuine checkpoint. */
  readonly expectedDigest?: string;
  /** The language the verdict's sentences are said in: the reader's (English by default, as the CLI says them). */
  readonly language?: Language;
}

interface StoredCheckpoint {
  readonly checkpoint: SignedCheckpoint;
  readonly digest: string;
  readonly event: RecordedEvent;
}

/** The latest genuine checkpoint, and what is wrong with the checkpoints stored after it. */
interface CheckpointState {
  readonly latest?: StoredCheckpoint;
  readonly digests: ReadonlySet<string>;
  readonly problems: CheckpointProblem[];
  readonly last?: RecordedEvent;
}

/** A new checkpoint, as `mend audit checkpoint` reports it. */
export interface CreatedCheckpoint {
  readonly sequence: number;
  readonly position: number;
  readonly events: number;
  readonly streams: number;
  readonly digest: string;
  readonly keyId: string;
}

/**
 * Verifies the hash chains of the store (DESIGN.md §6) and compares it with the latest signed
 * checkpoint, which catches what chains alone cannot: a rewritten event whose chain was recomputed,
 * a stream's last events deleted, a whole stream deleted.
 */
@Injectable()
export class ChainVerification {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(MEND_CONFIG) private readonly config: MendConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly reader: AuditReader,
    private readonly registry: WorkflowRegistry,
  ) {}

  /** Every stream of the store, read once in position order. */
  async verifyAll(options: VerifyOptions = {}): Promise<Verification> {
    const language = options.language ?? 'en';
    const checkpoints = await this.checkpoints(this.publicKey(), options.expectedDigest, language);
    const { chains, heads, gaps, readAs, references } = await this.scan(checkpoints.latest?.checkpoint.position, options.onProgress, undefined, language);
    const problems = this.checkpointProblems(checkpoints, heads, gaps, language);
    const visible = this.visibility(
      options.hiddenWorkflows ?? [],
      [...chains.streamIds(), ...(checkpoints.latest?.checkpoint.heads.map(([id]) => id) ?? [])],
      readAs,
      references,
    );
    return verdict(chains.result(visible), checkpoints.latest, problems.filter((p) => p.streamId === undefined || visible(p.streamId)), language);
  }

  /**
   * A case's stream and its access log. Streams are read by revision, so their events are sorted
   * back into store order first: a case is small enough to hold, and the verdict is then the same
   * as the whole store's for these two streams.
   */
  async verifyCase(caseId: string, options: Pick<VerifyOptions, 'expectedDigest' | 'language'> = {}): Promise<Verification> {
    const language = options.language ?? 'en';
    const { streamId } = await this.reader.locate(caseId);
    const ids = [streamId, accessLogStreamId(caseId)];
    const events: RecordedEvent[] = [];
    for (const id of ids) {
      for await (const page of streamPages(this.store, id)) events.push(...page);
    }
    const checkpoints = await this.checkpoints(this.publicKey(), options.expectedDigest, language);
    const chains = new ChainVerifier(language);
    const heads = checkpoints.latest ? new HeadsAt(checkpoints.latest.checkpoint.position) : undefined;
    for (const event of events.sort((a, b) => a.position - b.position)) {
      chains.add(event);
      heads?.add(event);
    }
    const problems = [...checkpoints.problems];
    if (checkpoints.latest && heads) problems.push(...compareWithCheckpoint(checkpoints.latest.checkpoint, heads, new Set(ids), language));
    return verdict(chains.result(), checkpoints.latest, problems, language);
  }

  /**
   * Signs the store's head with the audit key and appends the checkpoint to its own stream. Refused
   * when the log does not verify: a checkpoint must never vouch for a tampered store.
   */
  async checkpoint(actor: Actor, onProgress?: (position: number) => void): Promise<CreatedCheckpoint | { refused: Verification }> {
    const privateKey = signingKey(this.config);
    const checkpoints = await this.checkpoints(this.publicKey() ?? createPublicKey(privateKey));
    const position = await this.store.headPosition();
    const { chains, heads, gaps, newHeads: now } = await this.scan(checkpoints.latest?.checkpoint.position, onProgress, position);
    const verified = verdict(chains.result(), checkpoints.latest, this.checkpointProblems(checkpoints, heads, gaps));
    if (!verified.ok) return { refused: verified };
    const sequence = (checkpoints.last?.revision ?? -1) + 2;
    const signed = signCheckpoint(privateKey, {
      sequence,
      position,
      events: now.events,
      previous: checkpoints.latest?.digest ?? null,
      createdAt: this.clock.now().toISOString(),
      heads: sortedHeads(now.heads),
    });
    const prevHash = checkpoints.last ? String(checkpoints.last.metadata.hash) : GENESIS_HASH;
    const revision = (checkpoints.last?.revision ?? -1) + 1;
    const metadata = {
      actor,
      correlationId: uuidv7(),
      causationId: uuidv7(),
      occurredAt: signed.createdAt,
      schemaVersion: SCHEMA_VERSION,
    };
    const hash = eventHash(prevHash, { streamId: CHECKPOINT_STREAM, revision, type: CHECKPOINT_SIGNED, data: signed, metadata });
    await this.store.append(
      CHECKPOINT_STREAM,
      [{ id: uuidv7(), type: CHECKPOINT_SIGNED, data: signed, metadata: { ...metadata, prevHash, hash } }],
      { expectedRevision: checkpoints.last ? checkpoints.last.revision : 'no_stream' },
    );
    return { sequence, position, events: signed.events, streams: signed.streams, digest: checkpointDigest(signed), keyId: signed.keyId };
  }

  private checkpointProblems(checkpoints: CheckpointState, heads: HeadsAt | undefined, gaps: PositionGaps | undefined, language: Language = 'en'): CheckpointProblem[] {
    const problems = [...checkpoints.problems];
    if (checkpoints.latest && heads) problems.push(...compareWithCheckpoint(checkpoints.latest.checkpoint, heads, undefined, language));
    for (const gap of gaps?.gaps ?? []) {
      const count = gap.to - gap.from + 1;
      const detail =
        gap.from === gap.to
          ? said(language, `position ${gap.from} is missing: 1 event was deleted`, `la position ${gap.from} manque\u00a0: 1\u00a0événement a été supprimé`)
          : said(
              language,
              `positions ${gap.from} to ${gap.to} are missing: ${count} events were deleted`,
              `les positions ${gap.from} à ${gap.to} manquent\u00a0: ${count}\u00a0événements ont été supprimés`,
            );
      problems.push({ problem: 'positions missing', detail });
    }
    return problems;
  }

  /** One pass over the store: the chains, the heads at the checkpoint, and (on SQLite) the holes in positions. */
  private async scan(checkpointPosition: number | undefined, onProgress?: (position: number) => void, newPosition?: number, language: Language = 'en') {
    const chains = new ChainVerifier(language);
    const heads = checkpointPosition === undefined ? undefined : new HeadsAt(checkpointPosition);
    const gaps = this.store.engine === 'sqlite' ? new PositionGaps() : undefined;
    const newHeads = new HeadsAt(newPosition ?? 0);
    // Cases read as another workflow's (a complaint about an RO case), by stream: their events say so.
    const readAs = new Map<string, string>();
    // Each case's reference (its opening event says it), so that a hidden case's reservation is hidden too.
    const references = new Map<string, string>();
    for await (const page of allPages(this.store)) {
      for (const event of page) {
        const { readAs: as, reference } = event.metadata as { readAs?: unknown; reference?: unknown };
        if (typeof as === 'string') readAs.set(event.streamId, as);
        if (typeof reference === 'string') references.set(event.streamId, reference);
        chains.add(event);
        heads?.add(event);
        gaps?.add(event);
        newHeads.add(event);
      }
      onProgress?.(page[page.length - 1]!.position);
    }
    return { chains, heads, gaps, newHeads, readAs, references };
  }

  private publicKey(): KeyObject | undefined {
    return verifyingKey(this.config);
  }

  /** The checkpoints stored, newest first, until one whose signature holds. */
  private async checkpoints(publicKey: KeyObject | undefined, expectedDigest?: string, language: Language = 'en'): Promise<CheckpointState> {
    const stored: RecordedEvent[] = [];
    for await (const page of streamPages(this.store, CHECKPOINT_STREAM)) stored.push(...page);
    const problems: CheckpointProblem[] = [];
    const digests = new Set<string>();
    const last = stored.at(-1);
    if (stored.length > 0 && !publicKey) {
      problems.push({
        streamId: CHECKPOINT_STREAM,
        problem: 'unverifiable checkpoint',
        detail: said(
          language,
          `${stored.length} signed ${stored.length === 1 ? 'checkpoint is' : 'checkpoints are'} stored but no audit public key is configured (MEND_AUDIT_PUBLIC_KEY_FILE or MEND_AUDIT_PUBLIC_KEY)`,
          `${stored.length}\u00a0${stored.length === 1 ? 'point de contrôle signé est stocké' : 'points de contrôle signés sont stockés'}, mais aucune clé publique d’audit n’est configurée (MEND_AUDIT_PUBLIC_KEY_FILE ou MEND_AUDIT_PUBLIC_KEY)`,
        ),
      });
      return { problems, digests, ...(last ? { last } : {}) };
    }
    let latest: StoredCheckpoint | undefined;
    for (const event of stored.reverse()) {
      const checkpoint = event.data as SignedCheckpoint;
      const forged =
        event.type === CHECKPOINT_SIGNED ? checkSignature(checkpoint, publicKey!, language) : said(language, `it is a ${event.type} event`, `c’est un événement ${event.type}`);
      if (forged) {
        const where = said(language, `revision ${event.revision} (position ${event.position}): `, `version ${event.revision} (position ${event.position})\u00a0: `);
        problems.push({ streamId: CHECKPOINT_STREAM, problem: 'forged checkpoint', detail: `${where}${forged}` });
        continue;
      }
      const digest = checkpointDigest(checkpoint);
      digests.add(digest);
      latest ??= { checkpoint, digest, event };
    }
    if (expectedDigest !== undefined && !digests.has(expectedDigest)) {
      problems.push({
        problem: 'unknown checkpoint',
        detail: said(
          language,
          `no genuine checkpoint with digest ${expectedDigest} is stored: the checkpoints after it, or the whole checkpoint log, were deleted or forged`,
          `aucun point de contrôle authentique d’empreinte ${expectedDigest} n’est stocké\u00a0: les points de contrôle qui le suivent, ou tout le journal des points de contrôle, ont été supprimés ou contrefaits`,
        ),
      });
    }
    return { problems, digests, ...(latest ? { latest } : {}), ...(last ? { last } : {}) };
  }

  /**
   * RO streams, and the streams of cases read as RO cases (and their access logs and case-id and
   * reference reservations), exist only for those who may read RO cases. A case read as another
   * workflow's is hidden or shown as that workflow's cases are, whatever its own workflow: a
   * complaint about an RO case is shown to the RO-cleared auditor, and to no departmental role.
   */
  private visibility(
    hiddenWorkflows: readonly string[],
    streamIds: readonly string[],
    readAs: ReadonlyMap<string, string>,
    references: ReadonlyMap<string, string> = new Map(),
  ): StreamVisibility {
    if (hiddenWorkflows.length === 0) return () => true;
    const hiddenCategories = new Set(
      this.registry
        .categories()
        .filter((c) => hiddenWorkflows.includes(c.name))
        .map((c) => c.category),
    );
    const known = new Set(this.registry.names());
    // As PolicyService decides: under the scope of the workflow read as, and a workflow not registered is readable by no one.
    const hiddenStream = (id: string) => {
      const as = readAs.get(id);
      return as === undefined ? hiddenCategories.has(categoryOf(id)) : !known.has(as) || hiddenWorkflows.includes(as);
    };
    const hiddenCases = new Set(streamIds.filter(hiddenStream).map(caseIdOf));
    const hiddenPrefixes = new Set(
      this.registry
        .all()
        .filter((d) => hiddenWorkflows.includes(d.name))
        .map((d) => d.referencePrefix),
    );
    // Each reference's case, so that a reservation is shown or hidden as its case is; one without a case, by its prefixes (CMP-RO).
    const caseOfReference = new Map([...references].map(([streamId, reference]) => [reference, streamId]));
    return (streamId) => {
      const category = categoryOf(streamId);
      if (category === CASE_REFERENCE_CATEGORY) {
        const reference = caseIdOf(streamId);
        const owner = caseOfReference.get(reference);
        return owner === undefined ? !reference.split('-').some((part) => hiddenPrefixes.has(part)) : !hiddenStream(owner);
      }
      if (hiddenStream(streamId)) return false;
      // An access log written before ids were kept in lower case may spell its case's id in upper case.
      return !((category === ACCESS_LOG_CATEGORY || category === CASE_ID_CATEGORY) && hiddenCases.has(caseIdOf(streamId).toLowerCase()));
    };
  }
}

function verdict(chains: ChainVerdict, latest: StoredCheckpoint | undefined, problems: readonly CheckpointProblem[], language: Language = 'en'): Verification {
  const checkpoint: CheckpointSummary | null = latest
    ? {
        sequence: latest.checkpoint.sequence,
        position: latest.checkpoint.position,
        digest: latest.digest,
        createdAt: latest.checkpoint.createdAt,
        keyId: latest.checkpoint.keyId,
      }
    : null;
  const against = checkpoint
    ? said(language, ` against checkpoint ${checkpoint.sequence} (position ${checkpoint.position})`, ` par rapport au point de contrôle ${checkpoint.sequence} (position ${checkpoint.position})`)
    : '';
  // Beside a broken chain, the checkpoint's and the positions' problems are more of them.
  const more = !chains.ok;
  const count = said(
    language,
    `${problems.length} ${more ? 'more ' : ''}problem${problems.length === 1 ? '' : 's'}`,
    `${problems.length}\u00a0${more ? (problems.length === 1 ? 'autre ' : 'autres ') : ''}${problems.length === 1 ? 'problème' : 'problèmes'}`,
  );
  const first = problems[0] && said(language, `. First: ${describeCheckpointProblem(problems[0], language)}`, `. Premier problème\u00a0: ${describeCheckpointProblem(problems[0], language)}`);
  // A broken chain's sentence ends with its detail: what the checkpoint says follows as a sentence of its own.
  const checkpointAgrees = checkpoint
    ? said(
        language,
        `. Checkpoint ${checkpoint.sequence} (position ${checkpoint.position}) finds nothing else changed`,
        `. Le point de contrôle ${checkpoint.sequence} (position ${checkpoint.position}) ne relève rien d’autre`,
      )
    : '';
  const message =
    problems.length > 0
      ? `${chains.ok ? '' : `${chains.message}. `}${count}${against}${first}`
      : chains.ok
        ? `${chains.message}${against}`
        : `${chains.message}${checkpointAgrees}`;
  const ok = chains.ok && problems.length === 0;
  // Nothing found wrong, and nothing vouched for: the key to read the checkpoints with is missing.
  const unverifiable = chains.ok && problems.length > 0 && problems.every((p) => p.problem === 'unverifiable checkpoint');
  const outcome = ok ? 'verified' : unverifiable ? 'unverifiable' : 'tampered';
  return { ...chains, ok, verdict: outcome, checkpoint, checkpointProblems: problems.slice(0, REPORTED_PROBLEMS), message };
}

export function describeCheckpointProblem(p: CheckpointProblem, language: Language = 'en'): string {
  const stream = p.streamId ? said(language, `stream ${p.streamId}: `, `flux ${p.streamId}\u00a0: `) : '';
  return `${stream}${problemName(p.problem, language)} — ${p.detail}`;
}
