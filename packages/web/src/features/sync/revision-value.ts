import type { TFunction } from 'i18next';
import { formatDate } from '../../app/i18n/index.ts';

// A revision's value in words (the Sincronización page): text, lists of text, and the values
// of the collective activities — attendance days with their marks, family counts — never raw
// codes or "[object Object]".

const MARKS = ['present', 'absent', 'justified'] as const;
const FAMILY = ['mothers', 'fathers', 'relatives', 'community'] as const;

const isDay = (v: unknown): v is { date: string; mark: (typeof MARKS)[number] } =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as { date?: unknown }).date === 'string' &&
  (MARKS as readonly unknown[]).includes((v as { mark?: unknown }).mark);

export function revisionValue(t: TFunction<'translation'>, value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) {
    if (value.length === 0) return '—';
    return value
      .map((item) =>
        isDay(item)
          ? `${formatDate(item.date)}: ${t(`syncPage.marks.${item.mark}`)}`
          : revisionValue(t, item),
      )
      .join('; ');
  }
  if (typeof value === 'object') {
    const counts = value as Record<string, unknown>;
    if (FAMILY.every((k) => typeof counts[k] === 'number')) {
      return FAMILY.map((k) => `${t(`syncPage.family.${k}`)} ${counts[k]}`).join(', ');
    }
    // An agenda moment or another small object: its texts, in order.
    return Object.values(counts)
      .map((v) => revisionValue(t, v))
      .join(' — ');
  }
  return String(value);
}
