// Token values for code that cannot use CSS (a canvas chart): read from the page's custom
// properties at runtime, so charts follow tokens.css and the high-contrast setting.

export function readToken(name: `--${string}`): string {
  if (typeof document === 'undefined') return '';
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim();
}

/** The chart palette (--color-chart-1…7): series `index` wraps around. */
export const CHART_SERIES_TOKENS = [1, 2, 3, 4, 5, 6, 7].map((n) => `--color-chart-${n}` as const);
