/// <reference types="node" />
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// The design system's one rule for feature code (docs/UI.md): colours and lengths come from
// the tokens. Outside src/ui/ (the kit and tokens.css) no stylesheet or component may write a
// colour value (hex, rgb(), hsl(), a named colour) or a length in px/rem/em; code that must
// draw (a canvas chart) reads the tokens at runtime (ui/tokens.ts). Media queries may only
// use the documented breakpoints.

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const UI = path.join(SRC, 'ui');
const BREAKPOINTS = new Set(['24rem', '48rem', '64rem']);

// CSS named colours (CSS Color 4), without the keywords that are not colour values.
const NAMED = new Set(
  `aliceblue antiquewhite aqua aquamarine azure beige bisque black blanchedalmond blue
  blueviolet brown burlywood cadetblue chartreuse chocolate coral cornflowerblue cornsilk crimson
  cyan darkblue darkcyan darkgoldenrod darkgray darkgreen darkgrey darkkhaki darkmagenta
  darkolivegreen darkorange darkorchid darkred darksalmon darkseagreen darkslateblue
  darkslategray darkslategrey darkturquoise darkviolet deeppink deepskyblue dimgray dimgrey
  dodgerblue firebrick floralwhite forestgreen fuchsia gainsboro ghostwhite gold goldenrod gray
  green greenyellow grey honeydew hotpink indianred indigo ivory khaki lavender lavenderblush
  lawngreen lemonchiffon lightblue lightcoral lightcyan lightgoldenrodyellow lightgray lightgreen
  lightgrey lightpink lightsalmon lightseagreen lightskyblue lightslategray lightslategrey
  lightsteelblue lightyellow lime limegreen linen magenta maroon mediumaquamarine mediumblue
  mediumorchid mediumpurple mediumseagreen mediumslateblue mediumspringgreen mediumturquoise
  mediumvioletred midnightblue mintcream mistyrose moccasin navajowhite navy oldlace olive
  olivedrab orange orangered orchid palegoldenrod palegreen paleturquoise palevioletred
  papayawhip peachpuff peru pink plum powderblue purple rebeccapurple red rosybrown royalblue
  saddlebrown salmon sandybrown seagreen seashell sienna silver skyblue slateblue slategray
  slategrey snow springgreen steelblue tan teal thistle tomato turquoise violet wheat white
  whitesmoke yellow yellowgreen`.split(/\s+/),
);
const COLOUR_FUNCTION = /\b(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch|color)\(/i;
const HEX = /#[0-9a-f]{3,8}\b/i;
const LENGTH = /(?<![\w.-])-?(?:\d+\.?\d*|\.\d+)(?:px|rem|em)\b/gi;

const SIZE_ATTRIBUTES = new Set(['width', 'height']);
const SIZE_PROPERTIES = new Set([
  'width',
  'height',
  'size',
  'gap',
  'padding',
  'margin',
  'fontSize',
  'lineHeight',
  'top',
  'left',
  'right',
  'bottom',
]);
const SIZE_NAME = /(?:height|width|gap|padding|margin|spacing|radius)$/i;

/** A number literal (or numeric string) other than 0: a length in pixels where a size goes. */
function isSizeNumber(node: ts.Node): boolean {
  if (ts.isNumericLiteral(node)) return Number(node.text) !== 0;
  if (ts.isStringLiteralLike(node))
    return /^\d+(?:\.\d+)?$/.test(node.text) && Number(node.text) !== 0;
  return false;
}

export interface Finding {
  file: string;
  line: number;
  text: string;
}

function stripComments(css: string): string {
  return css.replace(/\/\*[\s\S]*?\*\//g, (comment) => comment.replace(/[^\n]/g, ' '));
}

export function scanCss(file: string, css: string): Finding[] {
  const out: Finding[] = [];
  stripComments(css)
    .split('\n')
    .forEach((line, i) => {
      const report = (text: string) => out.push({ file, line: i + 1, text: text.trim() });
      if (/^\s*@media\b/.test(line)) {
        for (const match of line.matchAll(LENGTH)) {
          if (!BREAKPOINTS.has(match[0])) report(`breakpoint ${match[0]}`);
        }
        return;
      }
      const colon = line.indexOf(':');
      // Only declaration values: selectors (`.a:hover`) have no value after a `;`-ended colon.
      if (colon < 0 || !/;\s*$|^\s*[\w-]+\s*:/.test(line)) return;
      const value = line.slice(colon + 1);
      if (HEX.test(value) || COLOUR_FUNCTION.test(value)) report(line);
      else if (value.split(/[^a-z]+/i).some((word) => NAMED.has(word.toLowerCase()))) report(line);
      for (const match of value.matchAll(LENGTH)) report(`${match[0]} in ${line}`);
    });
  return out;
}

/** `sizes: false` for code that lays out paper (the PDF ficha: millimetres and points, which
 *  the screen's tokens do not describe); colours are checked everywhere, but a text of the i18n
 *  catalogue that is a colour's name is a word (`texts`: «Red» is a network in Spanish). */
export function scanCode(
  file: string,
  code: string,
  { sizes = true, texts = false } = {},
): Finding[] {
  const kind = file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const source = ts.createSourceFile(file, code, ts.ScriptTarget.Latest, true, kind);
  const out: Finding[] = [];
  const report = (node: ts.Node, text: string) => {
    const { line } = source.getLineAndCharacterOfPosition(node.getStart());
    out.push({ file, line: line + 1, text });
  };
  const visit = (node: ts.Node) => {
    if (ts.isStringLiteralLike(node)) {
      const text = node.text.trim();
      if (HEX.test(text) && /^#[0-9a-f]{3,8}$/i.test(text)) report(node, text);
      else if (COLOUR_FUNCTION.test(text)) report(node, text);
      else if (!texts && NAMED.has(text.toLowerCase())) report(node, text);
      else if (/^-?(?:\d+\.?\d*|\.\d+)(?:px|rem|em)$/i.test(text)) report(node, text);
    }
    // Inline styles are a second place for lengths and colours (and the CSP blocks them).
    if (ts.isJsxAttribute(node) && node.name.getText(source) === 'style') {
      report(node, node.getText(source));
    }
    // Sizes given as plain numbers are pixels too: an element's width/height attribute, a
    // drawing option (`height: 260`, `size: 8`) or a constant named for a size (`GAP = 72`).
    if (sizes && ts.isJsxAttribute(node) && SIZE_ATTRIBUTES.has(node.name.getText(source))) {
      const value = node.initializer;
      const literal =
        value && ts.isJsxExpression(value) && value.expression ? value.expression : value;
      if (literal && isSizeNumber(literal)) report(node, node.getText(source));
    }
    if (
      sizes &&
      ts.isPropertyAssignment(node) &&
      SIZE_PROPERTIES.has(node.name.getText(source)) &&
      isSizeNumber(node.initializer)
    ) {
      report(node, node.getText(source));
    }
    if (
      sizes &&
      ts.isVariableDeclaration(node) &&
      SIZE_NAME.test(node.name.getText(source)) &&
      node.initializer &&
      isSizeNumber(node.initializer)
    ) {
      report(node, node.getText(source));
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

function featureFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (full === UI) continue;
    if (entry.isDirectory()) out.push(...featureFiles(full));
    else if (/\.(css|tsx?)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) out.push(full);
  }
  return out;
}

describe('no colour values or lengths outside ui/ (tokens only)', () => {
  const files = featureFiles(SRC);

  it('finds the feature code it guards', () => {
    const names = files.map((file) => path.relative(SRC, file));
    expect(names).toContain('app/styles/pages.css');
    expect(names).toContain('features/instruments/renderer/RubricForm.tsx');
    expect(names).toContain('features/progress/LevelChart.tsx');
    expect(names.some((name) => name.startsWith('ui/'))).toBe(false);
  });

  it('feature stylesheets and components use tokens', () => {
    const found = files.flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      const name = path.relative(SRC, file);
      return file.endsWith('.css')
        ? scanCss(name, text)
        : scanCode(name, text, {
            sizes: !name.includes('/pdf/'),
            texts: name.startsWith('app/i18n/'),
          });
    });
    expect(found.map(({ file, line, text }) => `${file}:${line}: ${text}`)).toEqual([]);
  });
});

describe('constants guard self-check', () => {
  it('catches colours and lengths in CSS, but not tokens, selectors or breakpoints', () => {
    const css = [
      '.a:hover {',
      '  color: #fff;',
      '  background: rgb(0 0 0 / 0.5);',
      '  border: 1px solid white;',
      '  padding: 0.5rem var(--space-2);',
      '  margin: 0 var(--space-4);',
      '  color: var(--color-text);',
      '}',
      '@media (min-width: 48rem) {',
      '@media (min-width: 50rem) {',
    ].join('\n');
    expect(scanCss('x.css', css).map((f) => f.line)).toEqual([2, 3, 4, 4, 5, 10]);
  });

  it('catches colour strings, length strings and style props in code', () => {
    const code = [
      "const a = '#0072b2';",
      "const b = 'rgba(0,0,0,.2)';",
      "const c = 'white';",
      "const d = '12px';",
      'const e = <div style={{ margin: 4 }} />;',
      "const ok = readToken('--color-chart-1');",
      "const fine = 'whitespace'; const n = 12;",
      'const f = <svg width="36" height={12} viewBox="0 0 36 12" />;',
      'const g = { height: 260, size: 8, width: 0, label: 2 };',
      'const HEIGHT = 260; const gap = readLength("--space-2"); const PAGE_SIZE = 50;',
    ].join('\n');
    expect(scanCode('x.tsx', code).map((f) => f.line)).toEqual([1, 2, 3, 4, 5, 5, 8, 8, 9, 9, 10]);
  });

  it('reads a catalogue text that names a colour as a word, but still catches a real colour', () => {
    const catalogue = "const by = { network: 'Red', tone: '#ff0000', size: '12px' };";
    expect(scanCode('es-PE.x.ts', catalogue, { texts: true }).map((f) => f.text)).toEqual([
      '#ff0000',
      '12px',
    ]);
    expect(scanCode('x.ts', catalogue).map((f) => f.text)).toEqual(['Red', '#ff0000', '12px']);
  });
});
