import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runBenchmarks, type BenchReport } from '../../bench/run';
import { SMOKE } from '../../bench/profile';
import { postgresUrl } from '../support/postgres';

describe('npm run bench', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mend-bench-smoke-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('runs every section on a tiny profile and writes the report with each figure next to its baseline', async () => {
    const output = join(dir, 'latest.json');
    await runBenchmarks(SMOKE, { output, log: () => undefined });

    const report = JSON.parse(readFileSync(output, 'utf8')) as BenchReport;
    expect(report.profile).toBe('smoke');
    expect(report.machine).toMatchObject({ cores: expect.any(Number), memoryGiB: expect.any(Number), node: process.version });
    expect(report.sections.map((s) => s.id)).toEqual(['append', 'peer', 'http', 'lag', 'fold', 'rebuild', 'sla', 'backup', 'postgres', 'multi-node']);
    const onPostgres = ['postgres', 'multi-node'];
    const measuredSections = postgresUrl ? report.sections : report.sections.filter((s) => !onPostgres.includes(s.id));
    if (!postgresUrl) {
      for (const id of onPostgres) expect(report.sections.find((s) => s.id === id)).toMatchObject({ figures: [], notes: [expect.stringMatching(/^skipped: no PostgreSQL/)] });
    }
    for (const section of measuredSections) {
      expect(section.figures.length).toBeGreaterThan(0);
      for (const figure of section.figures) {
        expect(figure.mend.value).toBeGreaterThan(0);
        if (figure.baseline) expect(figure.ratio).toBeCloseTo(figure.better === 'higher' ? figure.mend.value / figure.baseline.value : figure.baseline.value / figure.mend.value);
      }
    }
    const http = report.sections.find((s) => s.id === 'http')!.figures[0]!;
    expect(http.details).toMatchObject({ failedRequests: 0, bareFailedRequests: 0 });
    const rebuild = report.sections.find((s) => s.id === 'rebuild')!;
    expect(rebuild.figures.map((f) => f.details?.['events'])).toEqual(rebuild.figures.map(() => expect.any(Number)));
  }, 240_000);
});
