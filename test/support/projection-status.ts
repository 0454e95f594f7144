import { projectionDefinitions } from '../../projections/registry';
import type { HttpClient } from './app';

/** One entry of `GET /projections`. */
export interface ProjectionReport {
  readonly name: string;
  readonly status: 'starting' | 'running' | 'failed' | 'stopped';
  readonly checkpoint: number;
  readonly generation: number;
  readonly error?: string;
  readonly errorPosition?: number;
  readonly lag: { readonly events: number; readonly seconds: number };
}

/** Every projection is listed, running, and has reached `head`. */
export const caughtUpWith =
  (head: number) =>
  (reports: readonly ProjectionReport[]): boolean =>
    projectionDefinitions.every((p) => reports.some((r) => r.name === p.name && r.status === 'running' && r.checkpoint >= head));

/** Polls `GET /projections` (as a supervisor or admin) until `done` holds; fails with the last answer after `limitMs`. */
export async function waitForProjections(
  http: HttpClient,
  done: (reports: readonly ProjectionReport[]) => boolean,
  limitMs = 60_000,
): Promise<ProjectionReport[]> {
  const deadline = Date.now() + limitMs;
  let last: unknown;
  for (;;) {
    const response = await http.get<ProjectionReport[]>('/projections');
    last = response.body;
    if (response.status === 200 && done(response.body)) return response.body;
    if (Date.now() > deadline) throw new Error(`Projections not as expected after ${limitMs} ms: ${response.status} ${JSON.stringify(last)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
