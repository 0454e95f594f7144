import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ExitCode } from '../../src/cli/exit-codes';
import { operatorLanguage } from '../../src/config/language';
import { CLI_TEXTS, commanderLineInFrench } from '../../src/cli/messages';
import { CONFIG_TEXTS, ConfigError, loadConfig } from '../../src/config/config';
import type { Bilingual } from '../../domain/validation';
import { errorLines, mend } from './cli-process';
import { LEDGER_TEXTS, NO_LEDGER_TEXTS } from '../../src/privacy/erasure-ledger';
import { frenchTime } from '../../src/cli/progress';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';

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
    backupWritten: CLI_TEXTS.backupWritten({ dir: '/b', events: '3', position: 3, keys: 2, mib: '0.1', seconds: '1.5', checkpoint: 'none', ledger: '0 entries' }),
    restored: CLI_TEXTS.restored({ takenAt: '2026-12-01T10:00:00Z', version: '1.0.0', position: 3, dataDir: '/d' }),
    checkpointSigned: CLI_TEXTS.checkpointSigned({ sequence: 1, position: 3, events: 3, streams: 2, keyId: 'k1' }),
    damaged: LEDGER_TEXTS.damaged('/l', 2, LEDGER_TEXTS.notJson),
    noLedger: NO_LEDGER_TEXTS,
  };
  const table = { ...CLI_TEXTS, ...CONFIG_TEXTS, ...LEDGER_TEXTS, noLedger: NO_LEDGER_TEXTS };
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

describe('the progress line’s time left, in French: a no-break space between number and unit', () => {
  it('says « reste 12\u00a0s » on the plain line, « 12s » in English as before', () => {
    expect(CLI_TEXTS.etaSeconds(12)).toEqual({ en: '12s', fr: `12${NBSP}s` });
  });

  it('says the bar’s estimate in hours, minutes and seconds', () => {
    expect(frenchTime(12)).toBe(`12${NBSP}s`);
    expect(frenchTime(125)).toBe(`2${NBSP}min${NBSP}05${NBSP}s`);
    expect(frenchTime(3900)).toBe(`1${NBSP}h${NBSP}05${NBSP}min`);
    expect(frenchTime('INF')).toBe('INF');
  });
});

describe('the verbs of other modules speak the operator’s language (child processes)', () => {
  const french = { LC_ALL: '', LC_MESSAGES: '', LANG: 'fr_CA.UTF-8' };
  const english = { LC_ALL: '', LC_MESSAGES: '', LANG: 'C.UTF-8' };
  const dataDir = mkdtempSync(join(tmpdir(), 'mend-cli-fr-'));
  const target = mkdtempSync(join(tmpdir(), 'mend-cli-fr-backup-'));
  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(target, { recursive: true, force: true });
  });
  const run = async (args: string[], env: Record<string, string>) => {
    const result = await mend(args, { MEND_DATA_DIR: dataDir, ...env });
    return { code: result.code, lines: errorLines(result.stderr), stdout: result.stdout };
  };

  it('staff: added, a bad role, an update of nothing — in French; the same in English unchanged', async () => {
    const added = await run(['staff', 'add', 'p-1', '--name', 'Alex Martin', '--role', 'practitioner', '--region', 'ON', '--languages', 'en,fr', '--by', 'admin-1'], french);
    expect(added).toEqual({ code: 0, lines: [], stdout: `ajouté${NBSP}: p-1\tAlex Martin\tpractitioner\tON\ten,fr\n` });
    const role = await run(['staff', 'add', 'p-2', '--name', 'B', '--role', 'wizard', '--region', 'ON', '--languages', 'en', '--by', 'admin-1'], french);
    expect(role.code).toBe(ExitCode.usage);
    expect(role.lines).toEqual([expect.stringMatching(new RegExp(`^mend: l’option «${NBSP}--role <role>${NBSP}»${NBSP}: «${NBSP}wizard${NBSP}» n’est pas un choix permis`))]);
    const nothing = await run(['staff', 'update', 'p-1', '--by', 'admin-1'], french);
    expect({ code: nothing.code, lines: nothing.lines }).toEqual({
      code: ExitCode.usage,
      lines: [`mend: staff update ne change rien${NBSP}: donnez au moins l’une des options --name, --role, --region, --languages, --inactive ou --active.`],
    });
    const listed = await run(['staff', 'list'], french);
    expect(listed.stdout).toBe(`p-1\tAlex Martin\tpractitioner\tON\ten,fr\t0${NBSP}en cours\n`);
    const inEnglish = await run(['staff', 'update', 'p-1', '--by', 'admin-1'], english);
    expect({ code: inEnglish.code, lines: inEnglish.lines }).toEqual({
      code: ExitCode.usage,
      lines: ['mend: staff update changes nothing: give at least one of --name, --role, --region, --languages, --inactive or --active.'],
    });
    expect((await run(['staff', 'list'], english)).stdout).toBe('p-1\tAlex Martin\tpractitioner\tON\ten,fr\t0 open\n');
  });

  it('audit verify and export: the verdict, the warning and a usage error in French; English unchanged', async () => {
    const verified = await mend(['audit', 'verify'], { MEND_DATA_DIR: dataDir, ...french });
    expect(verified.code).toBe(0);
    expect(verified.stdout).toMatch(/^les \d+ flux sont vérifiés/);
    expect(errorLines(verified.stderr)).toContain(
      `aucun point de contrôle signé${NBSP}: des événements supprimés ou rechaînés ne peuvent pas être détectés (voir \`mend audit checkpoint\`)`,
    );
    const inEnglish = await mend(['audit', 'verify'], { MEND_DATA_DIR: dataDir, ...english });
    expect(inEnglish.stdout).toMatch(/^all \d+ streams verified/);
    expect(errorLines(inEnglish.stderr)).toContain('no signed checkpoint: deleted or re-chained events cannot be detected (see `mend audit checkpoint`)');

    expect(await run(['export'], french)).toEqual({
      code: ExitCode.usage,
      lines: [`mend: dites quoi exporter${NBSP}: --case <id>, ou --workflow <name> et/ou --from <time> --to <time>`],
      stdout: '',
    });
    expect((await run(['export'], english)).lines).toEqual(['mend: say what to export: --case <id>, or --workflow <name> and/or --from <time> --to <time>']);
  });

  it('backup without a key and erasure reapply without a ledger: French lines, the same exit codes as in English', async () => {
    const backup = await mend(['backup', join(target, 'b')], { MEND_DATA_DIR: dataDir, ...french });
    expect(backup.code).toBe(ExitCode.config);
    // The warning about the ledger, then the error: both in French.
    expect(backup.stderr.split('\n').filter(Boolean)).toEqual([
      expect.stringMatching(new RegExp(`^AVERTISSEMENT${NBSP}: MEND_ERASURE_LEDGER n’est pas défini\\.`)),
      `mend: Aucune clé de sauvegarde${NBSP}: définissez MEND_BACKUP_KEY (64${NBSP}caractères hexadécimaux) ou MEND_BACKUP_KEY_FILE (un fichier qui les contient), à garder à l’écart des sauvegardes (p.${NBSP}ex. \`openssl rand -hex 32\`).`,
    ]);
    const inEnglish = await run(['backup', join(target, 'b')], english);
    expect({ code: inEnglish.code, lines: inEnglish.lines }).toEqual({
      code: ExitCode.config,
      lines: ['mend: No backup key: set MEND_BACKUP_KEY (64 hexadecimal characters) or MEND_BACKUP_KEY_FILE (a file holding them), kept apart from the backups (e.g. `openssl rand -hex 32`).'],
    });

    const reapply = await run(['erasure', 'reapply'], french);
    expect({ code: reapply.code, lines: reapply.lines }).toEqual({
      code: ExitCode.config,
      lines: [expect.stringMatching(new RegExp(`^mend: AVERTISSEMENT${NBSP}: MEND_ERASURE_LEDGER n’est pas défini\\.`))],
    });
    const missing = await run(['erasure', 'reapply', join(target, 'no-ledger.jsonl')], french);
    expect({ code: missing.code, lines: missing.lines }).toEqual({
      code: ExitCode.usage,
      lines: [`mend: Aucun registre des effacements à ${join(target, 'no-ledger.jsonl')}${NBSP}: nommez le fichier du registre de chaque nœud${NBSP}; rien n’a été réappliqué.`],
    });
  });

  it('a damaged erasure ledger: the ledger’s own error in French (65)', async () => {
    const ledger = join(target, 'ledger.jsonl');
    writeFileSync(ledger, 'not json\n');
    const damaged = await run(['erasure', 'reapply', ledger], french);
    expect({ code: damaged.code, lines: damaged.lines }).toEqual({
      code: ExitCode.dataError,
      lines: [
        `mend: Le registre des effacements ${ledger} est endommagé à la ligne 1${NBSP}: ce n’est pas une ligne JSON. Seule sa dernière ligne peut avoir été tronquée par un plantage${NBSP}: comparez le fichier avec ses copies répliquées.`,
      ],
    });
  });

  it('--help in French: commander’s headings, each verb’s descriptions, the environment; English unchanged', async () => {
    const help = await mend(['staff', 'add', '--help'], french);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain(`Utilisation${NBSP}: mend staff add [options] <staffId>`);
    expect(help.stdout).toContain('ajouter une personne au répertoire');
    expect(help.stdout).toContain(`Arguments${NBSP}:`);
    expect(help.stdout).toContain(`Options${NBSP}:`);
    expect(help.stdout).toContain(`son rôle (choix${NBSP}: "practitioner"`);
    expect(help.stdout).toContain('afficher l’aide de la commande');
    expect(help.stdout).toContain(`Chaque verbe lit l’environnement du serveur`);
    expect(help.stdout).not.toMatch(/Usage:|Options:|display help/);
    // No line starts with a no-break space: commander must not wrap there.
    expect(help.stdout.split('\n').some((line) => line.trimStart().startsWith(NBSP))).toBe(false);
    const top = await mend(['--help'], french);
    expect(top.stdout).toContain(`Commandes${NBSP}:`);
    expect(top.stdout).toContain('afficher le numéro de version');
    const exported = await mend(['export', '--help'], french);
    expect(exported.stdout).toMatch(new RegExp(`par défaut${NBSP}:\\s+"ndjson"`));

    const inEnglish = await mend(['staff', 'add', '--help'], english);
    expect(inEnglish.stdout).toContain('Usage: mend staff add [options] <staffId>');
    expect(inEnglish.stdout).toContain('add a person to the directory');
    expect(inEnglish.stdout).toContain('display help for command');
    expect(inEnglish.stdout).toContain('(choices: "practitioner"');
  });
});
