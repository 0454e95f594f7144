import { createContext } from 'preact';
import { roleLabel } from '../../../domain/role-labels';
import { useContext } from 'preact/hooks';
import { REGION_NAMES } from '../../../domain/region-names';
import { REGION_TIME_ZONES } from '../../../domain/region-time-zones';
import { catalogues, type Language, type Messages } from './messages';
import { serviceNow } from '../shared/service-clock';
import { formatDate, formatter, instantIn, LOCALES, type DateForm } from './dates';

/** The browser's own time zone, for instants that belong to no case. */
const localZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

export type { DateForm, Language, Messages };
export { formatDate };

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

/**
 * `<html lang>` and the title follow the language, so screen readers and translators read the page rightly:
 * Canadian French and English, as its dates and numbers are written.
 */
export function applyToDocument(language: Language): void {
  document.documentElement.lang = LOCALES[language];
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
      return instantIn(iso, language, (region ? (REGION_TIME_ZONES as Record<string, string>)[region] : undefined) ?? localZone);
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

export const I18nContext = createContext<(I18n & { setLanguage(language: Language): void }) | undefined>(undefined);

export function useI18n(): I18n & { setLanguage(language: Language): void } {
  const context = useContext(I18nContext);
  if (!context) throw new Error('useI18n outside the console');
  return context;
}
