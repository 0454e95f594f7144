import type { RecordedEvent } from '../event-store/event-store';
import type { ChainProblem, Verification } from './audit.schemas';
import { eventHash, GENESIS_HASH } from '../event-store/hash-chain';
import type { Language } from '../../domain/errors';

/** A sentence of the verification in the reader's language (the CLI's is English). */
export const said = (language: Language, en: string, fr: string): string => (language === 'fr' ? fr : en);

/** Each problem as a sentence names it, by its stable name (the `problem` field). */
const PROBLEM_NAMES: Readonly<Record<string, { readonly en: string; readonly fr: string }>> = {
  'hash mismatch': { en: 'hash mismatch', fr: 'empreinte discordante' },
  'broken link': { en: 'broken link', fr: 'maillon rompu' },
  'revision gap': { en: 'revision gap', fr: 'version manquante' },
  'revision out of order': { en: 'revision out of order', fr: 'version hors d’ordre' },
  'stream deleted': { en: 'stream deleted', fr: 'flux supprimé' },
  'events deleted': { en: 'events deleted', fr: 'événements supprimés' },
  'events inserted': { en: 'events inserted', fr: 'événements insérés' },
  'events rewritten': { en: 'events rewritten', fr: 'événements réécrits' },
  'stream inserted': { en: 'stream inserted', fr: 'flux inséré' },
  'event count': { en: 'event count', fr: 'nombre d’événements' },
  'positions missing': { en: 'positions missing', fr: 'positions manquantes' },
  'forged checkpoint': { en: 'forged checkpoint', fr: 'point de contrôle contrefait' },
  'unverifiable checkpoint': { en: 'unverifiable checkpoint', fr: 'point de contrôle invérifiable' },
  'unknown checkpoint': { en: 'unknown checkpoint', fr: 'point de contrôle inconnu' },
};

/** A problem's name in a sentence of `language`. */
export const problemName = (problem: string, language: Language): string => PROBLEM_NAMES[problem]?.[language] ?? problem;

const REPORTED_PROBLEMS = 100;

interface StreamCursor {
  nextRevision: number;
  lastHash: string;
  events: number;
  problem?: ChainProblem;
}

/** A stream's last event at a position of the store: what a checkpoint signs. */
export interface StreamHead {
  readonly revision: number;
  readonly hash: string;
}

/**
 * Every stream's head, and the number of events, at a position of the store (a checkpoint's), as
 * recorded: fed the same events as a ChainVerifier.
 */
export class HeadsAt {
  readonly heads = new Map<string, StreamHead>();
  events = 0;

  constructor(readonly position: number) {}

  add(event: RecordedEvent): void {
    if (event.position > this.position) return;
    this.events += 1;
    const known = this.heads.get(event.streamId);
    if (!known || event.revision > known.revision) this.heads.set(event.streamId, { revision: event.revision, hash: String(event.metadata.hash) });
  }
}

/**
 * On SQLite, positions are the rowids of an INTEGER PRIMARY KEY without AUTOINCREMENT: each commit
 * takes the next number, and a rolled-back append takes none, so positions run 1, 2, 3… with no
 * hole. A hole means deleted events.
 */
export class PositionGaps {
  private expected = 1;
  readonly gaps: { from: number; to: number }[] = [];

  add(event: RecordedEvent): void {
    if (event.position > this.expected) this.gaps.push({ from: this.expected, to: event.position - 1 });
    this.expected = Math.max(this.expected, event.position + 1);
  }
}

/** What the chains alone say; the verification adds the checkpoint's verdict. */
export type ChainVerdict = Omit<Verification, 'verdict' | 'checkpoint' | 'checkpointProblems'>;

/** Which streams the reader may know exist: the others are neither counted nor named. */
export type StreamVisibility = (streamId: string) => boolean;

/**
 * Checks the hash chains of any number of streams from their events in store (position) order,
 * keeping only each stream's next revision and last hash, so memory grows with the number of
 * streams, never with the number of events.
 *
 * Within a stream, revisions must follow one another as positions grow, each event's hash must
 * match its content, and its `prevHash` must be the hash of the event before it. Only the first
 * problem of a stream is kept: everything after a broken link follows from it.
 */
export class ChainVerifier {
  private readonly streams = new Map<string, StreamCursor>();
  private events = 0;

  /** `language`: the one its details and message are said in. */
  constructor(private readonly language: Language = 'en') {}

  add(event: RecordedEvent): void {
    this.events += 1;
    let stream = this.streams.get(event.streamId);
    if (!stream) {
      stream = { nextRevision: 0, lastHash: GENESIS_HASH, events: 0 };
      this.streams.set(event.streamId, stream);
    }
    stream.events += 1;
    if (stream.problem) {
      // A revision that seemed missing turns up later: it was not deleted, the two were recorded out of order.
      if (stream.problem.problem === 'revision gap' && event.revision === stream.nextRevision) {
        stream.problem = {
          ...stream.problem,
          problem: 'revision out of order',
          detail: said(
            this.language,
            `revision ${stream.problem.revision} is stored before revision ${event.revision} (position ${event.position})`,
            `la version ${stream.problem.revision} est stockée avant la version ${event.revision} (position ${event.position})`,
          ),
        };
      }
      return;
    }
    stream.problem = this.check(stream, event);
    if (stream.problem) return;
    stream.nextRevision += 1;
    stream.lastHash = String(event.metadata.hash);
  }

  /** Every stream seen, visible or not. */
  streamIds(): string[] {
    return [...this.streams.keys()];
  }

  result(visible: StreamVisibility = () => true): ChainVerdict {
    const shown = [...this.streams].filter(([id]) => visible(id)).map(([, stream]) => stream);
    const events = shown.reduce((sum, s) => sum + s.events, 0);
    const tampered = shown.flatMap((s) => (s.problem ? [s.problem] : [])).sort((a, b) => a.position - b.position);
    const first = tampered[0];
    return {
      ok: first === undefined,
      streams: shown.length,
      events,
      problems: tampered.slice(0, REPORTED_PROBLEMS),
      tamperedStreams: tampered.length,
      message: first
        ? said(
            this.language,
            `tampered: ${tampered.length} of ${shown.length} streams (${events} events checked). First: ${describeProblem(first)}`,
            `altéré\u00a0: ${tampered.length} flux sur ${shown.length} (${events} événements vérifiés). Premier problème\u00a0: ${describeProblem(first, 'fr')}`,
          )
        : said(this.language, `all ${shown.length} streams verified (${events} events)`, `les ${shown.length} flux sont vérifiés (${events} événements)`),
    };
  }

  private check(stream: StreamCursor, event: RecordedEvent): ChainProblem | undefined {
    const at = { streamId: event.streamId, revision: event.revision, position: event.position, eventId: event.id };
    const language = this.language;
    if (event.revision < stream.nextRevision) {
      return {
        ...at,
        problem: 'revision out of order',
        detail: said(language, `revision ${event.revision} is stored after revision ${stream.nextRevision - 1}`, `la version ${event.revision} est stockée après la version ${stream.nextRevision - 1}`),
      };
    }
    if (event.revision > stream.nextRevision) {
      const detail =
        stream.nextRevision === 0
          ? said(language, `revision 0 is missing: the stream starts with revision ${event.revision}`, `la version 0 manque\u00a0: le flux commence par la version ${event.revision}`)
          : said(
              language,
              `revision ${stream.nextRevision} is missing: revision ${stream.nextRevision - 1} is followed by revision ${event.revision}`,
              `la version ${stream.nextRevision} manque\u00a0: la version ${stream.nextRevision - 1} est suivie de la version ${event.revision}`,
            );
      return { ...at, problem: 'revision gap', detail };
    }
    const { prevHash, hash } = event.metadata;
    const recomputed = eventHash(String(prevHash), event);
    if (typeof prevHash !== 'string' || typeof hash !== 'string' || recomputed !== hash) {
      return {
        ...at,
        problem: 'hash mismatch',
        detail: said(language, `its content hashes to ${recomputed}, not the recorded ${String(hash)}`, `son contenu a pour empreinte ${recomputed}, et non ${String(hash)} comme consigné`),
      };
    }
    if (prevHash !== stream.lastHash) {
      return {
        ...at,
        problem: 'broken link',
        detail: said(
          language,
          `its prevHash ${prevHash} is not the hash of the event before it, ${stream.lastHash}`,
          `son prevHash ${prevHash} n’est pas l’empreinte de l’événement qui le précède, ${stream.lastHash}`,
        ),
      };
    }
    return undefined;
  }
}

export function describeProblem(p: ChainProblem, language: Language = 'en'): string {
  return said(
    language,
    `stream ${p.streamId}, revision ${p.revision} (position ${p.position}, event ${p.eventId}): ${problemName(p.problem, language)} — ${p.detail}`,
    `flux ${p.streamId}, version ${p.revision} (position ${p.position}, événement ${p.eventId})\u00a0: ${problemName(p.problem, language)} — ${p.detail}`,
  );
}
