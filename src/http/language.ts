import type { Language } from '../../domain/errors';

/** The language a tag names by its primary subtag (`fr`, `fr-CA`, `FR-ca`), if English or French; `frr` (North Frisian) is neither. */
function languageOf(tag: string): Language | undefined {
  const primary = tag.split('-')[0];
  return primary === 'fr' || primary === 'en' ? primary : undefined;
}

/** English or French, whichever the client prefers by `Accept-Language` (English when it names neither). */
export function preferredLanguage(acceptLanguage: string | string[] | undefined): Language {
  const header = Array.isArray(acceptLanguage) ? acceptLanguage.join(',') : (acceptLanguage ?? '');
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { language: languageOf(tag.trim()), q: q ? Number(q.slice(2)) : 1, index };
    })
    .filter((entry) => entry.language !== undefined && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranked[0]?.language ?? 'en';
}
