import { formatLimaDateTime, formatLimaTime, limaToday } from '@acompana/core';
import { formatNumber, LOCALE } from '../../app/i18n/index.ts';
import type { DoneTarget } from './types.ts';

// How report figures read on screen. A suppressed cell is «< 5» everywhere (the exports say the
// same); a figure the server does not have (no target in the catalogue) is «—».

export const SUPPRESSED = '< 5';
export const NONE = '—';

export function count(value: number | null, suppressed: boolean): string {
  if (suppressed) return SUPPRESSED;
  return value === null ? NONE : formatNumber(value);
}

export function pct(value: number | null, suppressed: boolean): string {
  if (suppressed) return SUPPRESSED;
  if (value === null) return NONE;
  return `${formatNumber(Math.round(value * 10) / 10)} %`;
}

/** A share given as a fraction (0.42) as a percentage («42 %»). */
export function share(value: number | null, suppressed: boolean): string {
  return pct(value === null ? null : value * 100, suppressed);
}

/** «12 de 20»: done against its target. */
export function ofTarget(
  figure: DoneTarget,
  suppressed: boolean,
  join: (done: string, target: string) => string,
): string {
  if (suppressed) return SUPPRESSED;
  if (figure.done === null) return NONE;
  if (figure.target === null) return formatNumber(figure.done);
  return join(formatNumber(figure.done), formatNumber(figure.target));
}

const monthFormat = new Intl.DateTimeFormat(LOCALE, { month: 'long', timeZone: 'UTC' });
const monthShortFormat = new Intl.DateTimeFormat(LOCALE, { month: 'short', timeZone: 'UTC' });

export function monthName(month: number): string {
  // Spanish month names are lowercase in running text («visitas de noviembre»).
  return monthFormat.format(new Date(Date.UTC(2026, month - 1, 1))).toLocaleLowerCase(LOCALE);
}

export function monthShort(month: number): string {
  return monthShortFormat
    .format(new Date(Date.UTC(2026, month - 1, 1)))
    .replace('.', '')
    .toLocaleLowerCase(LOCALE);
}

/** «14:05», or «1 dic 2026, 14:05» when not today (both in Lima). */
export function asOfText(asOf: string, now: Date = new Date()): string {
  const when = new Date(asOf);
  return limaToday(when) === limaToday(now) ? formatLimaTime(when) : formatLimaDateTime(when);
}
