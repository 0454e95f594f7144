import type { SeededCase, SeedResult } from './demo-seeder';

/** A clock's status as supervisors count it: `warned` is a running clock with a warning recorded. */
function clockStatus(clock: SeededCase['clocks'][number]): string {
  return clock.status === 'running' && clock.warnedThresholds.length > 0 ? 'warned' : clock.status;
}

function counts(values: readonly string[]): string {
  const tally = new Map<string, number>();
  for (const value of values) tally.set(value, (tally.get(value) ?? 0) + 1);
  return [...tally].map(([value, n]) => `${value} ${n}`).join(', ');
}

/** What seed-demo prints about the data it loaded. */
export function demoSummary(result: SeedResult, dataDir: string): string[] {
  const workflows = [...new Set(result.cases.map((c) => c.workflow))];
  // Service standards only: a complaint's review window is the complainant's time, not a service standard.
  const standards = (c: SeededCase) => c.clocks.filter((clock) => clock.standard !== false);
  const clocks = result.cases.flatMap((c) => standards(c).map(clockStatus));
  const breached = result.cases.find((c) => c.supervisorsSee && standards(c).some((clock) => clock.status === 'breached' && !clock.metAt));
  return [
    `Loaded the demo into ${dataDir}: ${result.cases.length} cases, ${result.commands} commands sent by the demo staff over the past months.`,
    ...workflows.map((workflow) => {
      const cases = result.cases.filter((c) => c.workflow === workflow);
      return `  ${workflow}: ${cases.length} cases — ${counts(cases.map((c) => c.state))}`;
    }),
    `  SLA clocks: ${counts(clocks)} (the demo recorded ${result.warnings} warnings and ${result.breaches} breaches)`,
    '  Participants are pseudonymous ("Participant C-031", c031@example.org); staff ids are demo-*, and the staff directory names them (fictional names).',
    ...(breached ? [`  A case with a breached clock, for supervisors to open: ${breached.caseId} (${breached.workflow})`] : []),
  ];
}
