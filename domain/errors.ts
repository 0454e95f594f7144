/**
 * Domain errors: every failure a user can meet has a stable `code`, a `kind` (which the HTTP layer
 * maps to a status, DESIGN.md §8) and a sentence in both official languages.
 */
export type ErrorKind =
  | 'invalid' // 400: the input is malformed
  | 'unauthenticated' // 401
  | 'forbidden' // 403: role or assignment forbids
  | 'not_found' // 404
  | 'not_allowed' // 409: the transition is not allowed in this state
  | 'conflict' // 409: revision conflict, retryable
  | 'precondition_failed' // 412
  | 'too_large' // 413
  | 'unsupported_media' // 415
  | 'rule' // 422: a business rule is broken
  | 'rate_limited' // 429
  | 'unavailable' // 503: try again later
  | 'internal'; // 500: a defect on the server's side

export type Language = 'en' | 'fr';

/**
 * A name people read (a command's label: the step a refusal asks for), quoted as its language
 * quotes: “Assign a mediator”, « Affecter une médiatrice ou un médiateur ». A key without a name is quoted as it is,
 * so that a refusal never fails for want of a label (each workflow's error-text test refuses that).
 */
export function quoted(names: Readonly<Record<string, Readonly<Record<Language, string>>>>, key: string, language: Language): string {
  const name = names[key]?.[language] ?? key;
  return language === 'fr' ? `«\u00a0${name}\u00a0»` : `“${name}”`;
}

type FieldNames = Readonly<Record<string, Readonly<Record<Language, string>>>>;
type TimeAtField = { field: string; value: string };

/**
 * A workflow's refusal of a time a command gives, under the workflow's own code: the field as its
 * labels name it, then `said` of the value as it was given (with the caller's own offset, not the
 * server's). Said beside the field of the command's data too (`data.providedOn`), where a form
 * shows it: without naming it again.
 */
function defineTimeRefusal(code: string, fields: FieldNames, said: ErrorTexts<TimeAtField>): ErrorDefinition<TimeAtField> {
  const definition = defineError<TimeAtField>(code, 'rule', {
    en: (p) => `${quoted(fields, p.field, 'en')}: ${said.en(p)}`,
    fr: (p) => `${quoted(fields, p.field, 'fr')}\u00a0: ${said.fr(p)}`,
  });
  const beside = (params: TimeAtField, details?: unknown, localizedDetails?: Partial<Record<Language, unknown>>) =>
    details === undefined ? refusalAtField(definition, params, `data.${params.field}`, said) : definition(params, details, localizedDetails);
  return Object.assign(beside, { code: definition.code, kind: definition.kind, texts: definition.texts, is: definition.is });
}

/** A workflow's refusal of a fact dated later than now. */
export const defineTimeInFuture = (code: string, fields: FieldNames): ErrorDefinition<TimeAtField> =>
  defineTimeRefusal(code, fields, {
    en: (p) => `${p.value} is in the future; record only what has already happened.`,
    fr: (p) => `${p.value} est dans le futur\u00a0; consignez seulement ce qui s’est déjà produit.`,
  });

/**
 * How far ahead a command may plan (a session's start, a meeting's date): a time later than the same
 * instant this many calendar years after now is a mistyped year (2062 for 2026), not a plan. The
 * refusal's texts say it in words ("two years", « deux ans »): change them with it.
 */
export const PLANNING_HORIZON_YEARS = 2;

/**
 * Does a planned time lie past the planning horizon from `now` (the decision's `ctx.now`, never the
 * clock)? The horizon is the same UTC instant two years later (29 February gives 1 March), itself allowed.
 */
export function beyondPlanningHorizon(value: string, now: Date): boolean {
  const horizon = new Date(now.getTime());
  horizon.setUTCFullYear(horizon.getUTCFullYear() + PLANNING_HORIZON_YEARS);
  return Date.parse(value) > horizon.getTime();
}

/** A workflow's refusal of a planned time past the planning horizon (`beyondPlanningHorizon`). */
export const defineTooFarAhead = (code: string, fields: FieldNames): ErrorDefinition<TimeAtField> =>
  defineTimeRefusal(code, fields, {
    en: (p) => `${p.value} is more than two years ahead; check the year.`,
    fr: (p) => `${p.value} est à plus de deux ans d’ici\u00a0; vérifiez l’année.`,
  });

const LISTS: Record<Language, Intl.ListFormat> = {
  en: new Intl.ListFormat('en-CA', { type: 'conjunction' }),
  fr: new Intl.ListFormat('fr-CA', { type: 'conjunction' }),
};

/** Names in a sentence, as the language lists them: “A, B and C”, « A, B et C ». */
export function listed(names: readonly string[], language: Language): string {
  return LISTS[language].format(names);
}

/** The params of an error that hold a staff id, or a list of them. */
type StaffParam<P> = { [K in keyof P]: P[K] extends string | readonly string[] ? K : never }[keyof P] & string;

export interface ErrorOptions<P> {
  /**
   * The params that hold staff ids (a login, or a list of logins): where the error reaches a person,
   * the server says each by the name the staff directory gives it (`DomainError.naming`).
   */
  readonly staff?: readonly StaffParam<P>[];
}

// Method signatures (bivariant in P), so any DomainError can be handled as a DomainError.
export interface ErrorTexts<P> {
  en(params: P): string;
  fr(params: P): string;
}

export class DomainError<P extends object = Record<string, unknown>> extends Error {
  override readonly name = 'DomainError';

  constructor(
    readonly code: string,
    readonly kind: ErrorKind,
    readonly texts: ErrorTexts<P>,
    readonly params: P,
    /** Structured detail for clients: zod issues, allowed commands, the expected revision… */
    readonly details?: unknown,
    /** The same detail in another language where it holds sentences (field errors); `details` is the English. */
    readonly localizedDetails?: Partial<Record<Language, unknown>>,
    /** The params that hold staff ids, or lists of them, not yet said by name (`ErrorOptions.staff`). */
    readonly staffParams: readonly string[] = [],
  ) {
    super(texts.en(params));
  }

  /** The staff ids its sentences name by id. */
  staffIds(): string[] {
    return this.staffParams.flatMap((key) => {
      const value = (this.params as Record<string, unknown>)[key];
      return typeof value === 'string' ? [value] : Array.isArray(value) ? (value as string[]) : [];
    });
  }

  /** The same refusal, naming each member of staff by the name `names` gives their id (an id it has none for stays as it is). */
  naming(names: Readonly<Record<string, string>>): DomainError<P> {
    const params = { ...this.params } as Record<string, unknown>;
    const named = (id: string) => names[id] ?? id;
    for (const key of this.staffParams) {
      const value = params[key];
      params[key] = typeof value === 'string' ? named(value) : Array.isArray(value) ? (value as string[]).map(named) : value;
    }
    return new DomainError<P>(this.code, this.kind, this.texts, params as P, this.details, this.localizedDetails);
  }

  messageIn(language: Language): string {
    return this.texts[language](this.params);
  }

  detailsIn(language: Language): unknown {
    return this.localizedDetails?.[language] ?? this.details;
  }
}

export interface ErrorDefinition<P extends object> {
  readonly code: string;
  readonly kind: ErrorKind;
  readonly texts: ErrorTexts<P>;
  (params: P, details?: unknown, localizedDetails?: Partial<Record<Language, unknown>>): DomainError<P>;
  /** Is this error an instance of this definition? */
  is(error: unknown): error is DomainError<P>;
}

const catalog = new Map<string, ErrorDefinition<never>>();

/** Every error defined so far, by code: the catalog documented in OpenAPI and checked by tests. */
export function errorCatalog(): ReadonlyMap<string, ErrorDefinition<never>> {
  return catalog;
}

export function defineError<P extends object = Record<string, never>>(
  code: string,
  kind: ErrorKind,
  texts: ErrorTexts<P>,
  options: ErrorOptions<P> = {},
): ErrorDefinition<P> {
  const staff: readonly string[] = options.staff ?? [];
  const create = (params: P, details?: unknown, localizedDetails?: Partial<Record<Language, unknown>>) =>
    new DomainError<P>(code, kind, texts, params, details, localizedDetails, staff);
  const definition = Object.assign(create, {
    code,
    kind,
    texts,
    is: (error: unknown): error is DomainError<P> => error instanceof DomainError && error.code === code,
  });
  const existing = catalog.get(code);
  if (existing && existing.kind !== kind) throw new Error(`Error code ${code} defined twice with different kinds`);
  catalog.set(code, definition as unknown as ErrorDefinition<never>);
  return definition;
}

export const InvalidInput = defineError<{ issues: string; issuesFr: string }>('VALIDATION.INVALID_INPUT', 'invalid', {
  en: (p) => `The input is invalid: ${p.issues}`,
  fr: (p) => `Les données sont invalides\u00a0: ${p.issuesFr}`,
});

export const UnknownWorkflow = defineError<{ workflow: string; known: string }>('WORKFLOW.UNKNOWN', 'invalid', {
  en: (p) => `There is no workflow named "${p.workflow}". Known workflows: ${p.known}.`,
  fr: (p) => `Aucun processus ne s’appelle «\u00a0${p.workflow}\u00a0». Processus connus\u00a0: ${p.known}.`,
});

export const UnknownCommand = defineError<{ command: string; workflow: string }>('COMMAND.UNKNOWN', 'invalid', {
  en: (p) => `The ${p.workflow} workflow has no command named "${p.command}".`,
  fr: (p) => `Le processus «\u00a0${p.workflow}\u00a0» n’a pas de commande nommée «\u00a0${p.command}\u00a0».`,
});

export const NotAnOpeningCommand = defineError<{ command: string; workflow: string; opening: string }>(
  'COMMAND.NOT_OPENING',
  'invalid',
  {
    en: (p) => `A ${p.workflow} case is opened with ${p.opening}, not ${p.command}.`,
    fr: (p) => `Un dossier du processus «\u00a0${p.workflow}\u00a0» s’ouvre avec la commande «\u00a0${p.opening}\u00a0», et non «\u00a0${p.command}\u00a0».`,
  },
);

export const CaseReferenceNotFound = defineError<{ reference: string }>('CASE.REFERENCE_NOT_FOUND', 'not_found', {
  en: (p) => `No case has the reference ${p.reference}.`,
  fr: (p) => `Aucun dossier ne porte la référence ${p.reference}.`,
});

/** A command names another case of a workflow (an engagement session's cohort) by an id no case of that workflow has. */
export const LinkedCaseNotFound = defineError<{ caseId: string; workflow: string; title: string; titleFr: string }>('CASE.LINK_NOT_FOUND', 'rule', {
  en: (p) => `No ${p.title} case has the id ${p.caseId}. Pick one of its cases, or check the id.`,
  fr: (p) => `Aucun dossier «\u00a0${p.titleFr}\u00a0» ne porte l’identifiant ${p.caseId}. Choisissez l’un de ses dossiers, ou vérifiez l’identifiant.`,
});

/**
 * A refusal said beside the field of a command's data it is about too (`details.issues`), where
 * there is one: in `beside`'s words where the refusal's own name the field (a form names it already).
 */
export function refusalAtField<P extends object>(definition: ErrorDefinition<P>, params: P, path: string | undefined, beside: ErrorTexts<P> = definition.texts): DomainError<P> {
  if (path === undefined) return definition(params);
  const issues = (language: Language) => ({ issues: [{ path, message: beside[language](params) }] });
  return definition(params, issues('en'), { fr: issues('fr') });
}

export const CaseNotFound = defineError<{ caseId: string }>('CASE.NOT_FOUND', 'not_found', {
  en: (p) => `No case has the id ${p.caseId}.`,
  fr: (p) => `Aucun dossier ne porte l’identifiant ${p.caseId}.`,
});

export const CaseAlreadyExists = defineError<{ caseId: string }>('CASE.ALREADY_EXISTS', 'conflict', {
  en: (p) => `A case with the id ${p.caseId} already exists.`,
  fr: (p) => `Un dossier portant l’identifiant ${p.caseId} existe déjà.`,
});

/** A name in both languages (a workflow's label of a command or a state). */
type Named = Readonly<Record<Language, string>>;

/** A command refused in the case's state, each named by its workflow's labels (`details` keep the API's names). */
export const CommandNotAllowed = defineError<{ command: Named; state: Named }>('COMMAND.NOT_ALLOWED', 'not_allowed', {
  en: (p) => `“${p.command.en}” is not allowed while the case is “${p.state.en}”.`,
  fr: (p) => `La commande «\u00a0${p.command.fr}\u00a0» n’est pas permise lorsque le dossier est à l’état «\u00a0${p.state.fr}\u00a0».`,
});

export const RevisionConflict = defineError<{ expected: string; actual: string }>('CASE.REVISION_CONFLICT', 'conflict', {
  en: (p) =>
    `The case changed since you read it (you expected revision ${p.expected}, it is now at ${p.actual}). Reload it and try again.`,
  fr: (p) =>
    `Le dossier a changé depuis votre lecture (version attendue ${p.expected}, version actuelle ${p.actual}). Rechargez-le et réessayez.`,
});

/** An If-Match naming a revision the case has not reached: not a change since the client read it, a revision it never read. */
export const RevisionNotReached = defineError<{ expected: number; actual: number }>('CASE.REVISION_NOT_REACHED', 'conflict', {
  en: (p) => `The case has no revision ${p.expected}: it is at revision ${p.actual}. Send in If-Match the revision you last read (the ETag of your last answer), or none.`,
  fr: (p) =>
    `Le dossier n’a pas de version ${p.expected}\u00a0: il en est à la version ${p.actual}. Envoyez dans If-Match la version que vous avez lue en dernier (l’ETag de votre dernière réponse), ou aucune.`,
});

/**
 * A step sent without If-Match that other steps overtook every time it was decided: the case was
 * too busy at that moment, which is no revision the client chose.
 */
export const CaseBusy = defineError<{ attempts: number }>('CASE.BUSY', 'conflict', {
  en: (p) => `Other steps were recorded on this case while this one was being decided, ${p.attempts} times in a row, so nothing was recorded. Send it again.`,
  fr: (p) =>
    `D’autres étapes ont été consignées dans ce dossier pendant que celle-ci était décidée, ${p.attempts}\u00a0fois de suite\u00a0: rien n’a donc été consigné. Envoyez-la de nouveau.`,
});
