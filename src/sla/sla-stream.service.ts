import type { ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import { Inject, Injectable, type BeforeApplicationShutdown } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { FastifyReply } from 'fastify';
import { slaClocksProjection, type SlaAlertRow } from '../../projections/sla-clocks';
import { staffProjection } from '../../projections/staff';
import { INACTIVE_SUBJECTS, type InactiveSubjects } from '../auth/inactive-subjects';
import { CLOCK, type Clock } from '../clock/clock';
import { ProjectionsService } from '../projections/projections.service';
import { StaffQueries } from '../staff/staff.queries';
import { TooManyStreams } from './sla-errors';
import { SlaQueries, type WithReference } from './sla-queries';

/** Proxies drop connections that stay silent; a comment line every 15 s keeps them open. */
const HEARTBEAT_MS = 15_000;
const PAGE = 500;
/** Open streams one person may hold at once (a console per screen, a few tabs): each holds a connection and a poll. */
export const STREAMS_PER_PERSON = 5;
/** How long a stream waits, as it opens, for the staff read model to take the writes made so far (the reader's role as of now). */
const DIRECTORY_CATCH_UP_MS = 2_000;
/** The read models whose progress wakes a stream: the alerts', and the directory's (the reader's own entry may change). */
const WATCHED = [slaClocksProjection.name, staffProjection.name];

/**
 * Who reads a stream, and until when their token is valid. The stream ends too when the staff
 * directory marks them inactive or gives them another role: every other request is authorized
 * afresh, and what the stream hides was fixed when it opened.
 */
export interface StreamReader {
  readonly subject: string;
  /** Epoch ms: the stream ends then, so an expired token stops receiving alerts. */
  readonly expiresAt: number;
}

export interface StreamFilter {
  readonly workflow?: string;
  readonly region?: string;
  /** Workflows whose cases (and cases read as theirs) the reader may not know exist. */
  readonly hiddenWorkflows: readonly string[];
}

const passes = (row: SlaAlertRow, filter: StreamFilter) =>
  (filter.workflow === undefined || row.workflow === filter.workflow) &&
  (filter.region === undefined || row.region === filter.region) &&
  !filter.hiddenWorkflows.includes(row.read_as);

/** A warning or a breach as the stream sends it. */
export interface SlaAlert {
  readonly position: number;
  readonly type: SlaAlertRow['type'];
  readonly caseId: string;
  /** The case's human reference; null until the cases read model has the case. */
  readonly reference: string | null;
  readonly clock: string;
  readonly name: string;
  readonly nameFr?: string;
  readonly workflow: string;
  readonly region: string;
  readonly level: number | null;
  readonly threshold: number | null;
  /** When the threshold passed or the clock ran out. */
  readonly at: string;
  readonly dueAt: string;
  /** When the scheduler recorded it. */
  readonly recordedAt: string;
}

function toAlert(row: SlaAlertRow & WithReference): SlaAlert {
  return {
    position: row.position,
    type: row.type,
    caseId: row.case_id,
    reference: row.reference,
    clock: row.clock,
    name: row.name,
    ...(row.name_fr !== null ? { nameFr: row.name_fr } : {}),
    workflow: row.workflow,
    region: row.region,
    level: row.level > 0 ? row.level : null,
    threshold: row.threshold,
    at: row.at,
    dueAt: row.due_at,
    recordedAt: row.occurred_at,
  };
}

/**
 * Server-Sent Events of the warnings and breaches in the sla-clocks read model, so a breach
 * recorded by any scheduler, in any process, reaches every console. Each event's id is its global
 * position: a client that reconnects with Last-Event-ID misses nothing and sees nothing twice.
 */
@Injectable()
export class SlaStream implements BeforeApplicationShutdown {
  private readonly open = new Set<ServerResponse>();
  private readonly perSubject = new Map<string, number>();
  private staff: { inactive: InactiveSubjects; entries: StaffQueries } | undefined;

  constructor(
    private readonly queries: SlaQueries,
    private readonly projections: ProjectionsService,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly modules: ModuleRef,
  ) {}

  /** The position to stream after: a reconnect's Last-Event-ID, else just before ?minPosition=, else now. */
  startAfter(lastEventId: number | undefined, minPosition: number | undefined): number {
    if (lastEventId !== undefined) return lastEventId;
    if (minPosition !== undefined) return Math.max(0, minPosition - 1);
    return this.queries.lastAlertPosition();
  }

  /**
   * Serves one client until it disconnects, its token expires, the staff directory changes their
   * standing, or the application shuts down. A person holding STREAMS_PER_PERSON streams already is
   * refused (429) before anything is sent.
   */
  async serve(reply: FastifyReply, after: number, filter: StreamFilter, reader: StreamReader): Promise<void> {
    const held = this.perSubject.get(reader.subject) ?? 0;
    if (held >= STREAMS_PER_PERSON) throw TooManyStreams({ limit: STREAMS_PER_PERSON });
    this.perSubject.set(reader.subject, held + 1);
    try {
      await this.stream(reply, after, filter, reader.expiresAt, await this.standing(reader.subject));
    } finally {
      const left = (this.perSubject.get(reader.subject) ?? 1) - 1;
      if (left > 0) this.perSubject.set(reader.subject, left);
      else this.perSubject.delete(reader.subject);
    }
  }

  private async stream(reply: FastifyReply, after: number, filter: StreamFilter, expiresAt: number, standing: Standing): Promise<void> {
    // Headers set so far (security headers, the correlation id) are kept: a hijacked reply writes only what it is given.
    const inherited = Object.entries(reply.getHeaders()).filter((entry): entry is [string, string | number | string[]] => entry[1] !== undefined);
    reply.hijack();
    const response = reply.raw;
    response.writeHead(200, {
      ...Object.fromEntries(inherited),
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    response.flushHeaders();
    const closed = event(response, 'close');
    this.open.add(response);
    // Token lifetimes are wall-clock time, whatever the business clock says.
    const expiry = setTimeout(() => {
      if (!response.writableEnded) response.end(': the token expired; reconnect with a new one\n\n');
    }, Math.max(0, expiresAt - Date.now()));
    let cursor = after;
    try {
      await write(
        response,
        `retry: 3000\n: streaming warnings and breaches after position ${cursor}\n\n`,
        closed,
      );
      while (!response.destroyed && !response.writableEnded) {
        let revoked = standing.revoked();
        const rows = revoked ? [] : this.queries.alertsAfter(cursor, PAGE);
        for (const row of rows) {
          cursor = row.position;
          if (!passes(row, filter)) continue;
          // In memory: a person marked inactive while a page is sent gets none of the rest of it.
          if ((revoked = standing.revokedNow())) break;
          await write(response, `id: ${row.position}\nevent: ${row.type}\ndata: ${JSON.stringify(toAlert(row))}\n\n`, closed);
        }
        if (revoked) {
          if (!response.writableEnded) response.end(`: ${revoked}; reconnect to be authorized afresh\n\n`);
          break;
        }
        if (rows.length === PAGE) continue;
        const wake = await this.nextChange(closed);
        if (wake === 'quiet') await write(response, `: heartbeat ${this.clock.now().toISOString()}\n\n`, closed);
      }
    } finally {
      clearTimeout(expiry);
      this.open.delete(response);
      if (!response.writableEnded) response.end();
    }
  }

  /**
   * What the staff directory says of the reader as the stream opens — once its read model has taken
   * the writes made so far (bounded: a directory that lags ends the stream later, when it catches
   * up, rather than delay it) — and a check of whether it still says so.
   */
  private async standing(subject: string): Promise<Standing> {
    this.staff ??= {
      // The staff module's, looked up once (as the AuthGuard does): the SLA module does not import it.
      inactive: this.modules.get<symbol, InactiveSubjects>(INACTIVE_SUBJECTS, { strict: false }),
      entries: this.modules.get(StaffQueries, { strict: false }),
    };
    const { inactive, entries } = this.staff;
    const directory = this.projections.reports().find((r) => r.name === staffProjection.name);
    if (directory?.status === 'starting' || directory?.status === 'running') {
      const head = await this.projections.headPosition();
      if (head > directory.checkpoint) await this.projections.nextEvent(staffProjection.name, head - 1, DIRECTORY_CATCH_UP_MS);
    }
    const role = entries.find(subject)?.role;
    const revokedNow = () => (inactive.has(subject) ? 'you are marked inactive in the staff directory' : undefined);
    return {
      revokedNow,
      revoked: () => revokedNow() ?? (entries.find(subject)?.role !== role ? 'your role in the staff directory changed' : undefined),
    };
  }

  /**
   * Waits until a read model it watches moves past where it is now — whoever projected the events,
   * this process or another on the same data directory — or for a heartbeat's time, or for the
   * client to leave.
   */
  private async nextChange(closed: Promise<void>): Promise<'moved' | 'quiet' | 'closed'> {
    const started = performance.now();
    const reports = this.projections.reports();
    const checkpoint = (name: string) => reports.find((r) => r.name === name)?.checkpoint ?? 0;
    const moved = anyTrue(WATCHED.map((name) => this.projections.nextEvent(name, checkpoint(name), HEARTBEAT_MS)));
    const outcome = await Promise.race([moved, closed.then(() => 'closed' as const)]);
    if (outcome === 'closed') return 'closed';
    if (outcome) return 'moved';
    // A stopped projection answers at once: wait out the heartbeat rather than spin.
    await Promise.race([delay(HEARTBEAT_MS - (performance.now() - started)), closed]);
    return 'quiet';
  }

  /** Ends every stream, or the HTTP server would wait for them to close. */
  beforeApplicationShutdown(): void {
    for (const response of this.open) response.end();
  }
}

/** Why a reader may no longer read their stream, as the directory says now; undefined while it says as it did when the stream opened. */
interface Standing {
  /** Marked inactive, or given another role: a look-up in the read model. */
  revoked(): string | undefined;
  /** Marked inactive: in memory, cheap enough to ask before every alert. */
  revokedNow(): string | undefined;
}

/** True as soon as one is, false once none is. */
function anyTrue(waits: readonly Promise<boolean>[]): Promise<boolean> {
  return new Promise((resolve) => {
    let left = waits.length;
    for (const wait of waits) {
      void wait.then((value) => {
        left -= 1;
        if (value || left === 0) resolve(value);
      });
    }
  });
}

/** Writes a chunk, waiting for a slow client to drain rather than buffering without bound. */
async function write(response: ServerResponse, chunk: string, closed: Promise<void>): Promise<void> {
  if (response.destroyed || response.writableEnded) return;
  if (!response.write(chunk)) await Promise.race([event(response, 'drain'), closed]);
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)).unref());
}

function event(response: ServerResponse, name: 'drain' | 'close'): Promise<void> {
  return new Promise((resolve) => response.once(name, () => resolve()));
}
