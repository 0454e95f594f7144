import { defineError, DomainError, type Language } from './errors';

/** One broken rule as the API lists it: its stable code, its sentence, and its own detail if it has any. */
export interface BrokenRule {
  readonly code: string;
  readonly message: string;
  readonly details?: unknown;
}

const listed = (rules: readonly DomainError[], language: Language): { rules: BrokenRule[] } => ({
  rules: rules.map((rule) => {
    const details = rule.detailsIn(language);
    return { code: rule.code, message: rule.messageIn(language), ...(details !== undefined ? { details } : {}) };
  }),
});

const numbered = (rules: readonly DomainError[], language: Language): string =>
  rules.map((rule, i) => `(${i + 1}) ${rule.messageIn(language)}`).join(' ');

/**
 * A command that breaks several business rules at once: every one of them is named, so that the
 * person fixes everything in one go instead of meeting the rules one attempt at a time. `details.rules`
 * lists each rule's code and sentence, in the caller's language.
 */
export const RulesBroken = defineError<{ rules: readonly DomainError[] }>('COMMAND.RULES_BROKEN', 'rule', {
  en: (p) => `This breaks ${p.rules.length} rules; nothing was recorded. ${numbered(p.rules, 'en')}`,
  fr: (p) => `Cette demande ne respecte pas ${p.rules.length}\u00a0règles\u00a0; rien n’a été consigné. ${numbered(p.rules, 'fr')}`,
});

/** A rule check: the error of the broken rule, or a falsy value when the rule holds. */
export type RuleCheck = DomainError | false | null | undefined;

/**
 * The rules broken among these checks, as one error: none, the one rule itself (its own code), or
 * COMMAND.RULES_BROKEN listing every one (a listed RulesBroken contributes its rules).
 */
export function brokenRules(checks: readonly RuleCheck[]): DomainError | undefined {
  const broken = checks.flatMap((check) => (!check ? [] : RulesBroken.is(check) ? check.params.rules : [check]));
  if (broken.length <= 1) return broken[0];
  return RulesBroken({ rules: broken }, listed(broken, 'en'), { en: listed(broken, 'en'), fr: listed(broken, 'fr') });
}

/**
 * Checks every rule of a decision before refusing: throws all the broken ones at once (see
 * `brokenRules`), or returns when every rule holds. Decide functions whose rules are independent
 * use it instead of throwing at the first.
 */
export function enforceRules(checks: readonly RuleCheck[]): void {
  const broken = brokenRules(checks);
  if (broken) throw broken;
}

/**
 * The refusal as a person reads it: each member of staff its sentences name by id (its own, or those
 * of the rules it lists) said by the name `namesOf` gives, where it gives one.
 */
export function namingStaff(error: DomainError, namesOf: (staffIds: readonly string[]) => Readonly<Record<string, string>>): DomainError {
  const rules = RulesBroken.is(error) ? error.params.rules : [error];
  const ids = [...new Set(rules.flatMap((rule) => rule.staffIds()))];
  if (ids.length === 0) return error;
  const names = namesOf(ids);
  return RulesBroken.is(error) ? brokenRules(rules.map((rule) => rule.naming(names)))! : error.naming(names);
}
