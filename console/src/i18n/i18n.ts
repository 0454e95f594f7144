import { createContext } from 'preact';
import { roleLabel } from '../../../domain/role-labels';
import { useContext } from 'preact/hooks';
import { REGION_NAMES } from '../../../domain/region-names';
import { REGION_TIME_ZONES } from '../../../domain/region-time-zones';
import { catalogues, type Language, type Messages } from './messages';
import { serviceNow } from '../shared/service-clock';

const NBSP = '\u00a0';
/** The browser's own time zone, for instants that belong to no case. */
const localZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

export type { Language, Messages };

// localStorage: a preference, not a secret; it outlives the tab so the console opens in the language chosen last.
const KEY = 'mend.language';

/** The language chosen last on this browser, else the browser's own if it is French, else English. */
export function initialLanguage(): Language {
  const stored = localStorage.getItem(KEY);
  if (stored === 'en' || stored === 'fr') return stored;
  return navigator.language.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

export function keepLanguage(language: Language): void {
  localStorage.setItem(KEY, language);
}

/** `<html lang>` and the title follow the language, so screen readers and translators read the page rightly. */
export function applyToDocument(language: Language): void {
  document.documentElement.lang = language;
  document.title = catalogues[language].title;
}

export interface I18n {
  readonly language: Language;
  readonly t: Messages;
  /** An instant as people read it here, in a region's time zone when a case has one (its zone named). */
  instant(iso: string | null | undefined, region?: string): string;
  /** A time zone by its name in this language ("Eastern Time", « heure de l’Est »), as of an instant (now by default). */
  zone(timeZone: string, at?: string): string;
  number(n: number): string;
  percent(rate: number): string;
  /** A length of time in milliseconds, in hours, minutes and seconds ("2 hr 5 min", « 2 h 5 min »). */
  duration(ms: number): string;
  role(role: string): string;
  /** A province or territory by its name (`QC`: Québec); a code it does not know, as it is. */
  region(code: string): string;
  clockStatus(status: string): string;
}

const LOCALES: Readonly<Record<Language, string>> = { en: 'en-CA', fr: 'fr-CA' };

export function i18nFor(language: Language): I18n {
  const t = catalogues[language];
  const locale = LOCALES[language];
  const numbers = new Intl.NumberFormat(locale);
  const percents = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const unit = (name: 'hour' | 'minute' | 'second') => new Intl.NumberFormat(locale, { style: 'unit', unit: name, unitDisplay: 'short' });
  const units = { hour: unit('hour'), minute: unit('minute'), second: unit('second') };
  const statuses: Record<string, string> = {
    running: t.clockRunning,
    paused: t.clockPaused,
    met: t.clockMet,
    breached: t.clockBreached,
    cancelled: t.clockCancelled,
  };
  return {
    language,
    t,
    instant: (iso, region) => {
      if (!iso) return '—';
      // A case's region's zone, else the browser's own: named either way, since a list mixes regions.
      const timeZone = (region ? (REGION_TIME_ZONES as Record<string, string>)[region] : undefined) ?? localZone;
      const shown = formatDate(new Date(iso), language, 'dateTime', timeZone);
      // A line may break after a comma and before the zone, never inside a date or a time ("8 h 30", "8:30 a.m.").
      const whole = shown.replace(/ /g, NBSP).replace(new RegExp(`,${NBSP}`, 'g'), ', ');
      // dateStyle cannot be combined with timeZoneName, so the zone's name is added after.
      return `${whole} ${zoneName(iso, locale, timeZone)}`;
    },
    zone: (timeZone, at) => {
      const when = at && !Number.isNaN(Date.parse(at)) ? new Date(at) : serviceNow();
      const parts = formatter(locale, { timeZone, timeZoneName: 'longGeneric' }, 'zone').formatToParts(when);
      return parts.find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
    },
    number: (n) => numbers.format(n),
    percent: (rate) => percents.format(rate),
    duration: (ms) => {
      const seconds = Math.round(ms / 1000);
      const [h, m, sec] = [Math.floor(seconds / 3600), Math.floor((seconds % 3600) / 60), seconds % 60];
      const parts = [h ? units.hour.format(h) : '', m ? units.minute.format(m) : '', sec && !h ? units.second.format(sec) : ''].filter(Boolean);
      return parts.length > 0 ? parts.join(' ') : units.second.format(0);
    },
    role: (role) => roleLabel(role)[language],
    region: (code) => (REGION_NAMES as Record<string, { en: string; fr: string } | undefined>)[code]?.[language] ?? code,
    clockStatus: (status) => statuses[status] ?? status,
  };
}

/**
 * Formatters are kept by locale, form and zone: making one costs far more than using it, and a long
 * case's history or a list of thousands of rows shows an instant on every line (a 406-event history
 * took 2–3 s to show when each line made two).
 */
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string, options: Intl.DateTimeFormatOptions, key: string): Intl.DateTimeFormat {
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
export function formatDate(at: Date, language: Language, form: DateForm, timeZone: string): string {
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

/** "EST", "HNE": the zone's short name in this language, so a time in another region's zone says so. */
function zoneName(iso: string, locale: string, timeZone: string): string {
  const short = (zone: string) =>
    formatter(locale, { timeZone: zone, timeZoneName: 'short' }, 'zoneName').formatToParts(new Date(iso)).find((p) => p.type === 'timeZoneName')?.value;
  const name = short(timeZone);
  const namedAs = NAMED_AS[timeZone];
  if (namedAs && name && /^(GMT|UTC)/.test(name)) return short(namedAs) ?? name;
  return name ?? timeZone;
}

export const I18nContext = createContext<(I18n & { setLanguage(language: Language): void }) | undefined>(undefined);

export function useI18n(): I18n & { setLanguage(language: Language): void } {
  const context = useContext(I18nContext);
  if (!context) throw new Error('useI18n outside the console');
  return context;
}
