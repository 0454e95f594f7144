import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ExitCode } from '../../src/cli/exit-codes';
import { operatorLanguage } from '../../src/config/language';
import { CLI_TEXTS, commanderLineInFrench } from '../../src/cli/messages';
import { CONFIG_TEXTS, ConfigError, loadConfig } from '../../src/config/config';
import type { Bilingual } from '../../domain/validation';
import { errorLines, mend } from './cli-process';

// Each verb is a child process that compiles the sources on load: give them time on a busy machine.
jest.setTimeout(120_000);

const NBSP = '\u00a0';

describe('the operator’s language: LC_ALL, else LC_MESSAGES, else LANG; MEND_LANG overrides', () => {
  it.each([
    [{}, 'en'],
    [{ LANG: 'C' }, 'en'],
    [{ LANG: 'C.UTF-8' }, 'en'],
    [{ LANG: 'POSIX' }, 'en'],
    [{ LANG: 'en_CA.UTF-8' }, 'en'],
    [{ LANG: 'fr_CA.UTF-8' }, 'fr'],
    [{ LANG: 'fr' }, 'fr'],
    [{ LANG: 'FR_ca' }, 'fr'],
    [{ LC_ALL: 'C', LANG: 'fr_CA.UTF-8' }, 'en'],
    [{ LC_ALL: 'fr_CA.UTF-8', LANG: 'en_CA.UTF-8' }, 'fr'],
    [{ LC_ALL: 'fr_CA.UTF-8', LC_MESSAGES: 'C' }, 'fr'],
    [{ LC_MESSAGES: 'fr_CA.UTF-8', LANG: 'C' }, 'fr'],
    [{ LC_MESSAGES: 'en_CA.UTF-8', LANG: 'fr_CA.UTF-8' }, 'en'],
    // An empty variable counts as unset (POSIX).
    [{ LC_ALL: '', LC_MESSAGES: '', LANG: 'fr_CA.UTF-8' }, 'fr'],
    [{ MEND_LANG: 'fr', LC_ALL: 'C' }, 'fr'],
    [{ MEND_LANG: 'en', LANG: 'fr_CA.UTF-8' }, 'en'],
    // A MEND_LANG that is neither is not a choice (the configuration names it): the locale decides.
    [{ MEND_LANG: 'de', LANG: 'fr_CA.UTF-8' }, 'fr'],
  ] as const)('%j → %s', (env, language) => expect(operatorLanguage(env)).toBe(language));
});

describe('configuration errors in the operator’s language', () => {
  const refused = (env: Record<string, string>): ConfigError => {
    try {
      loadConfig(env);
    } catch (error) {
      if (error instanceof ConfigError) return error;
      throw error;
    }
    throw new Error('the configuration was accepted');
  };

  it('says a bad variable in Canadian French under a French locale, each problem in English too', () => {
    const error = refused({ LANG: 'fr_CA.UTF-8', MEND_BUSINESS_HOURS: 'abc', PORT: 'x' });
    expect(error.message).toBe(
      [
        `Configuration invalide${NBSP}:`,
        `  PORT${NBSP}: doit être un nombre (valeur reçue${NBSP}: «${NBSP}x${NBSP}»)`,
        `  MEND_BUSINESS_HOURS${NBSP}: doit avoir la forme 07:00-17:00 (valeur reçue${NBSP}: «${NBSP}abc${NBSP}»)`,
      ].join('\n'),
    );
    expect(error.problems).toEqual([
      // The English is as it always was (zod's own where the schema gives no words): docs/operations.md quotes it.
      { variable: 'PORT', message: 'Invalid input: expected number, received NaN (got "x")' },
      { variable: 'MEND_BUSINESS_HOURS', message: 'must look like 07:00-17:00 (got "abc")' },
    ]);
    expect(error.textIn('en')).toBe(
      ['Invalid configuration:', '  PORT: Invalid input: expected number, received NaN (got "x")', '  MEND_BUSINESS_HOURS: must look like 07:00-17:00 (got "abc")'].join('\n'),
    );
  });

  it('stays English under C, and LC_ALL=C beats a French LANG', () => {
    expect(refused({ LANG: 'C.UTF-8', MEND_STORE: 'nope' }).message).toMatch(/^Invalid configuration:\n {2}MEND_STORE: .* \(got "nope"\)$/);
    expect(refused({ LC_ALL: 'C', LANG: 'fr_CA.UTF-8', MEND_STORE: 'nope' }).message).toMatch(/^Invalid configuration:/);
  });

  it('says the checks of its own in French: JSON variables, rules across variables, secrets still hidden', () => {
    const french = (env: Record<string, string>) => refused({ LANG: 'fr_CA.UTF-8', ...env }).message;
    expect(french({ MEND_ONE_OFF_HOLIDAYS: '[{"name": "A", "nameFr": "B", "date": "2026-12-05"}]' })).toContain(
      `MEND_ONE_OFF_HOLIDAYS${NBSP}: 0.date${NBSP}: 2026-12-05 tombe un samedi ou un dimanche`,
    );
    expect(french({ MEND_REGIONAL_HOLIDAYS: '{"XX": {}}' })).toContain(`XX${NBSP}: code de région inconnu`);
    expect(french({ MEND_WORKFLOW_SETTINGS: '{"nope": {}}' })).toContain(`ne nomme aucun flux de travail${NBSP}: «${NBSP}nope${NBSP}»`);
    expect(french({ MEND_STORE: 'postgres' })).toContain(`MEND_POSTGRES_URL${NBSP}: est obligatoire quand MEND_STORE=postgres`);
    const secret = french({ MEND_JWT_SECRET: 'too short' });
    expect(secret).toContain(`MEND_JWT_SECRET${NBSP}: doit compter au moins 32${NBSP}caractères (valeur reçue${NBSP}: «${NBSP}***${NBSP}»)`);
    expect(secret).not.toContain('too short');
  });

  it('MEND_LANG chooses the language over the locale, and a bad one is named', () => {
    expect(refused({ MEND_LANG: 'fr', LC_ALL: 'C', PORT: 'x' }).message).toMatch(/^Configuration invalide/);
    expect(refused({ MEND_LANG: 'en', LANG: 'fr_CA.UTF-8', PORT: 'x' }).message).toMatch(/^Invalid configuration/);
    const bad = refused({ MEND_LANG: 'de', LANG: 'fr_CA.UTF-8' });
    expect(bad.problems).toEqual([{ variable: 'MEND_LANG', message: expect.stringMatching(/"en".*"fr".*\(got "de"\)$/) }]);
    expect(bad.message).toContain(`MEND_LANG${NBSP}: doit être l’une des valeurs suivantes${NBSP}: «${NBSP}en${NBSP}», «${NBSP}fr${NBSP}»`);
    expect(loadConfig({ MEND_LANG: 'fr' }).port).toBe(3000);
  });
});

/** Every text of a table, its functions called with sample values (those that take texts or lists, with their own). */
function allTexts(table: Record<string, unknown>, samples: Record<string, Bilingual>): [string, Bilingual][] {
  return Object.entries(table).map(([key, text]) => {
    if (key in samples) return [key, samples[key]!];
    if (typeof text !== 'function') return [key, text as Bilingual];
    return [key, (text as (...args: string[]) => Bilingual)(...Array.from({ length: text.length }, (_, i) => `valeur${i}`))];
  });
}

describe('every CLI and configuration text is said in both languages, in Canadian French typography', () => {
  const issue: Bilingual = { en: 'must be a number', fr: 'doit être un nombre' };
  const samples: Record<string, Bilingual> = {
    rebuilt: CLI_TEXTS.rebuilt({ projection: 'cases', events: 3, seconds: '1.5', rate: 2, generation: 1, checkpoint: 3 }),
    problem: CONFIG_TEXTS.problem('PORT', issue),
    atPath: CONFIG_TEXTS.atPath('0.date', issue),
    wanted: CONFIG_TEXTS.wanted(CONFIG_TEXTS.oneOffHolidays, [CONFIG_TEXTS.atPath('0.date', issue)]),
    notRegionCodes: CONFIG_TEXTS.notRegionCodes(['XX']),
    unknownKeys: CONFIG_TEXTS.unknownKeys(['colour', 'size']),
    oneOffWeekend: CONFIG_TEXTS.oneOffWeekend(0, '2026-12-05', '2026-12-05 is a Saturday or a Sunday'),
  };
  const table = { ...CLI_TEXTS, ...CONFIG_TEXTS };
  it.each(allTexts(table, samples))('%s', (_key, text) => {
    expect(text.en.trim()).not.toBe('');
    expect(text.fr.trim()).not.toBe('');
    expect(text.fr).not.toBe(text.en);
    // A space before « : ; ? ! » and inside « » is a non-breaking one; none of them is glued to the word before.
    expect(text.fr).not.toMatch(/ [:;?!»]/);
    expect(text.fr).not.toMatch(/« /);
    expect(text.fr).not.toMatch(/[\p{L}\d)][;?!](\s|$)|[\p{L}\d)]:(\s|$)/u);
    expect(text.fr).not.toMatch(/«(?!\u00a0)|(?<!\u00a0)»/);
  });

  it('writes the non-breaking space as \\u00a0 in the sources, never as the character itself', () => {
    const dir = join(__dirname, '..', '..', 'src', 'cli');
    const files = [...readdirSync(dir).map((f) => join(dir, f)), join(__dirname, '..', '..', 'src', 'config', 'config.ts')];
    for (const file of files) expect([file, readFileSync(file, 'utf8').includes(NBSP)]).toEqual([file, false]);
  });

  it('says commander’s usage errors in French', () => {
    expect(commanderLineInFrench("unknown command 'tokne'")).toBe(`commande inconnue «${NBSP}tokne${NBSP}»`);
    expect(commanderLineInFrench("required option '--sub <id>' not specified")).toBe(`l’option obligatoire «${NBSP}--sub <id>${NBSP}» manque`);
    expect(commanderLineInFrench("option '--role <role>' argument 'x' is invalid. Allowed choices are a, b.")).toBe(
      `l’option «${NBSP}--role <role>${NBSP}»${NBSP}: «${NBSP}x${NBSP}» n’est pas un choix permis (choix permis${NBSP}: a, b)`,
    );
    expect(commanderLineInFrench('(Did you mean token?)')).toBe(`(Vouliez-vous dire token${NBSP}?)`);
  });
});

describe('mend speaks the operator’s language (child processes)', () => {
  // The runner's own locale is not the test's: every locale variable is set here.
  const locale = (lang: string, more: Record<string, string> = {}) => ({ LC_ALL: '', LC_MESSAGES: '', LANG: lang, ...more });

  it('a bad variable under LANG=fr_CA.UTF-8: the configuration error in French, exit 78', async () => {
    const result = await mend(['projections', 'status'], { ...locale('fr_CA.UTF-8'), MEND_SCHEDULER_INTERVAL_MS: '1e12' });
    expect({ code: result.code, lines: errorLines(result.stderr), stdout: result.stdout }).toEqual({
      code: ExitCode.config,
      lines: [
        `mend: Configuration invalide${NBSP}:`,
        `  MEND_SCHEDULER_INTERVAL_MS${NBSP}: doit être d’au plus 2147483647${NBSP}ms (environ 24,8${NBSP}jours), le plus long délai d’une minuterie (valeur reçue${NBSP}: «${NBSP}1e12${NBSP}»)`,
      ],
      stdout: '',
    });
  });

  it('the same in English under LANG=C.UTF-8, and under LC_ALL=C whatever LANG says', async () => {
    const english = [
      'mend: Invalid configuration:',
      '  MEND_SCHEDULER_INTERVAL_MS: must be at most 2147483647 ms (about 24.8 days), the longest a timer waits (got "1e12")',
    ];
    for (const env of [locale('C.UTF-8'), locale('fr_CA.UTF-8', { LC_ALL: 'C' })]) {
      const result = await mend(['projections', 'status'], { ...env, MEND_SCHEDULER_INTERVAL_MS: '1e12' });
      expect({ code: result.code, lines: errorLines(result.stderr) }).toEqual({ code: ExitCode.config, lines: english });
    }
  });

  it('a usage error and a missing data directory in French; MEND_LANG=fr chooses French under C', async () => {
    const usage = await mend(['token', '--role', 'admin'], locale('fr_CA.UTF-8'));
    expect({ code: usage.code, lines: errorLines(usage.stderr) }).toEqual({
      code: ExitCode.usage,
      lines: [`mend: l’option obligatoire «${NBSP}--sub <id>${NBSP}» manque (--help pour l’aide)`],
    });
    const missing = await mend(['projections', 'status'], { ...locale('C.UTF-8', { MEND_LANG: 'fr' }), MEND_DATA_DIR: '/nonexistent/mend-data' });
    expect({ code: missing.code, lines: errorLines(missing.stderr) }).toEqual({
      code: ExitCode.config,
      lines: [expect.stringMatching(new RegExp(`^mend: MEND_DATA_DIR \\(/nonexistent/mend-data\\) n’existe pas${NBSP}: vérifiez le chemin\\.`))],
    });
  });
});
