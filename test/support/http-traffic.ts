import type { Actor } from '../../domain/roles';
import type { AnyWorkflowDefinition, CaseState } from '../../domain/workflow';
import { initialCaseState } from '../../domain/fold';
import { advance, CaseDriver, type PlannedCommand } from './case-driver';
import type { Random } from './random';

/** The last write the server acknowledged for a case. */
export interface Acknowledged {
  readonly caseId: string;
  readonly streamId: string;
  readonly workflow: string;
  readonly revision: number;
  readonly position: number;
}

interface TrafficCase {
  readonly caseId: string;
  readonly definition: AnyWorkflowDefinition;
  state: CaseState;
}

export interface TrafficStats {
  sent: number;
  acknowledged: number;
  /** 4xx answers: the server refused, nothing was stored. */
  refused: number;
  /** Requests without an answer (the server was killed): their cases are retired. */
  lost: number;
  /** 5xx answers, with their bodies. */
  readonly serverErrors: string[];
  readonly refusals: Map<string, number>;
}

export interface TrafficOptions {
  /** Where the server is now. */
  readonly baseUrl: () => string;
  readonly token: (actor: Actor) => Promise<string>;
  readonly random: Random;
  /** Cases each client keeps going at once. */
  readonly casesPerClient?: number;
}

/**
 * Several concurrent clients driving cases of every workflow over HTTP, as users would: open cases,
 * move them along with valid commands, each case by one client at a time. Every acknowledged write
 * is remembered, so a test can check that none is lost. A case whose last request got no answer is
 * retired: the outcome of that command is unknown.
 */
export class HttpTraffic {
  readonly acknowledged = new Map<string, Acknowledged>();
  /** Every acknowledged write, in the order the answers came. */
  readonly writes: Acknowledged[] = [];
  readonly stats: TrafficStats = { sent: 0, acknowledged: 0, refused: 0, lost: 0, serverErrors: [], refusals: new Map() };
  private readonly driver: CaseDriver;
  private readonly pools: TrafficCase[][] = [];

  constructor(private readonly options: TrafficOptions) {
    this.driver = new CaseDriver(options.random);
  }

  /** Runs `clients` clients until `stop()` says so; resolves when every client has stopped. */
  async run(clients: number, stop: () => boolean): Promise<void> {
    while (this.pools.length < clients) this.pools.push([]);
    await Promise.all(this.pools.slice(0, clients).map((pool) => this.client(pool, stop)));
  }

  private async client(pool: TrafficCase[], stop: () => boolean): Promise<void> {
    const limit = this.options.casesPerClient ?? 8;
    while (!stop()) {
      if (pool.length < limit && (pool.length === 0 || this.options.random.chance(0.2))) {
        const { definition, planned } = this.driver.open();
        const open: TrafficCase = { caseId: this.options.random.uuid(), definition, state: initialCaseState(definition) };
        if (await this.send(open, planned)) pool.push(open);
        continue;
      }
      const index = this.options.random.int(0, pool.length - 1);
      const current = pool[index]!;
      const planned = this.driver.next(current.definition, current.state, new Date());
      if (!planned || !(await this.send(current, planned))) pool.splice(index, 1);
    }
  }

  /** Sends one command; false when the case should be retired. */
  private async send(target: TrafficCase, planned: PlannedCommand): Promise<boolean> {
    const opening = target.state.revision < 0;
    const path = opening ? '/cases' : `/cases/${target.caseId}/commands/${planned.command}`;
    const body = opening ? { workflow: target.definition.name, command: planned.command, data: planned.data, caseId: target.caseId } : planned.data;
    this.stats.sent += 1;
    let response: Response;
    let text: string;
    try {
      response = await fetch(`${this.options.baseUrl()}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${await this.options.token(planned.actor)}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      text = await response.text();
    } catch {
      this.stats.lost += 1;
      return false;
    }
    if (response.status >= 500) {
      this.stats.serverErrors.push(`${response.status} ${planned.command}: ${text.slice(0, 300)}`);
      return false;
    }
    if (response.status >= 400) {
      this.stats.refused += 1;
      const code = `${planned.command} ${response.status} ${(JSON.parse(text) as { code?: string }).code ?? ''}`;
      this.stats.refusals.set(code, (this.stats.refusals.get(code) ?? 0) + 1);
      return !opening;
    }
    const view = JSON.parse(text) as { revision: number; position: number; updatedAt: string };
    this.stats.acknowledged += 1;
    const write: Acknowledged = {
      caseId: target.caseId,
      streamId: `${target.definition.category}-${target.caseId}`,
      workflow: target.definition.name,
      revision: view.revision,
      position: view.position,
    };
    this.acknowledged.set(target.caseId, write);
    this.writes.push(write);
    try {
      target.state = advance(target.definition, target.state, planned, new Date(view.updatedAt));
    } catch {
      return false;
    }
    // The server folded the same events: a different revision means this copy of the case is wrong.
    return target.state.revision === view.revision;
  }

  /** Acknowledged writes by workflow, for reports. */
  summary(): string {
    const refusals = [...this.stats.refusals.entries()].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([k, n]) => `${k}×${n}`);
    return `sent ${this.stats.sent}, acknowledged ${this.stats.acknowledged}, refused ${this.stats.refused}${refusals.length ? ` (${refusals.join(', ')})` : ''}, lost ${this.stats.lost}`;
  }
}
