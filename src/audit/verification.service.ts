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
import { ChainVerifier, HeadsAt, PositionGaps, type ChainVerdict, type StreamVisibility } from './chain-verifier';
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
    const checkpoints = await this.checkpoints(this.publicKey(), options.expectedDigest);
    const { chains, heads, gaps, readAs, references } = await this.scan(checkpoints.latest?.checkpoint.position, options.onProgress);
    const problems = this.checkpointProblems(checkpoints, heads, gaps);
    const visible = this.visibility(
      options.hiddenWorkflows ?? [],
      [...chains.streamIds(), ...(checkpoints.latest?.checkpoint.heads.map(([id]) => id) ?? [])],
      readAs,
      references,
    );
    return verdict(chains.result(visible), checkpoints.latest, problems.filter((p) => p.streamId === undefined || visible(p.streamId)));
  }

  /**
   * A case's stream and its access log. Streams are read by revision, so their events are sorted
   * back into store order first: a case is small enough to hold, and the verdict is then the same
   * as the whole store's for these two streams.
   */
  async verifyCase(caseId: string, options: Pick<VerifyOptions, 'expectedDigest'> = {}): Promise<Verification> {
    const { streamId } = await this.reader.locate(caseId);
    const ids = [streamId, accessLogStreamId(caseId)];
    const events: RecordedEvent[] = [];
    for (const id of ids) {
      for await (const page of streamPages(this.store, id)) events.push(...page);
    }
    const checkpoints = await this.checkpoints(this.publicKey(), options.expectedDigest);
    const chains = new ChainVerifier();
    const heads = checkpoints.latest ? new HeadsAt(checkpoints.latest.checkpoint.position) : undefined;
    for (const event of events.sort((a, b) => a.position - b.position)) {
      chains.add(event);
      heads?.add(event);
    }
    const problems = [...checkpoints.problems];
    if (checkpoints.latest && heads) problems.push(...compareWithCheckpoint(checkpoints.latest.checkpoint, heads, new Set(ids)));
    return verdict(chains.result(), checkpoints.latest, problems);
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

  private checkpointProblems(checkpoints: CheckpointState, heads: HeadsAt | undefined, gaps: PositionGaps | undefined): CheckpointProblem[] {
    const problems = [...checkpoints.problems];
    if (checkpoints.latest && heads) problems.push(...compareWithCheckpoint(checkpoints.latest.checkpoint, heads));
    for (const gap of gaps?.gaps ?? []) {
      const span = gap.from === gap.to ? `position ${gap.from} is` : `positions ${gap.from} to ${gap.to} are`;
      problems.push({ problem: 'positions missing', detail: `${span} missing: ${gap.to - gap.from + 1} events were deleted` });
    }
    return problems;
  }

  /** One pass over the store: the chains, the heads at the checkpoint, and (on SQLite) the holes in positions. */
  private async scan(checkpointPosition: number | undefined, onProgress?: (position: number) => void, newPosition?: number) {
    const chains = new ChainVerifier();
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
  private async checkpoints(publicKey: KeyObject | undefined, expectedDigest?: string): Promise<CheckpointState> {
    const stored: RecordedEvent[] = [];
    for await (const page of streamPages(this.store, CHECKPOINT_STREAM)) stored.push(...page);
    const problems: CheckpointProblem[] = [];
    const digests = new Set<string>();
    const last = stored.at(-1);
    if (stored.length > 0 && !publicKey) {
      problems.push({
        streamId: CHECKPOINT_STREAM,
        problem: 'unverifiable checkpoint',
        detail: `${stored.length} signed checkpoints are stored but no audit public key is configured (MEND_AUDIT_PUBLIC_KEY_FILE or MEND_AUDIT_PUBLIC_KEY)`,
      });
      return { problems, digests, ...(last ? { last } : {}) };
    }
    let latest: StoredCheckpoint | undefined;
    for (const event of stored.reverse()) {
      const checkpoint = event.data as SignedCheckpoint;
      const forged = event.type === CHECKPOINT_SIGNED ? checkSignature(checkpoint, publicKey!) : `it is a ${event.type} event`;
      if (forged) {
        problems.push({ streamId: CHECKPOINT_STREAM, problem: 'forged checkpoint', detail: `revision ${event.revision} (position ${event.position}): ${forged}` });
        continue;
      }
      const digest = checkpointDigest(checkpoint);
      digests.add(digest);
      latest ??= { checkpoint, digest, event };
    }
    if (expectedDigest !== undefined && !digests.has(expectedDigest)) {
      problems.push({
        problem: 'unknown checkpoint',
        detail: `no genuine checkpoint with digest ${expectedDigest} is stored: the checkpoints after it, or the whole checkpoint log, were deleted or forged`,
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

function verdict(chains: ChainVerdict, latest: StoredCheckpoint | undefined, problems: readonly CheckpointProblem[]): Verification {
  const checkpoint: CheckpointSummary | null = latest
    ? {
        sequence: latest.checkpoint.sequence,
        position: latest.checkpoint.position,
        digest: latest.digest,
        createdAt: latest.checkpoint.createdAt,
        keyId: latest.checkpoint.keyId,
      }
    : null;
  const against = checkpoint ? ` against checkpoint ${checkpoint.sequence} (position ${checkpoint.position})` : '';
  const message =
    problems.length === 0
      ? `${chains.message}${against}`
      : `${chains.ok ? '' : `${chains.message}; `}${problems.length} problem${problems.length === 1 ? '' : 's'}${against}. First: ${describeCheckpointProblem(problems[0]!)}`;
  const ok = chains.ok && problems.length === 0;
  // Nothing found wrong, and nothing vouched for: the key to read the checkpoints with is missing.
  const unverifiable = chains.ok && problems.length > 0 && problems.every((p) => p.problem === 'unverifiable checkpoint');
  const said = ok ? 'verified' : unverifiable ? 'unverifiable' : 'tampered';
  return { ...chains, ok, verdict: said, checkpoint, checkpointProblems: problems.slice(0, REPORTED_PROBLEMS), message };
}

export function describeCheckpointProblem(p: CheckpointProblem): string {
  return `${p.streamId ? `stream ${p.streamId}: ` : ''}${p.problem} — ${p.detail}`;
}
