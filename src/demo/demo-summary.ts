import type { Language } from '../../domain/errors';
import type { Bilingual } from '../../domain/validation';
import type { SeededCase, SeedResult } from './demo-seeder';

/** What seed-demo says, in both languages (the operator's: src/config/language.ts). */
const DEMO_TEXTS = {
  loaded: (dataDir: string, cases: number, commands: number): Bilingual => ({
    en: `Loaded the demo into ${dataDir}: ${cases} cases, ${commands} commands sent by the demo staff over the past months.`,
    fr: `Démo chargée dans ${dataDir}\u00a0: ${cases}\u00a0dossiers, ${commands}\u00a0commandes envoyées par le personnel de démonstration au cours des derniers mois.`,
  }),
  workflow: (workflow: string, cases: number, states: string): Bilingual => ({
    en: `  ${workflow}: ${cases} cases — ${states}`,
    fr: `  ${workflow}\u00a0: ${cases}\u00a0dossiers — ${states}`,
  }),
  clocks: (statuses: string, warnings: number, breaches: number): Bilingual => ({
    en: `  SLA clocks: ${statuses} (the demo recorded ${warnings} warnings and ${breaches} breaches)`,
    fr: `  Délais de service\u00a0: ${statuses} (la démo a consigné ${warnings}\u00a0avertissements et ${breaches}\u00a0dépassements)`,
  }),
  pseudonymous: {
    en: '  Participants are pseudonymous ("Participant C-031", c031@example.org); staff ids are demo-*, and the staff directory names them (fictional names).',
    fr: '  Les participants sont pseudonymes («\u00a0Participant C-031\u00a0», c031@example.org)\u00a0; les identifiants du personnel sont demo-*, et le répertoire du personnel les nomme (noms fictifs).',
  },
  breachedCase: (caseId: string, workflow: string): Bilingual => ({
    en: `  A case with a breached clock, for supervisors to open: ${caseId} (${workflow})`,
    fr: `  Un dossier dont un délai est dépassé, à ouvrir par les superviseurs\u00a0: ${caseId} (${workflow})`,
  }),
} as const;

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
export function demoSummary(result: SeedResult, dataDir: string, language: Language = 'en'): string[] {
  const workflows = [...new Set(result.cases.map((c) => c.workflow))];
  // Service standards only: a complaint's review window is the complainant's time, not a service standard.
  const standards = (c: SeededCase) => c.clocks.filter((clock) => clock.standard !== false);
  const clocks = result.cases.flatMap((c) => standards(c).map(clockStatus));
  const breached = result.cases.find((c) => c.supervisorsSee && standards(c).some((clock) => clock.status === 'breached' && !clock.metAt));
  const lines: Bilingual[] = [
    DEMO_TEXTS.loaded(dataDir, result.cases.length, result.commands),
    ...workflows.map((workflow) => {
      const cases = result.cases.filter((c) => c.workflow === workflow);
      return DEMO_TEXTS.workflow(workflow, cases.length, counts(cases.map((c) => c.state)));
    }),
    DEMO_TEXTS.clocks(counts(clocks), result.warnings, result.breaches),
    DEMO_TEXTS.pseudonymous,
    ...(breached ? [DEMO_TEXTS.breachedCase(breached.caseId, breached.workflow)] : []),
  ];
  return lines.map((line) => line[language]);
}
