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
