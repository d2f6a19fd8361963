import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Rules about the repository's own text that a type checker cannot see, checked on every
// tracked file (git ls-files), so they stay true after this change.

const ROOT = path.resolve(fileURLToPath(new URL('../../../../', import.meta.url)));
const tracked = execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' })
  .split('\0')
  .filter(Boolean);
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');

const isSource = (f: string) =>
  /^(packages\/[^/]+\/src\/.*|bench\/[^/]+)\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f);

/** Every line of the given files matching the pattern, as "file:line: text". */
function offending(files: string[], pattern: RegExp): string[] {
  return files.flatMap((file) =>
    read(file)
      .split('\n')
      .flatMap((line, i) => (pattern.test(line) ? [`${file}:${i + 1}: ${line.trim()}`] : [])),
  );
}

describe('calendar dates are Lima’s (docs/ARCHITECTURE.md, "Time")', () => {
  it('takes "today" in SQL from db/time.ts, never from the session time zone', () => {
    const server = tracked.filter((f) => /^packages\/server\/src\/.*\.ts$/.test(f));
    expect(server.length).toBeGreaterThan(50);
    expect(
      offending(server, /\bcurrent_date\b|\bnow\(\)::date\b|\blocaltimestamp\b/i).filter(
        (hit) => !/^packages\/server\/src\/(db\/time|test\/repository\.test)\.ts:/.test(hit),
      ),
    ).toEqual([]);
  });

  it('derives no calendar date from a UTC timestamp or the device’s own zone', () => {
    const sources = tracked.filter(isSource);
    expect(sources.length).toBeGreaterThan(100);
    const hits = offending(
      sources,
      /toISOString\(\)\.(slice|substring|substr)\(0, ?10\)|toISOString\(\)\.split\(|toLocale(Date|Time)?String\(|\.get(FullYear|Month|Date|Day|Hours)\(\)/,
    ).filter(
      (hit) =>
        // The one home of calendar arithmetic (on UTC midnights, which have no zone).
        !hit.startsWith('packages/core/src/time.ts:') &&
        // An XLSX date cell is a UTC midnight: its ISO date is the date typed in the sheet.
        !hit.startsWith('packages/server/src/modules/imports/table.ts:'),
    );
    expect(hits).toEqual([]);
  });

  it('gives every date formatter an explicit time zone', () => {
    const sources = tracked.filter(isSource);
    const missing = sources.flatMap((file) => {
      const text = read(file);
      return [...text.matchAll(/new Intl\.DateTimeFormat\(/g)]
        .filter((m) => !/timeZone/.test(text.slice(m.index, text.indexOf('});', m.index))))
        .map((m) => `${file}: ${text.slice(m.index, m.index + 60)}`);
    });
    expect(missing).toEqual([]);
  });
});

describe('the repository is self-contained (docs/ARCHITECTURE.md, folder map)', () => {
  const files = new Set(tracked);
  // Our own text: the lock file lists other projects' files.
  const textual = tracked.filter(
    (f) =>
      f !== 'package-lock.json' &&
      /\.(md|ts|tsx|mjs|js|json|sql|css|html|yml|yaml)$|^\.ci\//.test(f),
  );
  const inRepo = (from: string, target: string) => {
    const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(from), target));
    return (
      !resolved.startsWith('../') &&
      (files.has(resolved) || tracked.some((f) => f.startsWith(`${resolved}/`)))
    );
  };

  it('points at nothing outside it (../shared, the design brief)', () => {
    const outside = textual
      .filter((f) => f !== 'packages/server/src/test/repository.test.ts')
      .flatMap((file) =>
        read(file)
          .split('\n')
          .flatMap((line, i) => {
            const hits = [...line.matchAll(/(?:\.\.\/)+shared\/[\w./-]*/g)]
              .map((m) => m[0])
              .filter((ref) => !inRepo(file, ref));
            if (/\/work\/|DESIGN\.md/.test(line)) hits.push(line.trim());
            return hits.map((hit) => `${file}:${i + 1}: ${hit}`);
          }),
      );
    expect(outside).toEqual([]);
  });

  it('links every document to files that exist', () => {
    const broken = tracked
      .filter((f) => f.endsWith('.md'))
      .flatMap((file) =>
        [...read(file).matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)]
          .map((m) => m[1] as string)
          .filter((target) => !/^[a-z]+:/.test(target) && !inRepo(file, target))
          .map((target) => `${file}: ${target}`),
      );
    expect(broken).toEqual([]);
  });

  it('names only documents that exist (DOMAIN.md, docs/SYNC.md, …)', () => {
    const docs = new Set(
      tracked
        .filter((f) => /^(docs\/)?[A-Z][A-Z_]*\.md$/.test(f))
        .map((f) => path.posix.basename(f)),
    );
    const missing = textual.flatMap((file) =>
      [...read(file).matchAll(/\b([A-Z][A-Z_]{2,})\.md\b/g)]
        .map((m) => `${m[1]}.md`)
        .filter((name) => !docs.has(name))
        .map((name) => `${file}: ${name}`),
    );
    expect(docs.has('DOMAIN.md')).toBe(true);
    expect(missing).toEqual([]);
  });
});
