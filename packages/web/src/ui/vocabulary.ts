import { useTranslation } from 'react-i18next';
import { esPE } from '../app/i18n/es-PE.ts';

// Spanish names of the codes the API returns (NIV_MOD levels, school characteristic, coach
// kinds…). An unknown code is shown as it is rather than hidden.

export type Vocabulary =
  | 'levels'
  | 'characteristics'
  | 'areas'
  | 'coachKinds'
  | 'specialties'
  | 'enrollmentStatus'
  | 'targetLevels'
  | 'activityKinds';

export function useVocabulary(): (group: Vocabulary, code: string | null | undefined) => string {
  const { t } = useTranslation();
  return (group, code) => {
    if (!code) return '';
    const table: Record<string, string> = esPE[group];
    return Object.hasOwn(table, code) ? t(`${group}.${code}` as never) : code;
  };
}

/** The codes of a vocabulary, in catalog order (for filter options). */
export function codesOf(group: Vocabulary): string[] {
  return Object.keys(esPE[group]);
}
