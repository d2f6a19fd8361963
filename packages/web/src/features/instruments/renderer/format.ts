import type { Threshold } from '@acompana/core';
import type { TFunction } from 'i18next';

export function thresholdText(t: TFunction, th: Threshold): string {
  return t(`instruments.renderer.thresholds.${th.unit}`, {
    comparator: t(`instruments.renderer.comparators.${th.comparator}`),
    value: th.value,
  });
}

const timeFormat = new Intl.DateTimeFormat('es-PE', { hour: '2-digit', minute: '2-digit' });

export function timeOf(iso: string): string {
  return timeFormat.format(new Date(iso));
}
