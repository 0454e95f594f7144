import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { appendSection } from './append/append.bench';
import { peerSection } from './peer/emmett.bench';
import { httpSection } from './http/http.bench';
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

export const RESULTS_FILE = join(__dirname, 'results', 'latest.json');

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
  readonly startedAt: string;
  readonly seconds: number;
  readonly machine: ReturnType<typeof describeMachine>;
  readonly sections: readonly Section[];
}

/** Runs every section in turn, prints the table and writes `bench/results/latest.json`. */
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
    ['fold', () => foldSection(profile, template)],
    ['rebuild', () => rebuildSection(profile)],
    ['sla', () => slaSection(profile)],
  ];
  for (const [name, step] of steps.filter(([name]) => !options.only || options.only.includes(name))) {
    log(`bench: ${name}…`);
    const sectionStarted = performance.now();
    sections.push(await step());
    log(`bench: ${name} done in ${((performance.now() - sectionStarted) / 1000).toFixed(1)} s`);
  }
  const report: BenchReport = { profile: profile.name, startedAt, seconds: (performance.now() - started) / 1000, machine, sections };
  const output = options.output ?? RESULTS_FILE;
  mkdirSync(join(output, '..'), { recursive: true });
  writeFileSync(output, `${JSON.stringify(report, null, 2)}\n`);
  return report;
}

if (require.main === module) {
  const quick = process.argv.includes('--quick');
  const only = process.argv.find((arg) => arg.startsWith('--only='))?.slice('--only='.length).split(',');
  runBenchmarks(quick ? QUICK : FULL, only ? { only, output: join(__dirname, 'results', 'partial.json') } : {}).then(
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
