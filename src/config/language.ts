import type { Language } from '../../domain/errors';

/**
 * The language an operator reads the CLI and the configuration errors in, POSIX style: `LC_ALL`,
 * else `LC_MESSAGES`, else `LANG` (an empty one counts as unset); a locale starting with `fr`
 * (`fr_CA.UTF-8`) is French, anything else (`C`, `en_CA.UTF-8`, none) English. `MEND_LANG=en|fr`
 * overrides the locale. Reads nothing but the environment it is given.
 */
export function operatorLanguage(env: Readonly<Record<string, string | undefined>>): Language {
  const chosen = env['MEND_LANG'];
  if (chosen === 'en' || chosen === 'fr') return chosen;
  const locale = [env['LC_ALL'], env['LC_MESSAGES'], env['LANG']].find((value) => value !== undefined && value !== '');
  return locale?.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

/** The language of this process's operator (its environment). */
export function cliLanguage(): Language {
  return operatorLanguage(process.env);
}
