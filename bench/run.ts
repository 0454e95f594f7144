import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appendSection } from './append/append.bench';
import { backupSection } from './backup/backup.bench';
import { peerSection } from './peer/emmett.bench';
import { multiNodeSection } from './multi-node/multi-node.bench';
import { postgresSection } from './postgres/postgres.bench';
import { httpSection } from './http/http.bench';
import { lagSection } from './lag/lag.bench';
import { foldSection } from './fold/fold.bench';
import { rebuildSection } from './rebuild/rebuild.bench';
import { slaSection } from './sla/sla-sweep.bench';
import { benchContext, scratchDir } from './fixtures/bench-context';
import { CaseWriter } from './fixtures/complaint-cases';
import type { Section } from './report/figures';
import { describeMachine } from './report/machine';
import { formatReport } from './report/print';
import { FULL, QUICK, type Profile } from './profile';
import type { RecordedEvent } from '../src/event-store/event-store';

const RESULTS_FILE = join(__dirname, 'results', 'latest.json');

/** A complaint's stored history, the shape of every event the benchmarks write. */
async function complaintTemplate(): Promise<RecordedEvent[]> {
  const dir = scratchDir('template');
  const context = await benchContext(dir.path);
  try {
    return await new CaseWriter(context).complaint();
  } finally {
    await context.close();
    dir.remove();
  }
}

export interface BenchReport {
  readonly profile: Profile['name'];
  /** The sizes and run counts this report was measured with. */
  readonly settings: Profile;
  readonly startedAt: string;
  readonly seconds: number;
  readonly machine: ReturnType<typeof describeMachine>;
  readonly sections: readonly Section[];
}

/** Runs every section in turn and writes the report (by default `bench/results/latest.json`). */
export async function runBenchmarks(
  profile: Profile,
  options: { output?: string; only?: readonly string[]; log?: (line: string) => void } = {},
): Promise<BenchReport> {
  const log = options.log ?? ((line: string) => console.error(line));
  const started = performance.now();
  const startedAt = new Date().toISOString();
  const machine = describeMachine();
  const template = await complaintTemplate();
  const sections: Section[] = [];
  const steps: [string, () => Promise<Section>][] = [
    ['append', () => appendSection(profile, template)],
    ['peer', () => peerSection(profile, template)],
    ['http', () => httpSection(profile)],
    ['lag', () => lagSection(profile)],
    ['fold', () => foldSection(profile, template)],
    ['rebuild', () => rebuildSection(profile)],
    ['sla', () => slaSection(profile)],
    ['backup', () => backupSection(profile)],
    ['postgres', () => postgresSection(profile)],
    ['multi-node', () => multiNodeSection(profile)],
  ];
  for (const [name, step] of steps.filter(([name]) => !options.only || options.only.includes(name))) {
    log(`bench: ${name}…`);
    const sectionStarted = performance.now();
    sections.push(await step());
    log(`bench: ${name} done in ${((performance.now() - sectionStarted) / 1000).toFixed(1)} s`);
  }
  const report: BenchReport = { profile: profile.name, settings: profile, startedAt, seconds: (performance.now() - started) / 1000, machine, sections };
  const output = options.output ?? RESULTS_FILE;
  mkdirSync(join(output, '..'), { recursive: true });
  writeFileSync(output, `${JSON.stringify(report, null, 2)}\n`);
  return report;
}

if (require.main === module) {
  const option = (name: string) => process.argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
  const base = process.argv.includes('--quick') ? QUICK : FULL;
  const rebuildEvents = option('rebuild-events');
  const backupEvents = option('backup-events');
  const sized = rebuildEvents ? { ...base, rebuild: { ...base.rebuild, events: Number(rebuildEvents) } } : base;
  const profile = backupEvents ? { ...sized, backup: { ...sized.backup, events: Number(backupEvents) } } : sized;
  const only = option('only')?.split(',');
  runBenchmarks(profile, only ? { only, output: join(tmpdir(), 'mend-bench-partial.json') } : {}).then(
    (report) => {
      console.log(formatReport(report.profile, report.machine, report.sections));
      process.exit(0);
    },
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
