import { serverZoneSpan, shownIn } from '../shared/zoned-time';
import type { Language } from './messages';

/**
 * Dates and times as the console writes them, in either language, in a region's time zone as the
 * server counts it. Apart from i18n.ts, which reads the document, so that tests run it as it is.
 */

const NBSP = '\u00a0';

export const LOCALES: Readonly<Record<Language, string>> = { en: 'en-CA', fr: 'fr-CA' };

/**
 * Formatters are kept by locale, form and zone: making one costs far more than using it, and a long
 * case's history or a list of thousands of rows shows an instant on every line (a 406-event history
 * took 2–3 s to show when each line made two).
 */
const formatters = new Map<string, Intl.DateTimeFormat>();
export function formatter(locale: string, options: Intl.DateTimeFormatOptions, key: string): Intl.DateTimeFormat {
  const id = `${locale}|${key}|${options.timeZone ?? ''}`;
  let kept = formatters.get(id);
  if (!kept) {
    kept = new Intl.DateTimeFormat(locale, options);
    formatters.set(id, kept);
  }
  return kept;
}

/** How much of a date a text shows: date and time, the date, or a day and month (a week's Monday). */
export type DateForm = 'dateTime' | 'date' | 'dayMonth';

const ENGLISH_FORMS: Readonly<Record<DateForm, Intl.DateTimeFormatOptions>> = {
  dateTime: { dateStyle: 'medium', timeStyle: 'short' },
  date: { dateStyle: 'medium' },
  dayMonth: { day: 'numeric', month: 'short' },
};
const FRENCH_FORMS: Readonly<Record<DateForm, Intl.DateTimeFormatOptions>> = {
  dateTime: { day: 'numeric', month: 'short', year: 'numeric', hour: 'numeric', minute: '2-digit', hourCycle: 'h23' },
  date: { day: 'numeric', month: 'short', year: 'numeric' },
  dayMonth: { day: 'numeric', month: 'short' },
};

/**
 * A date, with its time or not, as the language prints it. English as en-CA writes it ("Mar 1,
 * 2026, 8:00 a.m."). French the Canadian way (OQLF, Translation Bureau): the first of a month an
 * ordinal, the hour without a leading zero, the minutes only when there are some, two digits —
 * « 1er mars 2026, 8 h », « 8 h 30 », « 0 h 05 » — with no-break spaces inside the date and the time.
 */
export function formatDate(instant: Date, language: Language, form: DateForm, zone: string): string {
  // A region's times as the server counts them, whatever the browser's time zone data says.
  const { at, timeZone } = shownIn(instant, zone);
  if (language !== 'fr') return formatter(LOCALES.en, { ...ENGLISH_FORMS[form], timeZone }, form).format(at);
  const parts = formatter(LOCALES.fr, { ...FRENCH_FORMS[form], timeZone }, form).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value;
  const day = Number(part('day'));
  const date = [day === 1 ? '1er' : String(day), part('month'), part('year')].filter(Boolean).join(NBSP);
  if (form !== 'dateTime') return date;
  const minutes = Number(part('minute'));
  return `${date}, ${Number(part('hour'))}${NBSP}h${minutes ? `${NBSP}${String(minutes).padStart(2, '0')}` : ''}`;
}

/**
 * Yukon has kept UTC−7 all year since November 2020: Mountain Standard Time, which Intl names only
 * by its offset there (GMT-7, UTC−7). Creston (British Columbia) keeps the same time and Intl names
 * it as people do, MST and HNR; before 2020 Intl names Yukon's Pacific time itself (PST, HNP).
 */
const NAMED_AS: Readonly<Record<string, string>> = { 'America/Whitehorse': 'America/Creston', 'America/Dawson': 'America/Creston' };

/** The time zone database's abbreviations of Canada's zones, as French Canadian writes them (as Intl's fr-CA names them). */
const FRENCH_ABBREVIATIONS: Readonly<Record<string, string>> = {
  NST: 'HNT',
  NDT: 'HAT',
  AST: 'HNA',
  ADT: 'HAA',
  EST: 'HNE',
  EDT: 'HAE',
  CST: 'HNC',
  CDT: 'HAC',
  MST: 'HNR',
  MDT: 'HAR',
  PST: 'HNP',
  PDT: 'HAP',
};

/** "EST", "HNE": the zone's short name in this language, so a time in another region's zone says so. */
export function zoneName(iso: string, locale: string, timeZone: string): string {
  const span = serverZoneSpan(Date.parse(iso), timeZone);
  if (span) return locale === LOCALES.fr ? (FRENCH_ABBREVIATIONS[span[2]] ?? span[2]) : span[2];
  const short = (zone: string) =>
    formatter(locale, { timeZone: zone, timeZoneName: 'short' }, 'zoneName').formatToParts(new Date(iso)).find((p) => p.type === 'timeZoneName')?.value;
  const name = short(timeZone);
  const namedAs = NAMED_AS[timeZone];
  if (namedAs && name && /^(GMT|UTC)/.test(name)) return short(namedAs) ?? name;
  return name ?? timeZone;
}

/** An instant with its date, time and zone's short name, in a zone ("Mar 2, 2026, 9:00 a.m. EST", « 2 mars 2026, 9 h HNE »). */
export function instantIn(iso: string, language: Language, timeZone: string): string {
  const shown = formatDate(new Date(iso), language, 'dateTime', timeZone);
  // A line may break after a comma and before the zone, never inside a date or a time ("8 h 30", "8:30 a.m.").
  const whole = shown.replace(/ /g, NBSP).replace(new RegExp(`,${NBSP}`, 'g'), ', ');
  // dateStyle cannot be combined with timeZoneName, so the zone's name is added after.
  return `${whole} ${zoneName(iso, LOCALES[language], timeZone)}`;
}
