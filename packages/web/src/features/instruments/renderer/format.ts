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

/** Whether an instrument's own instructions already give the session's length ("45 a 60
 *  minutos"): then the form does not add a second duration beside them (issue 12.15). */
export function statesDuration(description: string | undefined): boolean {
  return /\d+\s*(?:minutos|min\b|horas?)/i.test(description ?? '');
}
