import { Help, type Argument, type HelpConfiguration, type Option } from 'commander';
import type { Language } from '../../domain/errors';
import type { Bilingual } from '../../domain/validation';
import { cliLanguage } from '../config/language';

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
  /** The time left on the plain progress line: French sets a no-break space between number and unit. */
  etaSeconds: (seconds: number): Bilingual => ({ en: `${seconds}s`, fr: `${seconds}\u00a0s` }),
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

  // backup, restore, erasure reapply (src/backup)
  noBackupKey: {
    en: 'No backup key: set MEND_BACKUP_KEY (64 hexadecimal characters) or MEND_BACKUP_KEY_FILE (a file holding them), kept apart from the backups (e.g. `openssl rand -hex 32`).',
    fr: 'Aucune clé de sauvegarde\u00a0: définissez MEND_BACKUP_KEY (64\u00a0caractères hexadécimaux) ou MEND_BACKUP_KEY_FILE (un fichier qui les contient), à garder à l’écart des sauvegardes (p.\u00a0ex. `openssl rand -hex 32`).',
  },
  backupKeyInside: (file: string, dir: string): Bilingual => ({
    en: `MEND_BACKUP_KEY_FILE (${file}) is inside the backup (${dir}): keep the key apart from what it protects.`,
    fr: `MEND_BACKUP_KEY_FILE (${file}) est dans la sauvegarde (${dir})\u00a0: gardez la clé à l’écart de ce qu’elle protège.`,
  }),
  backupKeyUnreadable: (file: string, detail: string): Bilingual => ({
    en: `MEND_BACKUP_KEY_FILE (${file}) cannot be read: ${detail}`,
    fr: `MEND_BACKUP_KEY_FILE (${file}) est illisible\u00a0: ${detail}`,
  }),
  backupKeyMalformed: (file: string): Bilingual => ({
    en: `MEND_BACKUP_KEY_FILE (${file}) must hold 64 hexadecimal characters (32 random bytes)`,
    fr: `MEND_BACKUP_KEY_FILE (${file}) doit contenir 64\u00a0caractères hexadécimaux (32\u00a0octets aléatoires)`,
  }),
  notEncryptedBackupFile: (name: string): Bilingual => ({
    en: `${name} is not an encrypted Mend backup file`,
    fr: `${name} n’est pas un fichier de sauvegarde Mend chiffré`,
  }),
  wrongBackupKey: (name: string): Bilingual => ({
    en: `The backup key does not open ${name}: it is not the key this backup was taken with (MEND_BACKUP_KEY / MEND_BACKUP_KEY_FILE).`,
    fr: `La clé de sauvegarde n’ouvre pas ${name}\u00a0: ce n’est pas la clé avec laquelle cette sauvegarde a été prise (MEND_BACKUP_KEY / MEND_BACKUP_KEY_FILE).`,
  }),
  backupDirectory: { en: 'The backup directory', fr: 'Le répertoire de sauvegarde' },
  dataDirectory: { en: 'The data directory (MEND_DATA_DIR)', fr: 'Le répertoire de données (MEND_DATA_DIR)' },
  targetIsFile: (what: string, path: string): Bilingual => ({ en: `${what} ${path} is a file, not a directory.`, fr: `${what} ${path} est un fichier, pas un répertoire.` }),
  targetNotEmpty: (what: string, path: string, entries: string): Bilingual => ({
    en: `${what} ${path} is not empty (${entries}): choose an empty or new directory.`,
    fr: `${what} ${path} n’est pas vide (${entries})\u00a0: choisissez un répertoire vide ou nouveau.`,
  }),
  keysInPostgres: {
    en: 'The personal-data keys are in PostgreSQL (shared by every node): back up the Mend schema with PostgreSQL\'s own tools, keys and log together (docs/deploy-postgres.md).',
    fr: 'Les clés des renseignements personnels sont dans PostgreSQL (partagées par tous les nœuds)\u00a0: sauvegardez le schéma de Mend avec les outils propres à PostgreSQL, clés et journal ensemble (docs/deploy-postgres.md).',
  },
  backupInsideDataDir: (dir: string, dataDir: string): Bilingual => ({
    en: `The backup directory ${dir} is inside the data directory (${dataDir}): a restore replaces that directory, and a backup must survive the disk it holds. Choose a directory outside it.`,
    fr: `Le répertoire de sauvegarde ${dir} est dans le répertoire de données (${dataDir})\u00a0: une restauration remplace ce répertoire, et une sauvegarde doit survivre au disque qui le contient. Choisissez un répertoire hors de celui-ci.`,
  }),
  noEventLog: (source: string): Bilingual => ({
    en: `There is no event log at ${source} (MEND_DATA_DIR): nothing to back up.`,
    fr: `Il n’y a aucun journal des événements à ${source} (MEND_DATA_DIR)\u00a0: rien à sauvegarder.`,
  }),
  noBackupWritten: (dir: string): Bilingual => ({ en: `no backup was written to ${dir}`, fr: `aucune sauvegarde n’a été écrite dans ${dir}` }),
  nothingRestored: (dir: string): Bilingual => ({ en: `nothing was restored into ${dir}`, fr: `rien n’a été restauré dans ${dir}` }),
  storeMismatch: (backupStore: string, configured: string): Bilingual => ({
    en: `This backup was taken of a ${backupStore} store, but MEND_STORE is ${configured}.`,
    fr: `Cette sauvegarde a été prise d’un magasin ${backupStore}, mais MEND_STORE vaut ${configured}.`,
  }),
  restoredLogDoesNotVerify: (detail: string): Bilingual => ({
    en: `The restored log does not verify: ${detail}`,
    fr: `Le journal restauré ne se vérifie pas\u00a0: ${detail}`,
  }),
  manifestMissing: (manifest: string, dir: string): Bilingual => ({
    en: `${manifest} is missing: ${dir} is not a complete Mend backup.`,
    fr: `${manifest} manque\u00a0: ${dir} n’est pas une sauvegarde Mend complète.`,
  }),
  manifestDamaged: (manifest: string, detail: string): Bilingual => ({ en: `${manifest} is damaged: ${detail}`, fr: `${manifest} est endommagé\u00a0: ${detail}` }),
  manifestIncomplete: (manifest: string, name: string): Bilingual => ({
    en: `${manifest} does not list ${name}: the backup is incomplete.`,
    fr: `${manifest} ne mentionne pas ${name}\u00a0: la sauvegarde est incomplète.`,
  }),
  backupFileMissing: (path: string): Bilingual => ({ en: `${path} is missing from the backup.`, fr: `${path} manque dans la sauvegarde.` }),
  backupFileTruncated: (path: string, bytes: number, expected: number): Bilingual => ({
    en: `${path} is damaged: ${bytes} bytes, the manifest says ${expected} (truncated or altered).`,
    fr: `${path} est endommagé\u00a0: ${bytes}\u00a0octets, le manifeste en indique ${expected} (tronqué ou modifié).`,
  }),
  backupFileAltered: (path: string, sha256: string, expected: string): Bilingual => ({
    en: `${path} is damaged: its sha256 is ${sha256}, the manifest says ${expected}.`,
    fr: `${path} est endommagé\u00a0: son sha256 est ${sha256}, le manifeste indique ${expected}.`,
  }),
  restoreNeedsLedger: {
    en: 'MEND_ERASURE_LEDGER is not set, so erasures made after this backup cannot be re-applied and the people erased since would come back. Set it to the ledger file, or pass --without-ledger if no ledger was ever kept.',
    fr: 'MEND_ERASURE_LEDGER n’est pas défini\u00a0: les effacements faits après cette sauvegarde ne peuvent donc pas être réappliqués, et les personnes effacées depuis reviendraient. Donnez-lui le fichier du registre, ou passez --without-ledger si aucun registre n’a jamais été tenu.',
  },
  restoreLedgerMissing: (ledger: string): Bilingual => ({
    en: `The erasure ledger ${ledger} (MEND_ERASURE_LEDGER) does not exist. Mend creates it when it starts, so it is probably lost or the path is wrong. Restore it first, or pass --without-ledger.`,
    fr: `Le registre des effacements ${ledger} (MEND_ERASURE_LEDGER) n’existe pas. Mend le crée au démarrage\u00a0: il a donc probablement été perdu, ou le chemin est erroné. Restaurez-le d’abord, ou passez --without-ledger.`,
  }),
  noLedgerAt: (paths: string): Bilingual => ({
    en: `No erasure ledger at ${paths}: name each node's ledger file; nothing was re-applied.`,
    fr: `Aucun registre des effacements à ${paths}\u00a0: nommez le fichier du registre de chaque nœud\u00a0; rien n’a été réappliqué.`,
  }),
  tornLedgerLines: (ledger: string, lines: string): Bilingual => ({
    en: `The erasure ledger${ledger} has lines cut short by a crash during an append (line ${lines}): skipped, those erasures had not taken effect.`,
    fr: `Le registre des effacements${ledger} a des lignes tronquées par un plantage pendant un ajout (ligne ${lines})\u00a0: ignorées, ces effacements n’avaient pas pris effet.`,
  }),
  stagedBackupRemoved: (path: string): Bilingual => ({
    en: `Removed ${path}: a backup killed before it finished had staged it.`,
    fr: `${path} supprimé\u00a0: une sauvegarde interrompue avant la fin l’avait préparé.`,
  }),
  stagedRestoreRemoved: (path: string): Bilingual => ({
    en: `Removed ${path}: a restore killed before it finished had staged it, the personal-data keys in clear among it.`,
    fr: `${path} supprimé\u00a0: une restauration interrompue avant la fin l’avait préparé, avec les clés des renseignements personnels en clair.`,
  }),
  stepKeyStore: { en: 'key store', fr: 'magasin de clés' },
  stepLogSnapshot: { en: 'snapshot of the log', fr: 'instantané du journal' },
  stepCheckSha256: { en: 'check sha256', fr: 'vérification sha256' },
  stepVerifyChain: { en: 'verify hash chain', fr: 'vérification de la chaîne de hachage' },
  stepRebuild: (name: string): Bilingual => ({ en: `rebuild ${name}`, fr: `reconstruction de ${name}` }),
  unitFiles: { en: 'files', fr: 'fichiers' },
  ledgerEntries: (n: number): Bilingual => ({ en: `${n} ${n === 1 ? 'entry' : 'entries'}`, fr: `${n}\u00a0${n <= 1 ? 'entrée' : 'entrées'}` }),
  erasuresCount: (n: number): Bilingual => ({ en: `${n} ${n === 1 ? 'erasure' : 'erasures'}`, fr: `${n}\u00a0${n <= 1 ? 'effacement' : 'effacements'}` }),
  backupWritten: (r: { dir: string; events: string; position: number; keys: number; mib: string; seconds: string; checkpoint: string; ledger: string }): Bilingual => ({
    en: `Backup written to ${r.dir}: ${r.events} events up to position ${r.position}, ${r.keys} keys (encrypted), ${r.mib} MiB in ${r.seconds} s; signed audit checkpoint: ${r.checkpoint}; erasure ledger: ${r.ledger}.`,
    fr: `Sauvegarde écrite dans ${r.dir}\u00a0: ${r.events}\u00a0événements jusqu’à la position ${r.position}, ${r.keys}\u00a0clés (chiffrées), ${r.mib.replace('.', ',')}\u00a0Mio en ${r.seconds.replace('.', ',')}\u00a0s\u00a0; point de contrôle d’audit signé\u00a0: ${r.checkpoint}\u00a0; registre des effacements\u00a0: ${r.ledger}.`,
  }),
  logHeldByEngine: { en: 'log held by the engine,', fr: 'journal tenu par le moteur,' },
  none: { en: 'none', fr: 'aucun' },
  checkpointAt: (sequence: number, position: number, digest: string): Bilingual => ({
    en: `${sequence} at position ${position}, digest ${digest}`,
    fr: `${sequence} à la position ${position}, condensé ${digest}`,
  }),
  notConfiguredUpper: { en: 'NOT CONFIGURED', fr: 'NON CONFIGURÉ' },
  logNotInBackup: (store: string): Bilingual => ({
    en: `The ${store} log itself is not in this backup: back it up with the engine's own tool (docs/operations.md).`,
    fr: `Le journal ${store} lui-même n’est pas dans cette sauvegarde\u00a0: sauvegardez-le avec l’outil propre au moteur (docs/operations.md).`,
  }),
  restored: (r: { takenAt: string; version: string; position: number; dataDir: string }): Bilingual => ({
    en: `Restored the backup taken at ${r.takenAt} (Mend ${r.version}, position ${r.position}) into ${r.dataDir}.`,
    fr: `Sauvegarde prise le ${r.takenAt} (Mend ${r.version}, position ${r.position}) restaurée dans ${r.dataDir}.`,
  }),
  restoredCheckpoint: (checkpoint: string): Bilingual => ({
    en: `Latest signed audit checkpoint in it: ${checkpoint} (compare with the published one).`,
    fr: `Dernier point de contrôle d’audit signé qu’elle contient\u00a0: ${checkpoint} (comparez-le avec celui qui a été publié).`,
  }),
  restoredLedger: (entries: string, reapplied: string): Bilingual => ({
    en: `Erasure ledger: ${entries}, ${reapplied} made after the backup re-applied.`,
    fr: `Registre des effacements\u00a0: ${entries}, ${reapplied} faits après la sauvegarde réappliqués.`,
  }),
  restoredWithoutLedger: {
    en: 'Erasure ledger: not configured (erasures made after the backup are NOT re-applied).',
    fr: 'Registre des effacements\u00a0: non configuré (les effacements faits après la sauvegarde ne sont PAS réappliqués).',
  },
  restoredVerified: (events: number, rebuilt: string): Bilingual => ({
    en: `Hash chain verified: ${events} events. Read models rebuilt: ${rebuilt}.`,
    fr: `Chaîne de hachage vérifiée\u00a0: ${events}\u00a0événements. Modèles de lecture reconstruits\u00a0: ${rebuilt}.`,
  }),
  rebuiltModel: (name: string, events: number): Bilingual => ({ en: `${name} (${events} events)`, fr: `${name} (${events}\u00a0événements)` }),
  startAsUsual: { en: 'Start Mend as usual.', fr: 'Démarrez Mend comme d’habitude.' },
  reapplied: (erasures: string, where: string, missing: number): Bilingual => ({
    en: `${erasures} in ${where}; ${missing} ${missing === 1 ? 'was' : 'were'} missing from the store and ${missing === 1 ? 'is' : 'are'} now re-applied.`,
    fr: `${erasures} dans ${where}\u00a0; ${missing} ${missing <= 1 ? 'manquait' : 'manquaient'} au magasin et ${missing <= 1 ? 'est maintenant réappliqué' : 'sont maintenant réappliqués'}.`,
  }),
  theLedger: { en: 'the ledger', fr: 'le registre' },
  ledgersCount: (n: number): Bilingual => ({ en: `${n} ledgers`, fr: `${n}\u00a0registres` }),

  // staff (src/staff)
  staffInactive: { en: '(inactive)', fr: '(inactif)' },
  staffAdded: (line: string): Bilingual => ({ en: `added ${line}`, fr: `ajouté\u00a0: ${line}` }),
  staffUpdated: (line: string, revision: number): Bilingual => ({ en: `updated ${line} (revision ${revision})`, fr: `modifié\u00a0: ${line} (révision ${revision})` }),
  staffCaseload: (count: number): Bilingual => ({ en: `${count} open`, fr: `${count}\u00a0en cours` }),
  staffUpdateNothing: {
    en: 'staff update changes nothing: give at least one of --name, --role, --region, --languages, --inactive or --active.',
    fr: 'staff update ne change rien\u00a0: donnez au moins l’une des options --name, --role, --region, --languages, --inactive ou --active.',
  },
  readModelBehind: (name: string): Bilingual => ({
    en: `the ${name} read model is behind the log: the list may miss the latest changes`,
    fr: `le modèle de lecture ${name} est en retard sur le journal\u00a0: la liste peut omettre les derniers changements`,
  }),

  // replay, audit verify, audit checkpoint, export (src/audit)
  progressVerify: { en: 'verify', fr: 'vérification' },
  progressCheckpoint: { en: 'checkpoint', fr: 'point de contrôle' },
  progressExport: { en: 'export', fr: 'exportation' },
  noCheckpointWarning: {
    en: 'no signed checkpoint: deleted or re-chained events cannot be detected (see `mend audit checkpoint`)',
    fr: 'aucun point de contrôle signé\u00a0: des événements supprimés ou rechaînés ne peuvent pas être détectés (voir `mend audit checkpoint`)',
  },
  notVerified: (streams: number, events: number): Bilingual => ({
    en: `NOT VERIFIED: the chains of ${streams} streams hold (${events} events checked); the signed checkpoints could not be checked`,
    fr: `NON VÉRIFIÉ\u00a0: les chaînes des ${streams}\u00a0flux tiennent (${events}\u00a0événements vérifiés)\u00a0; les points de contrôle signés n’ont pas pu être vérifiés`,
  }),
  tampered: (tampered: number, streams: number, events: number): Bilingual => ({
    en: `TAMPERED: ${tampered} of ${streams} streams (${events} events checked)`,
    fr: `ALTÉRÉ\u00a0: ${tampered} flux sur ${streams} (${events}\u00a0événements vérifiés)`,
  }),
  logTampered: {
    en: 'the log has been tampered with: the first problem of each stream is listed above',
    fr: 'le journal a été altéré\u00a0: le premier problème de chaque flux est énuméré ci-dessus',
  },
  comparedWith: (against: string): Bilingual => ({ en: `Compared with ${against}:`, fr: `Par rapport à ${against}\u00a0:` }),
  checkpointAgainst: (sequence: number, position: number, digest: string): Bilingual => ({
    en: `checkpoint ${sequence} (position ${position}, sha256:${digest})`,
    fr: `le point de contrôle ${sequence} (position ${position}, sha256:${digest})`,
  }),
  storedCheckpoints: { en: 'the stored checkpoints', fr: 'les points de contrôle enregistrés' },
  noCheckpointSigned: {
    en: 'No checkpoint was signed: the log does not verify (the problems are listed above); a checkpoint must never vouch for a tampered store',
    fr: 'Aucun point de contrôle n’a été signé\u00a0: le journal ne se vérifie pas (les problèmes sont énumérés ci-dessus)\u00a0; un point de contrôle ne doit jamais se porter garant d’un magasin altéré',
  },
  checkpointSigned: (r: { sequence: number; position: number; events: number; streams: number; keyId: string }): Bilingual => ({
    en: `checkpoint ${r.sequence} signed at position ${r.position} (${r.events} events, ${r.streams} streams) with audit key ${r.keyId}`,
    fr: `point de contrôle ${r.sequence} signé à la position ${r.position} (${r.events}\u00a0événements, ${r.streams}\u00a0flux) avec la clé d’audit ${r.keyId}`,
  }),
  publishDigest: {
    en: 'Publish this digest outside this machine (ticket, e-mail to the privacy office, transparency log); `mend audit verify --checkpoint <digest>` checks the store against it.',
    fr: 'Publiez ce condensé hors de cette machine (billet, courriel au bureau de la protection de la vie privée, journal de transparence)\u00a0; `mend audit verify --checkpoint <digest>` vérifie le magasin par rapport à lui.',
  },
  outExists: (file: string): Bilingual => ({ en: `--out ${file} exists: pass --overwrite to replace it.`, fr: `--out ${file} existe\u00a0: passez --overwrite pour le remplacer.` }),
  outUnwritable: (file: string, detail: string): Bilingual => ({ en: `${file} cannot be written: ${detail}`, fr: `${file} ne peut pas être écrit\u00a0: ${detail}` }),
  outInsideDataDir: (path: string, dataDir: string): Bilingual => ({
    en: `--out ${path} is inside the data directory (${dataDir}): an export holds personal information in clear, which the data directory never does (an erasure could not reach it). Write it elsewhere.`,
    fr: `--out ${path} est dans le répertoire de données (${dataDir})\u00a0: une exportation contient des renseignements personnels en clair, ce que le répertoire de données ne contient jamais (un effacement ne pourrait pas l’atteindre). Écrivez-la ailleurs.`,
  }),
  exported: (events: number, file: string): Bilingual => ({
    en: `exported ${events} events${file ? ` to ${file}` : ''}`,
    fr: `${events}\u00a0événements exportés${file ? ` dans ${file}` : ''}`,
  }),
  caseNotCombined: {
    en: '--case exports one whole case: it cannot be combined with --workflow, --from or --to',
    fr: '--case exporte un dossier entier\u00a0: il ne se combine pas avec --workflow, --from ou --to',
  },
  exportWhat: {
    en: 'say what to export: --case <id>, or --workflow <name> and/or --from <time> --to <time>',
    fr: 'dites quoi exporter\u00a0: --case <id>, ou --workflow <name> et/ou --from <time> --to <time>',
  },

  // interrupted work
  stopped: (signal: string, what: string): Bilingual => ({ en: `stopped by ${signal}: ${what}`, fr: `arrêté par ${signal}\u00a0: ${what}` }),
} as const;

/** A text in the operator's language: --help's descriptions, chosen when the program is built. */
export function said(text: Bilingual): string {
  return text[cliLanguage()];
}

/** Commander's headings (`styleTitle` is called with each), said in French. */
const HEADINGS_FR: Readonly<Record<string, string>> = {
  'Usage:': 'Utilisation\u00a0:',
  'Options:': 'Options\u00a0:',
  'Commands:': 'Commandes\u00a0:',
  'Arguments:': 'Arguments\u00a0:',
  'Global Options:': 'Options globales\u00a0:',
};

/**
 * --help in the operator's language: commander's headings and the notes it adds to a description
 * (`(choices: …)`, `(default: …)`). The descriptions themselves are each verb's own (`said`).
 */
export function helpConfiguration(language: Language): HelpConfiguration {
  if (language === 'en') return {};
  const plain = new Help();
  const notes = (text: string) => text.replace(/\(choices: /, '(choix\u00a0: ').replace(/(\(|, )default: /, '$1par défaut\u00a0: ');
  return {
    styleTitle: (title: string) => HEADINGS_FR[title] ?? title,
    optionDescription: (option: Option) => notes(plain.optionDescription(option)),
    argumentDescription: (argument: Argument) => notes(plain.argumentDescription(argument)),
    // Commander wraps at any white space, the no-break one included: it must never start a line.
    boxWrap: (text: string, width: number) => plain.boxWrap(text.replace(/\u00a0/g, '\ue000'), width).replace(/\ue000/g, '\u00a0'),
  };
}

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
