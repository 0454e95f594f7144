/** Whether a larger number is better (a rate) or a smaller one (a duration). */
export type Better = 'higher' | 'lower';

export interface Measured {
  /** The median of the runs. */
  readonly value: number;
  readonly runs: readonly number[];
}

/** One line of the report: what Mend achieved, next to the baseline measured in the same run. */
export interface Figure {
  readonly label: string;
  readonly unit: string;
  readonly better: Better;
  readonly mend: Measured;
  readonly baseline?: Measured & { readonly label: string };
  /** Mend's share of the baseline's performance: above 1 means Mend did better than the baseline. */
  readonly ratio?: number;
  /** The ratio this figure should reach, and whether it did. */
  readonly target?: { readonly ratio: number; readonly met: boolean };
  /** Further numbers worth keeping (latencies, RSS samples, error counts). */
  readonly details?: Readonly<Record<string, unknown>>;
}

export interface Section {
  readonly id: string;
  readonly title: string;
  readonly figures: readonly Figure[];
  readonly notes: readonly string[];
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export const measured = (runs: readonly number[]): Measured => ({ value: median(runs), runs });

/** Runs Mend and its baseline alternately, so that both see the same noise of a shared machine. */
export async function paired(runs: number, mend: () => Promise<number>, baseline: () => Promise<number>): Promise<[Measured, Measured]> {
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < runs; i++) {
    a.push(await mend());
    b.push(await baseline());
  }
  return [measured(a), measured(b)];
}

export async function repeated(runs: number, run: () => Promise<number>): Promise<Measured> {
  const values: number[] = [];
  for (let i = 0; i < runs; i++) values.push(await run());
  return measured(values);
}

export function figure(options: {
  label: string;
  unit: string;
  better?: Better;
  mend: Measured;
  baseline?: Measured & { label: string };
  target?: number;
  details?: Record<string, unknown>;
}): Figure {
  const better = options.better ?? 'higher';
  const { baseline } = options;
  const ratio = baseline ? (better === 'higher' ? options.mend.value / baseline.value : baseline.value / options.mend.value) : undefined;
  return {
    label: options.label,
    unit: options.unit,
    better,
    mend: options.mend,
    ...(baseline ? { baseline } : {}),
    ...(ratio !== undefined ? { ratio } : {}),
    ...(ratio !== undefined && options.target !== undefined ? { target: { ratio: options.target, met: ratio >= options.target } } : {}),
    ...(options.details ? { details: options.details } : {}),
  };
}

/** Events (or requests) per second of `count` done in `ms`. */
export const perSecond = (count: number, ms: number) => (count * 1000) / ms;

/** Times an async piece of work in milliseconds. */
export async function timed(work: () => Promise<unknown> | unknown): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}
