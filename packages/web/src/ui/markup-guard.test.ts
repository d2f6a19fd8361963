/// <reference types="node" />
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// The design system's second rule for feature code (docs/UI.md, issue 17): screens are built
// from the kit's components, not from private copies of their markup. Outside src/ui/ no
// component may write a bare <button> (Button, IconButton), use a kit component's class names
// by hand (a `.field`, a `.card`, a `.button--secondary`…), or make a bare <ul>/<ol> of links
// or buttons its list (List + ListItem; actions are Buttons in a row). A list of links inside
// a <nav> is navigation and stays a list. Messages are Notices, not a hand-written `.notice`,
// and a Notice inside a live region already there is not live itself (live={false}); a form's
// live region for its errors is the kit's FormAlert, not a hand-written `.form__alert`.

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const UI = path.join(SRC, 'ui');

/** Class names that belong to a kit component (the component writes them, features don't). */
const KIT_CLASS =
  /^(?:button(?:--.*)?|icon-button|field|field--inline|field-group(?:--.*)?|field-pair|rule|rule__grid|choice|choice__option|card|card--warning|badge(?:--.*)?|empty|empty-state.*|back-link|list|list-item.*|skeleton.*|sheet.*|tabs.*|segmented.*|switch.*|chip.*|spinner|form__alert|notice(?:--.*|__.*)?)$/;

/** What a list item must not be by itself: a link or a button (a list of actions/links). */
const LINK_OR_BUTTON = new Set(['a', 'Link', 'NavLink', 'button', 'Button', 'ButtonLink']);

export interface Finding {
  file: string;
  line: number;
  text: string;
}

function tagName(node: ts.JsxElement | ts.JsxSelfClosingElement): string {
  const tag = ts.isJsxElement(node) ? node.openingElement.tagName : node.tagName;
  return tag.getText();
}

/** The JSX elements among a JSX element's children (text that is only spacing ignored). */
function elementChildren(node: ts.JsxElement): ts.Node[] {
  return node.children.filter(
    (child) => !(ts.isJsxText(child) && child.containsOnlyTriviaWhiteSpaces),
  );
}

/** The <li> elements whose nearest enclosing list is `list` (also inside `.map` callbacks). */
function itemsOf(list: ts.JsxElement): ts.JsxElement[] {
  const items: ts.JsxElement[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isJsxElement(node)) {
      const tag = tagName(node);
      if (tag === 'ul' || tag === 'ol') return;
      if (tag === 'li') items.push(node);
    }
    ts.forEachChild(node, visit);
  };
  for (const child of list.children) visit(child);
  return items;
}

function isOnlyLinkOrButton(item: ts.JsxElement): boolean {
  const children = elementChildren(item);
  if (children.length !== 1) return false;
  const only = children[0] as ts.Node;
  return (
    (ts.isJsxElement(only) || ts.isJsxSelfClosingElement(only)) && LINK_OR_BUTTON.has(tagName(only))
  );
}

/** The string pieces of a className value: literals, template heads/spans, conditionals. */
function classNames(attribute: ts.JsxAttribute): string[] {
  const out: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isStringLiteralLike(node)) out.push(...node.text.split(/\s+/));
    else if (ts.isTemplateExpression(node)) {
      out.push(...node.head.text.split(/\s+/));
      for (const span of node.templateSpans) {
        visit(span.expression);
        out.push(...span.literal.text.split(/\s+/));
      }
      return;
    }
    ts.forEachChild(node, visit);
  };
  if (attribute.initializer) visit(attribute.initializer);
  return out.filter(Boolean);
}

/** An element written with role="alert" or role="status", or the kit's FormAlert (a live
 *  region already there). */
function isLiveRegion(node: ts.JsxElement): boolean {
  if (tagName(node) === 'FormAlert') return true;
  return node.openingElement.attributes.properties.some(
    (a) =>
      ts.isJsxAttribute(a) &&
      a.name.getText() === 'role' &&
      a.initializer !== undefined &&
      ts.isStringLiteral(a.initializer) &&
      ['alert', 'status'].includes(a.initializer.text),
  );
}

/** The <Notice> elements inside `region` that would be live regions of their own. */
function liveNotices(region: ts.JsxElement): ts.Node[] {
  const found: ts.Node[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isJsxOpeningElement(node) || ts.isJsxSelfClosingElement(node)) {
      const quiet = node.attributes.properties.some(
        (a) => ts.isJsxAttribute(a) && a.name.getText() === 'live',
      );
      const tag = node.tagName.getText();
      if ((tag === 'Notice' || tag === 'ErrorNotice') && !quiet) found.push(node);
    }
    ts.forEachChild(node, visit);
  };
  for (const child of region.children) visit(child);
  return found;
}

export function scanMarkup(file: string, code: string): Finding[] {
  const source = ts.createSourceFile(file, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const out: Finding[] = [];
  const report = (node: ts.Node, text: string) => {
    const { line } = source.getLineAndCharacterOfPosition(node.getStart());
    out.push({ file, line: line + 1, text });
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxOpeningElement(node) || ts.isJsxSelfClosingElement(node)) {
      if (node.tagName.getText() === 'button') report(node, '<button>: use Button or IconButton');
      for (const attribute of node.attributes.properties) {
        if (!ts.isJsxAttribute(attribute) || attribute.name.getText() !== 'className') continue;
        for (const name of classNames(attribute)) {
          if (KIT_CLASS.test(name)) report(attribute, `class "${name}": use the kit's component`);
        }
      }
    }
    if (ts.isJsxElement(node) && isLiveRegion(node)) {
      for (const inner of liveNotices(node)) {
        report(inner, 'Notice inside a live region: give it live={false} (one announcement)');
      }
    }
    if (ts.isJsxElement(node) && ['ul', 'ol'].includes(tagName(node))) {
      const parent = node.parent;
      const inNav = ts.isJsxElement(parent) && tagName(parent) === 'nav';
      const items = itemsOf(node);
      if (!inNav && items.length > 0 && items.every(isOnlyLinkOrButton)) {
        report(node, `<${tagName(node)}> of links or buttons: use List + ListItem or Buttons`);
      }
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
    else if (entry.name.endsWith('.tsx') && !entry.name.endsWith('.test.tsx')) out.push(full);
  }
  return out;
}

describe('feature screens are built from the kit', () => {
  const files = featureFiles(SRC);

  it('finds the feature components it guards', () => {
    const names = files.map((file) => path.relative(SRC, file));
    expect(names).toContain('features/plan/BaselineEditor.tsx');
    expect(names).toContain('features/privacy/WhoReadPage.tsx');
    expect(names.some((name) => name.startsWith('ui/'))).toBe(false);
  });

  it('no bare buttons, no hand-written kit classes, no lists of bare links or buttons', () => {
    const found = files.flatMap((file) =>
      scanMarkup(path.relative(SRC, file), readFileSync(file, 'utf8')),
    );
    expect(found.map(({ file, line, text }) => `${file}:${line}: ${text}`)).toEqual([]);
  });
});

describe('markup guard self-check', () => {
  it('catches a bare button, kit classes and a bulleted list of links or buttons', () => {
    const code = [
      'const a = <button type="button" onClick={go}>Ir</button>;',
      'const b = <div className="field"><label>DNI</label></div>;',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the sample is TSX source text
      'const c = <li className={`card ${x}`} />;',
      'const d = <p className={done ? "badge badge--success" : "lead"} />;',
      'const e = (',
      '  <ul>',
      '    {items.map((i) => (',
      '      <li key={i.id}>',
      '        <Link to={i.to}>{i.name}</Link>',
      '      </li>',
      '    ))}',
      '  </ul>',
      ');',
      'const f = <ol><li><Button onClick={a}>A</Button></li><li><Button>B</Button></li></ol>;',
      'const g = <p className="notice notice--error" role="alert">No se pudo</p>;',
      'const h = <div role="alert">{e ? <Notice tone="error">{e}</Notice> : null}</div>;',
      'const i = <div role="alert" className="form__alert">{e}</div>;',
      'const j = <FormAlert>{e ? <ErrorNotice error={e} /> : null}</FormAlert>;',
    ].join('\n');
    expect(scanMarkup('x.tsx', code).map((f) => f.line)).toEqual([
      1, 2, 3, 4, 4, 6, 14, 15, 15, 16, 17, 18,
    ]);
  });

  it('leaves alone kit components, lists with content, navigation and other classes', () => {
    const code = [
      'const a = <Button onClick={go}>Ir</Button>;',
      'const b = <TextField label="DNI" />;',
      'const c = <ul className="plain-list"><li>{reason}</li></ul>;',
      'const d = <ul><li><Link to="/">Inicio</Link> el 3 de mayo, {status}</li></ul>;',
      'const e = <nav aria-label="Roles"><ul><li><Link to="/">Docente</Link></li></ul></nav>;',
      'const f = <p className="field__hint lead card__facts">x</p>;',
      'const g = <ul><li><p>Uno</p><Link to="/a">Ver</Link></li></ul>;',
      'const h = <div role="alert">{e ? <Notice tone="error" live={false}>{e}</Notice> : null}</div>;',
    ].join('\n');
    expect(scanMarkup('x.tsx', code)).toEqual([]);
  });
});
