import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { esPE } from './es-PE.ts';

// Resources are bundled statically: no network fetch, no flash of untranslated keys, and the
// app keeps working offline.

export const LOCALE = 'es-PE';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof esPE };
  }
}

export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  lng: LOCALE,
  fallbackLng: false,
  resources: { [LOCALE]: { translation: esPE } },
  interpolation: { escapeValue: false }, // React already escapes
  initAsync: false,
  returnNull: false,
});

const numberFormat = new Intl.NumberFormat(LOCALE);

export function formatNumber(n: number): string {
  return numberFormat.format(n);
}

const dateFormat = new Intl.DateTimeFormat(LOCALE, {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** "2025-08-01" → "1 de agosto de 2025" (dates from the API are plain calendar dates). */
export function formatDate(isoDate: string): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? isoDate : dateFormat.format(date);
}
