import type { Bilingual } from '../../domain/validation';

const fq = (text: string) => `«\u00a0${text}\u00a0»`;

/**
 * What the CLI says to a person, in both official languages: one entry a message, read in the
 * operator's language (src/config/language.ts). Machine output (tokens, JSON, exit codes) is not here.
 */
export const CLI_TEXTS = {
  // Options and arguments (commander calls these; a bad value is a usage error, 64).
  durationOption: { en: 'use seconds, or a number and a unit: 3600, 30m, 8h, 1d', fr: `donnez des secondes, ou un nombre et une unité\u00a0: 3600, 30m, 8h, 1d` },
  personBlank: { en: 'must name someone: an id, not blank', fr: `doit nommer quelqu’un\u00a0: un identifiant, non vide` },
  personTooLong: (max: number): Bilingual => ({ en: `at most ${max} characters`, fr: `au plus ${max}\u00a0caractères` }),
  personUnmeant: {
    en: 'must be one line with no spaces around it, and no control or bidirectional characters',
    fr: 'doit tenir sur une ligne, sans espace autour, ni caractère de contrôle ou bidirectionnel',
  },
  usageHint: { en: '(--help for usage)', fr: '(--help pour l’aide)' },

  // What stops a verb.
  unexpected: (detail: string): Bilingual => ({
    en: `unexpected failure (a defect; please report it): ${detail}`,
    fr: `échec inattendu (une anomalie, veuillez la signaler)\u00a0: ${detail}`,
  }),
  postgresRefused: (detail: string, sqlState: string): Bilingual => ({
    en: `PostgreSQL refused: ${detail} (SQLSTATE ${sqlState}). Check the role, password and database in the connection URL, and the grants docs/deploy-postgres.md lists.`,
    fr: `PostgreSQL a refusé\u00a0: ${detail} (SQLSTATE ${sqlState}). Vérifiez le rôle, le mot de passe et la base de données de l’URL de connexion, ainsi que les droits qu’énumère docs/deploy-postgres.md.`,
  }),
  postgresUnreachable: (detail: string): Bilingual => ({
    en: `PostgreSQL cannot be reached: ${detail}`,
    fr: `PostgreSQL est injoignable\u00a0: ${detail}`,
  }),
  keyFileMissing: (variable: string, file: string): Bilingual => ({
    en: `${variable} (${file}) does not exist: check the path.`,
    fr: `${variable} (${file}) n’existe pas\u00a0: vérifiez le chemin.`,
  }),
  keyFileUnreadable: (variable: string, file: string, detail: string): Bilingual => ({
    en: `${variable} (${file}) cannot be read: ${detail}`,
    fr: `${variable} (${file}) est illisible\u00a0: ${detail}`,
  }),
  dataDirMissing: (name: string): Bilingual => ({
    en: `${name} does not exist: check the path. Only \`mend serve\`, \`seed-demo\` and \`restore\` make a new data directory.`,
    fr: `${name} n’existe pas\u00a0: vérifiez le chemin. Seuls \`mend serve\`, \`seed-demo\` et \`restore\` créent un nouveau répertoire de données.`,
  }),
  unusable: (name: string, detail: string): Bilingual => ({
    en: `${name} cannot be used: ${detail}`,
    fr: `${name} est inutilisable\u00a0: ${detail}`,
  }),
  dataDirIsFile: (name: string): Bilingual => ({ en: `${name} is a file, not a directory.`, fr: `${name} est un fichier, pas un répertoire.` }),
  noStore: (name: string, file: string): Bilingual => ({
    en: `${name} holds no Mend store (no ${file}): check the path. Only \`mend serve\`, \`seed-demo\` and \`restore\` make a new store.`,
    fr: `${name} ne contient aucun magasin Mend (pas de ${file})\u00a0: vérifiez le chemin. Seuls \`mend serve\`, \`seed-demo\` et \`restore\` créent un nouveau magasin.`,
  }),

  // erase
  erased: (subjectId: string, at: string, ground: string): Bilingual => ({
    en: `Erased ${subjectId} at ${at} (ground: ${ground}): their key is destroyed.`,
    fr: `${subjectId} effacé le ${at} (motif\u00a0: ${ground})\u00a0: sa clé est détruite.`,
  }),
  erasedNoKey: (subjectId: string, at: string): Bilingual => ({
    en: `${subjectId} had no key (already erased, or never recorded); the erasure is recorded at ${at}.`,
    fr: `${subjectId} n’avait aucune clé (déjà effacé, ou jamais consigné)\u00a0; l’effacement est consigné le ${at}.`,
  }),

  // projections
  noSuchProjection: (name: string, known: string): Bilingual => ({
    en: `There is no projection named "${name}". Known: ${known}`,
    fr: `Aucune projection ne s’appelle ${fq(name)}. Projections connues\u00a0: ${known}`,
  }),
  rebuilding: (names: string): Bilingual => ({ en: `rebuild ${names}`, fr: `reconstruction de ${names}` }),
  rebuilt: (r: { projection: string; events: number; seconds: string; rate: number; generation: number; checkpoint: number }): Bilingual => ({
    en: `${r.projection}: ${r.events} events in ${r.seconds} s (${r.rate} events/s), generation ${r.generation}, checkpoint ${r.checkpoint}`,
    fr: `${r.projection}\u00a0: ${r.events}\u00a0événements en ${r.seconds.replace('.', ',')}\u00a0s (${r.rate}\u00a0événements/s), génération ${r.generation}, point de reprise ${r.checkpoint}`,
  }),
  projectionFailed: (position: string, error: string): Bilingual => ({
    en: `FAILED at position ${position}: ${error};`,
    fr: `EN ÉCHEC à la position ${position}\u00a0: ${error}\u00a0;`,
  }),
  upToDate: { en: 'up to date,', fr: 'à jour,' },
  behind: { en: 'behind,', fr: 'en retard,' },
  projectionStatus: (name: string, status: string, checkpoint: number, events: number, seconds: string): Bilingual => ({
    en: `${name}: ${status} checkpoint ${checkpoint}, ${events} events behind (${seconds} s)`,
    fr: `${name}\u00a0: ${status} point de reprise ${checkpoint}, ${events}\u00a0événements de retard (${seconds.replace('.', ',')}\u00a0s)`,
  }),
  aProjectionFailed: { en: 'a projection has failed', fr: 'une projection est en échec' },
  progressUnit: { en: 'events', fr: 'événements' },
  eta: { en: 'ETA', fr: 'reste' },
  progressLine: (label: string, counts: string): Bilingual => ({ en: `${label}: ${counts}`, fr: `${label}\u00a0: ${counts}` }),

  // token
  oidcTokens: {
    en: 'This instance trusts an OIDC issuer (MEND_JWT_JWKS_URL): get tokens from that issuer.',
    fr: `Cette instance fait confiance à un émetteur OIDC (MEND_JWT_JWKS_URL)\u00a0: obtenez les jetons auprès de cet émetteur.`,
  },
  ttlTooLong: (max: number): Bilingual => ({
    en: `--ttl: at most ${max} seconds (MEND_JWT_MAX_TTL); the server refuses tokens that live longer`,
    fr: `--ttl\u00a0: au plus ${max}\u00a0secondes (MEND_JWT_MAX_TTL)\u00a0; le serveur refuse les jetons qui durent plus longtemps`,
  }),
  signedWithSecret: {
    en: 'signed with MEND_JWT_SECRET: a Mend started with the same MEND_JWT_SECRET accepts it.',
    fr: `signé avec MEND_JWT_SECRET\u00a0: un Mend démarré avec le même MEND_JWT_SECRET l’accepte.`,
  },
  secretGenerated: (dataDir: string, file: string): Bilingual => ({
    en: `${dataDir} had no signing secret yet: generated one into ${file}; only a Mend serving the data directory ${dataDir} (MEND_DATA_DIR) accepts it.`,
    fr: `${dataDir} n’avait pas encore de secret de signature\u00a0: un secret a été généré dans ${file}\u00a0; seul un Mend qui sert le répertoire de données ${dataDir} (MEND_DATA_DIR) l’accepte.`,
  }),
  signedWithFile: (dataDir: string, file: string): Bilingual => ({
    en: `signed with the secret in ${file}; only a Mend serving the data directory ${dataDir} (MEND_DATA_DIR) accepts it.`,
    fr: `signé avec le secret de ${file}\u00a0; seul un Mend qui sert le répertoire de données ${dataDir} (MEND_DATA_DIR) l’accepte.`,
  }),

  // seed-demo
  storeNotEmpty: (dataDir: string, head: number): Bilingual => ({
    en: `The store in ${dataDir} already holds events (position ${head}): seed-demo loads only into an empty store. Point MEND_DATA_DIR at a new directory.`,
    fr: `Le magasin de ${dataDir} contient déjà des événements (position ${head})\u00a0: seed-demo ne charge que dans un magasin vide. Faites pointer MEND_DATA_DIR vers un nouveau répertoire.`,
  }),
  tokensToTry: (hours: number): Bilingual => ({
    en: `Tokens to try (valid ${hours} hours; mend token --sub <id> --role <role> makes more):`,
    fr: `Jetons à essayer (valides ${hours}\u00a0heures\u00a0; mend token --sub <id> --role <role> en crée d’autres)\u00a0:`,
  }),
  thenTry: (command: string): Bilingual => ({
    en: `Then, with Mend serving (npm start): ${command}`,
    fr: `Ensuite, pendant que Mend sert (npm start)\u00a0: ${command}`,
  }),

  // interrupted work
  stopped: (signal: string, what: string): Bilingual => ({ en: `stopped by ${signal}: ${what}`, fr: `arrêté par ${signal}\u00a0: ${what}` }),
} as const;

/**
 * Commander's own usage errors (its texts are English), said in French: each pattern of its
 * English, and the French it means. A text no pattern knows is left as commander wrote it.
 */
const COMMANDER_FR: readonly (readonly [RegExp, (...groups: string[]) => string])[] = [
  [/^unknown command '(.*)'$/, (command) => `commande inconnue ${fq(command)}`],
  [/^unknown option '(.*)'$/, (option) => `option inconnue ${fq(option)}`],
  [/^required option '(.*)' not specified$/, (option) => `l’option obligatoire ${fq(option)} manque`],
  [/^missing required argument '(.*)'$/, (argument) => `l’argument obligatoire ${fq(argument)} manque`],
  [/^option '(.*)' argument missing$/, (option) => `l’option ${fq(option)} attend une valeur`],
  [
    /^option '(.*)' argument '(.*)' is invalid\. Allowed choices are (.*)\.$/,
    (option, value, choices) => `l’option ${fq(option)}\u00a0: ${fq(value)} n’est pas un choix permis (choix permis\u00a0: ${choices})`,
  ],
  [/^option '(.*)' argument '(.*)' is invalid\. (.*)$/, (option, value, why) => `l’option ${fq(option)}\u00a0: ${fq(value)} n’est pas valide\u00a0: ${why}`],
  [
    /^too many arguments(?: for '(.*)')?\. Expected (\d+) arguments? but got (\d+)\.$/,
    (command, expected, got) => `trop d’arguments${command ? ` pour ${fq(command)}` : ''}\u00a0: ${expected} attendu(s), ${got} reçu(s)`,
  ],
  [/^\(Did you mean (.*)\?\)$/, (suggestion) => `(Vouliez-vous dire ${suggestion}\u00a0?)`],
];

/** A line of commander's usage error, in French where its pattern is known. */
export function commanderLineInFrench(line: string): string {
  for (const [pattern, french] of COMMANDER_FR) {
    const match = pattern.exec(line);
    if (match) return french(...match.slice(1).map((group) => group ?? ''));
  }
  return line;
}
