// Token values for code that cannot use CSS (a canvas chart): read from the page's custom
// properties at runtime, so charts follow tokens.css and the high-contrast setting.

export function readToken(name: `--${string}`): string {
  if (typeof document === 'undefined') return '';
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim();
}

/** The chart palette (--color-chart-1…7): series `index` wraps around. */
export const CHART_SERIES_TOKENS = [1, 2, 3, 4, 5, 6, 7].map((n) => `--color-chart-${n}` as const);

/** A length token (rem or px) in CSS pixels, for code that draws on a canvas (charts); 0 when
 *  the page has no such token (no styles, as in unit tests). */
export function readLength(name: `--${string}`): number {
  const value = readToken(name);
  const number = Number.parseFloat(value);
  if (!Number.isFinite(number)) return 0;
  if (value.endsWith('rem')) {
    return number * Number.parseFloat(getComputedStyle(document.documentElement).fontSize);
  }
  return value.endsWith('px') ? number : 0;
}
