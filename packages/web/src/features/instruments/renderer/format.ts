import { formatLimaTime, type Threshold } from '@acompana/core';
import type { TFunction } from 'i18next';

export function thresholdText(t: TFunction, th: Threshold): string {
  return t(`instruments.renderer.thresholds.${th.unit}`, {
    comparator: t(`instruments.renderer.comparators.${th.comparator}`),
    value: th.value,
  });
}

/** The time of day of an instant, on Lima's clock (notes, saves). */
export function timeOf(iso: string): string {
  return formatLimaTime(iso);
}
