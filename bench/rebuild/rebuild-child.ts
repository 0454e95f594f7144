/**
 * The one-pass rebuild of every projection in a process of its own, as `mend projections rebuild`
 * runs it: boots Mend's application context on the data directory given, rebuilds, and prints one
 * line of JSON with the events rebuilt and its resident memory (sampled at every page; the
 * rebuild is synchronous within a page, so no timer would get a turn). Run by the rebuild section.
 */
import { benchContext } from '../fixtures/bench-context';
import { ProjectionsService } from '../../src/projections/projections.service';

const MiB = 2 ** 20;

export interface ChildRebuild {
  readonly events: number;
  readonly seconds: number;
  /** Resident memory once the context is up, before the rebuild. */
  readonly startMiB: number;
  readonly peakMiB: number;
  /** At each quarter of the pages. */
  readonly quartersMiB: readonly number[];
  /** The V8 heap in use at the peak's sample. */
  readonly heapAtPeakMiB: number;
}

async function main(dataDir: string): Promise<void> {
  const context = await benchContext(dataDir);
  try {
    const projections = context.get(ProjectionsService);
    const samples: number[] = [];
    let peak = 0;
    let heapAtPeak = 0;
    const sample = () => {
      const rss = process.memoryUsage.rss();
      samples.push(rss);
      if (rss > peak) {
        peak = rss;
        heapAtPeak = process.memoryUsage().heapUsed;
      }
    };
    sample();
    const start = samples[0]!;
    const started = performance.now();
    const [result] = await projections.rebuildAll(projections.names(), sample);
    const seconds = (performance.now() - started) / 1000;
    const mib = (bytes: number) => Math.round(bytes / MiB);
    const at = (fraction: number) => mib(samples[Math.min(samples.length - 1, Math.floor(fraction * samples.length))]!);
    const report: ChildRebuild = {
      events: result!.events,
      seconds,
      startMiB: mib(start),
      peakMiB: mib(peak),
      quartersMiB: [at(0.25), at(0.5), at(0.75), mib(samples[samples.length - 1]!)],
      heapAtPeakMiB: mib(heapAtPeak),
    };
    process.stdout.write(`${JSON.stringify(report)}\n`);
  } finally {
    await context.close();
  }
}

main(process.argv[2]!).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
