import { formatCalendarDate } from '@acompana/core';
import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { type Catalog, esPE } from './es-PE.ts';

// One es-PE catalog. The texts of the shell, login, homes, rosters and sync are in the first
// download; the texts of the heavier features load with their screens (`loadTexts`, awaited
// by the lazy routes in ../pages.ts), so the first download stays within budget. Everything is
// bundled (precached by the service worker): no flash of untranslated keys, works offline.

export const LOCALE = 'es-PE';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Catalog };
  }
}

export const i18n: I18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  lng: LOCALE,
  fallbackLng: false,
  resources: { [LOCALE]: { translation: esPE } },
  interpolation: { escapeValue: false }, // React already escapes
  initAsync: false,
  returnNull: false,
});

const TEXTS = {
  day: () => import('./es-PE.day.ts').then((m) => m.dayTexts),
  instruments: () => import('./es-PE.instruments.ts').then((m) => m.instrumentTexts),
  visits: () => import('./es-PE.visits.ts').then((m) => m.visitTexts),
  plan: () => import('./es-PE.plan.ts').then((m) => m.planTexts),
  progress: () => import('./es-PE.progress.ts').then((m) => m.progressTexts),
  privacy: () => import('./es-PE.privacy.ts').then((m) => m.privacyTexts),
  accounts: () => import('./es-PE.accounts.ts').then((m) => m.accountTexts),
  people: () => import('./es-PE.people.ts').then((m) => m.peopleTexts),
  caseloads: () => import('./es-PE.caseloads.ts').then((m) => m.caseloadTexts),
  activities: () => import('./es-PE.activities.ts').then((m) => m.activityTexts),
  monitoring: () => import('./es-PE.monitoring.ts').then((m) => m.monitoringTexts),
  ugel: () => import('./es-PE.ugel.ts').then((m) => m.ugelActivityTexts),
} as const;
export type TextBundle = keyof typeof TEXTS;
/** The names of the feature text bundles (the catalogue's tests check each). */
export const TEXT_BUNDLES = Object.keys(TEXTS) as TextBundle[];

/** Bundles whose screens also show the coach's day texts (day.*, the activity types). */
const WITH_DAY: TextBundle[] = ['visits', 'activities'];

const loaded = new Set<TextBundle>();

/** Adds feature texts to the catalog (once each); screens await it before they render. */
export async function loadTexts(...bundles: TextBundle[]): Promise<void> {
  const wanted = bundles.some((name) => WITH_DAY.includes(name))
    ? [...bundles, 'day' as const]
    : bundles;
  const missing = [...new Set(wanted)].filter((name) => !loaded.has(name));
  const texts = await Promise.all(missing.map((name) => TEXTS[name]()));
  texts.forEach((bundle, i) => {
    i18n.addResourceBundle(LOCALE, 'translation', bundle, true, false);
    loaded.add(missing[i] as TextBundle);
  });
}

const numberFormat = new Intl.NumberFormat(LOCALE);

export function formatNumber(n: number): string {
  return numberFormat.format(n);
}

/** "2025-08-01" → "1 de agosto de 2025" (dates from the API are plain calendar dates). An
 *  instant (an ISO timestamp) is shown with core's formatLimaDate/Time instead: in Lima. */
export function formatDate(isoDate: string): string {
  return formatCalendarDate(isoDate);
}
