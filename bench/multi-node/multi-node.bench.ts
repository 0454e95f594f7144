import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { mintLocalToken } from '../../src/auth/jwt';
import { client, type HttpClient } from '../../test/support/app';
import { MendServer } from '../../test/support/mend-process';
import { scratchDir } from '../fixtures/bench-context';
import { figure, paired, perSecond, type Section } from '../report/figures';
import type { Profile } from '../profile';
import { benchPostgresUrl, skippedNoPostgres } from '../postgres/postgres.bench';

const SECRET = 'one-secret-shared-by-every-node-of-the-bench';

/** Mend nodes (child processes) on one PostgreSQL schema of their own, sharing the token secret and key store. */
class Cluster {
  private constructor(
    readonly nodes: readonly MendServer[],
    private readonly schema: string,
    private readonly dirs: readonly { remove(): void }[],
  ) {}

  static async start(url: string, size: number): Promise<Cluster> {
    const schema = `mend_bench_nodes_${randomUUID().replaceAll('-', '').slice(0, 10)}`;
    const dirs = Array.from({ length: size }, () => scratchDir('node'));
    const env = { MEND_STORE: 'postgres', MEND_POSTGRES_URL: url, MEND_POSTGRES_SCHEMA: schema, MEND_JWT_SECRET: SECRET };
    // The first node creates the schema; the others then find it.
    const first = await MendServer.start(dirs[0]!.path, env);
    const rest = await Promise.all(dirs.slice(1).map((dir) => MendServer.start(dir.path, env)));
    return new Cluster([first, ...rest], schema, dirs);
  }

  async clients(): Promise<HttpClient[]> {
    const token = await mintLocalToken(new TextEncoder().encode(SECRET), { subject: 'supervisor-1', role: 'supervisor', ttlSeconds: 3600, now: new Date() });
    return this.nodes.map((node) => client(node.baseUrl, token));
  }

  async stop(url: string): Promise<void> {
    await Promise.all(this.nodes.map((node) => node.stop()));
    for (const dir of this.dirs) dir.remove();
    const pool = new Pool({ connectionString: url, max: 1 });
    await pool.query(`DROP SCHEMA IF EXISTS "${this.schema}" CASCADE`).catch(() => undefined);
    await pool.end();
  }
}

const complaint = () => ({
  workflow: 'complaint',
  command: 'ReceiveComplaint',
  data: {
    channel: 'electronic',
    receivedAt: new Date().toISOString(),
    region: 'ON',
    complainant: { name: 'Robin', pseudonym: true, contact: 'robin@example.org' },
    text: 'My preparation meeting was cancelled twice without notice.',
  },
});

/**
 * `clients` concurrent loops for `seconds`, client i on node i mod n: open a complaint, then
 * acknowledge it (two commands). Commands per second; any answer but 201/200 fails the run.
 */
async function commandRate(cluster: Cluster, clients: number, seconds: number): Promise<number> {
  const https = await cluster.clients();
  const until = performance.now() + seconds * 1000;
  const started = performance.now();
  let commands = 0;
  await Promise.all(
    Array.from({ length: clients }, async (_, i) => {
      const http = https[i % https.length]!;
      while (performance.now() < until) {
        const opened = await http.post('/cases', complaint());
        if (opened.status !== 201) throw new Error(`ReceiveComplaint answered ${opened.status}: ${JSON.stringify(opened.body)}`);
        const caseId = (opened.body as { caseId: string }).caseId;
        const acknowledged = await http.post(`/cases/${caseId}/commands/AcknowledgeComplaint`, { method: 'email' });
        if (acknowledged.status !== 200) throw new Error(`AcknowledgeComplaint answered ${acknowledged.status}: ${JSON.stringify(acknowledged.body)}`);
        commands += 2;
      }
    }),
  );
  return perSecond(commands, performance.now() - started);
}

export async function multiNodeSection(profile: Profile): Promise<Section> {
  const id = 'multi-node';
  const title = 'Command throughput: three Mend nodes vs one, on one PostgreSQL';
  const url = benchPostgresUrl();
  if (!url) return { id, title, figures: [], notes: [skippedNoPostgres] };
  const { clients, seconds } = profile.multiNode;
  const [one, three] = await Promise.all([Cluster.start(url, 1), Cluster.start(url, 3)]);
  try {
    if (profile.multiNode.runs > 1) {
      // A first short round on each warms the JIT and the connection pools of every node.
      await commandRate(one, clients, Math.min(1, seconds));
      await commandRate(three, clients, Math.min(1, seconds));
    }
    const [threeNodes, oneNode] = await paired(
      profile.multiNode.runs,
      () => commandRate(three, clients, seconds),
      () => commandRate(one, clients, seconds),
    );
    return {
      id,
      title,
      figures: [
        figure({
          label: `${clients} HTTP clients (open a complaint, acknowledge it), spread over the nodes`,
          unit: 'commands/s',
          mend: threeNodes,
          baseline: { ...oneNode, label: 'one Mend node, same clients, same server' },
          details: { clients, seconds },
        }),
      ],
      notes: [
        'Mend here is three node processes on one PostgreSQL schema (client i talks to node i mod 3); the baseline is one node process on a schema of its own; runs alternate.',
        'Each node is a separate Node.js process with its own read models; every command is a round trip to PostgreSQL, serialised on the append lock.',
        'No target: on a machine with few cores the three nodes, the clients and PostgreSQL share the same CPUs, so three nodes need not be faster than one; more nodes pay off when each has cores (or a machine) of its own.',
      ],
    };
  } finally {
    await Promise.all([one.stop(url), three.stop(url)]);
  }
}
