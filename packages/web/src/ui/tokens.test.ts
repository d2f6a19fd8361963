/// <reference types="node" />
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { contrastRatio } from './contrast.ts';

// The palette's promises, computed from the token file itself: body text ≥ 7:1 (AAA), every
// other text ≥ 4.5:1, focus ring, control borders and chart lines ≥ 3:1, in the normal and in
// the high-contrast theme; body type ≥ 16 px with line height ≥ 1.5; motion off on request.

const css = readFileSync(
  path.join(path.dirname(fileURLToPath(import.meta.url)), 'tokens.css'),
  'utf8',
);

function block(selector: string): Record<string, string> {
  const start = css.indexOf(`${selector} {`);
  if (start < 0) throw new Error(`tokens.css has no ${selector} block`);
  const body = css.slice(start, css.indexOf('\n}', start));
  const out: Record<string, string> = {};
  for (const match of body.matchAll(/(--[\w-]+):\s*([^;]+);/g)) {
    out[match[1] as string] = (match[2] as string).trim();
  }
  return out;
}

const base = block(':root');
const themes = {
  normal: base,
  high: { ...base, ...block('html[data-contrast="high"]') },
};

function resolve(theme: Record<string, string>, name: string): string {
  const value = theme[name];
  if (value === undefined) throw new Error(`unknown token ${name}`);
  const ref = /^var\((--[\w-]+)\)$/.exec(value);
  return ref ? resolve(theme, ref[1] as string) : value;
}

type Pair = [foreground: string, background: string];
const BODY_TEXT: Pair[] = [
  ['--color-text', '--color-bg'],
  ['--color-text', '--color-surface'],
  ['--color-text', '--color-surface-sunken'],
  ['--color-text', '--color-brand-soft'],
  ['--color-text', '--color-info-soft'],
  ['--color-text', '--color-warning-soft'],
  ['--color-text', '--color-danger-soft'],
  ['--color-text', '--color-success-soft'],
  ['--color-text', '--color-neutral-soft'],
];
const OTHER_TEXT: Pair[] = [
  ['--color-text-muted', '--color-bg'],
  ['--color-text-muted', '--color-surface'],
  ['--color-brand', '--color-surface'],
  ['--color-brand', '--color-bg'],
  ['--color-brand', '--color-brand-soft'],
  ['--color-brand-strong', '--color-brand-soft'],
  ['--color-on-brand', '--color-brand'],
  ['--color-on-brand', '--color-brand-strong'],
  ['--color-danger', '--color-danger-soft'],
  ['--color-danger', '--color-surface'],
  ['--color-on-brand', '--color-danger'],
  ['--color-warning', '--color-warning-soft'],
  ['--color-warning', '--color-surface'],
  ['--color-success', '--color-success-soft'],
  ['--color-success', '--color-surface'],
  ['--color-info', '--color-info-soft'],
  ['--color-neutral', '--color-neutral-soft'],
  ['--color-disabled', '--color-disabled-soft'],
  ['--color-disabled', '--color-surface'],
];
const NON_TEXT: Pair[] = [
  ['--color-focus', '--color-bg'],
  ['--color-focus', '--color-surface'],
  ['--color-border-strong', '--color-surface'],
  ['--color-brand', '--color-surface'],
  ...[1, 2, 3, 4, 5, 6, 7].map((n): Pair => [`--color-chart-${n}`, '--color-surface']),
];

describe('colour tokens (WCAG contrast computed from tokens.css)', () => {
  for (const [themeName, theme] of Object.entries(themes)) {
    const check = (pairs: Pair[], minimum: number) => {
      const failing = pairs
        .map(([fg, bg]) => ({
          fg,
          bg,
          ratio: contrastRatio(resolve(theme, fg), resolve(theme, bg)),
        }))
        .filter(({ ratio }) => ratio < minimum)
        .map(({ fg, bg, ratio }) => `${fg} on ${bg}: ${ratio.toFixed(2)}:1`);
      expect(failing).toEqual([]);
    };
    it(`${themeName}: body text ≥ 7:1`, () => check(BODY_TEXT, 7));
    it(`${themeName}: other text ≥ 4.5:1`, () => check(OTHER_TEXT, 4.5));
    it(`${themeName}: focus ring, control borders and chart lines ≥ 3:1`, () => check(NON_TEXT, 3));
  }

  it('the high-contrast theme raises body text to at least 15:1', () => {
    const theme = themes.high;
    expect(
      contrastRatio(resolve(theme, '--color-text'), resolve(theme, '--color-bg')),
    ).toBeGreaterThanOrEqual(15);
  });

  it('the contrast maths matches known WCAG values', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
    expect(contrastRatio('#fff', '#fff')).toBe(1);
  });
});

describe('type, motion', () => {
  it('body text is at least 16 px with line height at least 1.5', () => {
    const size = /^([\d.]+)rem$/.exec(base['--font-size-body'] ?? '');
    expect(Number(size?.[1]) * 16).toBeGreaterThanOrEqual(16);
    expect(Number(base['--line-height-body'])).toBeGreaterThanOrEqual(1.5);
  });

  it('tap targets are at least 48 px', () => {
    expect(Number(/^([\d.]+)rem$/.exec(base['--tap'] ?? '')?.[1]) * 16).toBeGreaterThanOrEqual(48);
  });

  it('prefers-reduced-motion switches transitions off', () => {
    const start = css.indexOf('@media (prefers-reduced-motion: reduce)');
    expect(start).toBeGreaterThan(0);
    const reduced = css.slice(start);
    expect(reduced).toMatch(/--duration-fast:\s*0ms/);
    expect(reduced).toMatch(/--duration:\s*0ms/);
  });
});
