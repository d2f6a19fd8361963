/// <reference types="node" />
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ERROR_CODES, ROLES } from '@acompana/core';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { accountTexts } from './es-PE.accounts.ts';
import { activityTexts } from './es-PE.activities.ts';
import { caseloadTexts } from './es-PE.caseloads.ts';
import { dayTexts } from './es-PE.day.ts';
import { instrumentTexts } from './es-PE.instruments.ts';
import { monitoringTexts } from './es-PE.monitoring.ts';
import { peopleTexts } from './es-PE.people.ts';
import { planTexts } from './es-PE.plan.ts';
import { privacyTexts } from './es-PE.privacy.ts';
import { progressTexts } from './es-PE.progress.ts';
import { esPE } from './es-PE.ts';
import { ugelActivityTexts } from './es-PE.ugel.ts';
import { visitTexts } from './es-PE.visits.ts';

// Guards the single-catalog rule: every key used exists, every error code and role has a
// Spanish text, and no component carries hard-coded user-visible text.

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const PLURAL_SUFFIXES = ['_zero', '_one', '_two', '_few', '_many', '_other'];
/** Attributes whose literal values people read or hear. */
const TEXT_ATTRIBUTES = new Set(['aria-label', 'aria-description', 'title', 'alt', 'placeholder']);
/** Text that is only spacing, punctuation, digits or symbols (no letters). */
const NO_WORDS = /^[^\p{L}]*$/u;

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(full));
    else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) out.push(full);
  }
  return out;
}

function catalogKeys(node: unknown, prefix = '', out = new Set<string>()): Set<string> {
  if (typeof node === 'string') out.add(prefix);
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      catalogKeys(value, prefix ? `${prefix}.${key}` : key, out);
    }
  }
  return out;
}

/** The whole catalog: first-download texts and the feature texts loaded with their screens. */
const catalog = {
  ...esPE,
  ...dayTexts,
  ...instrumentTexts,
  ...visitTexts,
  ...planTexts,
  ...progressTexts,
  ...privacyTexts,
  ...accountTexts,
  ...peopleTexts,
  ...caseloadTexts,
  ...activityTexts,
  ...monitoringTexts,
  ...ugelActivityTexts,
};
const keys = catalogKeys(catalog);

/** Where feature texts may be used: in the screens (../pages.ts, homes) that load them. */
const VISIT_SCREENS = [
  'features/visits/',
  'features/home/TeacherSpace.tsx',
  'features/rosters/TeacherDetailPage.tsx',
  'features/instruments/FillPage.tsx',
  'features/plan/',
  'features/progress/',
];
/** The day bundle: loaded by the coach's home and with the visit and activity screens. */
const HOME_DAY = [
  'features/home/CoachDay.tsx',
  'features/activities/DayActivities.tsx',
  'features/activities/CaseloadTargets.tsx',
];
const DAY_SCREENS = [...VISIT_SCREENS, 'features/activities/', ...HOME_DAY];
const LAZY_NAMESPACES: Record<string, string[]> = {
  ...Object.fromEntries(Object.keys(dayTexts).map((ns) => [ns, DAY_SCREENS])),
  ...Object.fromEntries(Object.keys(visitTexts).map((ns) => [ns, VISIT_SCREENS])),
  instruments: ['features/instruments/', 'features/visits/'],
  plan: ['features/plan/'],
  // Catálogo loads the progress bundle (app/pages.ts) for the ladder and the activity types.
  progress: [
    'features/progress/',
    'features/catalog/LadderSection.tsx',
    'features/catalog/ActivityTypesSection.tsx',
  ],
  whoRead: ['features/privacy/'],
  caseloads: ['features/caseloads/'],
  activities: ['features/activities/'],
  ugelActivities: ['features/activities/Ugel'],
  monitoring: ['features/monitoring/'],
  myProgress: ['features/monitoring/'],
};

function hasKey(key: string): boolean {
  return keys.has(key) || PLURAL_SUFFIXES.some((suffix) => keys.has(`${key}${suffix}`));
}

interface Scan {
  usedKeys: { file: string; key: string }[];
  hardCoded: { file: string; line: number; text: string }[];
}

function isTranslateCall(call: ts.CallExpression): boolean {
  const callee = call.expression;
  if (ts.isIdentifier(callee)) return callee.text === 't';
  return ts.isPropertyAccessExpression(callee) && callee.name.text === 't';
}

function scanSource(name: string, text: string, result: Scan): void {
  const kind = name.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const source = ts.createSourceFile(name, text, ts.ScriptTarget.Latest, true, kind);
  const report = (node: ts.Node, value: string) => {
    const { line } = source.getLineAndCharacterOfPosition(node.getStart());
    result.hardCoded.push({ file: name, line: line + 1, text: value.trim() });
  };
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) && isTranslateCall(node)) {
      const [first] = node.arguments;
      if (first && ts.isStringLiteralLike(first))
        result.usedKeys.push({ file: name, key: first.text });
    }
    if (ts.isJsxText(node) && !NO_WORDS.test(node.text)) report(node, node.text);
    if (ts.isJsxExpression(node) && node.parent && ts.isJsxElement(node.parent)) {
      const inner = node.expression;
      if (inner && ts.isStringLiteralLike(inner) && !NO_WORDS.test(inner.text)) {
        report(node, inner.text);
      }
    }
    if (ts.isJsxAttribute(node) && TEXT_ATTRIBUTES.has(node.name.getText(source))) {
      const init = node.initializer;
      const literal =
        init && ts.isStringLiteral(init)
          ? init
          : init &&
              ts.isJsxExpression(init) &&
              init.expression &&
              ts.isStringLiteralLike(init.expression)
            ? init.expression
            : null;
      if (literal && !NO_WORDS.test(literal.text)) report(node, literal.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
}

function scan(files: string[]): Scan {
  const result: Scan = { usedKeys: [], hardCoded: [] };
  for (const file of files)
    scanSource(path.relative(SRC, file), readFileSync(file, 'utf8'), result);
  return result;
}

const files = sourceFiles(SRC);
const { usedKeys, hardCoded } = scan(files);

describe('i18n catalog (es-PE)', () => {
  it('finds the sources it guards', () => {
    expect(files.some((file) => file.endsWith('LoginPage.tsx'))).toBe(true);
    expect(usedKeys.length).toBeGreaterThan(20);
  });

  it('has every key used with a literal t("…")', () => {
    const missing = usedKeys
      .filter(({ key }) => !hasKey(key))
      .map(({ file, key }) => `${file}: ${key}`);
    expect(missing).toEqual([]);
  });

  it('uses feature texts only in the screens that load them with their chunk', () => {
    const outside = usedKeys
      .filter(({ file, key }) => {
        const allowed = LAZY_NAMESPACES[key.split('.')[0] ?? ''];
        return allowed !== undefined && !allowed.some((where) => file.startsWith(where));
      })
      .map(({ file, key }) => `${file}: ${key}`);
    expect(outside).toEqual([]);
    // The first download keeps none of them.
    for (const ns of Object.keys(LAZY_NAMESPACES)) expect(esPE, ns).not.toHaveProperty(ns);
  });

  it("gives the coach's day on the home only first-download and day texts (what it loads)", () => {
    const home = new Set([...catalogKeys(esPE), ...catalogKeys(dayTexts)]);
    const used = usedKeys.filter(({ file }) => HOME_DAY.includes(file));
    expect(used.length).toBeGreaterThan(20);
    const elsewhere = used
      .filter(({ key }) => !home.has(key) && !PLURAL_SUFFIXES.some((x) => home.has(`${key}${x}`)))
      .map(({ file, key }) => `${file}: ${key}`);
    expect(elsewhere).toEqual([]);
  });

  it('has no hard-coded text in JSX or in text attributes', () => {
    const found = hardCoded.map(({ file, line, text }) => `${file}:${line}: ${text}`);
    expect(found).toEqual([]);
  });

  it('maps every error code to a Spanish message', () => {
    for (const code of Object.keys(ERROR_CODES)) {
      expect(esPE.errors, code).toHaveProperty(code);
      expect(hasKey(`errors.${code}`), code).toBe(true);
    }
  });

  it('names every role and gives each a home title', () => {
    for (const role of ROLES) {
      expect(hasKey(`roles.${role}`), role).toBe(true);
      expect(hasKey(`home.titles.${role}`), role).toBe(true);
    }
  });

  it('has no empty texts', () => {
    const empty = [...keys].filter((key) => {
      const value = key
        .split('.')
        .reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], catalog);
      return typeof value !== 'string' || value.trim() === '';
    });
    expect(empty).toEqual([]);
  });
});

describe('catalog guard self-check', () => {
  it('catches literal JSX text, string children and literal text attributes', () => {
    const result: Scan = { usedKeys: [], hardCoded: [] };
    const sample = [
      'const a = (',
      '  <p aria-label="Hola" className="x">',
      "    Texto fijo {'otro'} · {t('app.name')} <img alt={'foto'} />",
      '  </p>',
      ');',
    ].join('\n');
    scanSource('sample.tsx', sample, result);
    expect(result.hardCoded.map((found) => found.text).sort()).toEqual(
      ['Hola', 'Texto fijo', 'foto', 'otro'].sort(),
    );
    expect(result.usedKeys.map((used) => used.key)).toEqual(['app.name']);
  });
});
