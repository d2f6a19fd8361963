// Bundle budget (docs/BUDGETS.md): gzip size of the JS needed to show the login page and the
// coach's (acompañante) home, plus the gzip size of all JS. Builds the web app first.
// Prints exactly one JSON line on stdout; build logs go to stderr.

import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'packages/web/dist');
const BUDGET_KB = 150;

interface Chunk {
  file: string;
  imports?: string[];
  isEntry?: boolean;
  isDynamicEntry?: boolean;
}
type Manifest = Record<string, Chunk>;

/** Source modules whose lazy chunks are on the login → coach home path. */
const REQUIRED_ROUTES = ['src/features/auth/LoginPage.tsx', 'src/features/home/CoachHome.tsx'];

function fail(message: string): never {
  console.error(`bench/bundle: ${message}`);
  process.exit(1);
}

function build() {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  // Child stdout goes to our stderr so stdout carries only the JSON line.
  const result = spawnSync(npm, ['run', 'build', '-w', '@acompana/web'], {
    cwd: root,
    stdio: ['ignore', process.stderr, process.stderr],
  });
  if (result.error) fail(`could not run the build: ${result.error.message}`);
  if (result.status !== 0) fail(`the build failed (exit ${result.status})`);
}

function readManifest(): Manifest {
  const file = path.join(dist, '.vite/manifest.json');
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    fail(`cannot read ${path.relative(root, file)}: ${(error as Error).message}`);
  }
}

/** The chunk and everything it imports statically (what the browser must fetch to run it). */
function collect(manifest: Manifest, key: string, files: Set<string>): void {
  const chunk = manifest[key];
  if (!chunk) fail(`manifest has no entry "${key}"`);
  if (files.has(chunk.file)) return;
  files.add(chunk.file);
  for (const imported of chunk.imports ?? []) collect(manifest, imported, files);
}

const gzipCache = new Map<string, number>();
function gzipBytes(file: string): number {
  if (!gzipCache.has(file)) {
    const bytes = readFileSync(path.join(dist, file));
    gzipCache.set(file, gzipSync(bytes, { level: 9 }).length);
  }
  return gzipCache.get(file) ?? 0;
}

function allJs(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...allJs(full));
    else if (/\.m?js$/.test(entry.name)) out.push(path.relative(dist, full));
  }
  return out;
}

const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;
const sum = (files: Iterable<string>) =>
  [...files].reduce((total, file) => total + gzipBytes(file), 0);

build();
const manifest = readManifest();

const entries = Object.entries(manifest).filter(([, chunk]) => chunk.isEntry);
if (entries.length !== 1) fail(`expected one entry chunk in the manifest, found ${entries.length}`);

const initial = new Set<string>();
const [entryKey] = entries[0] ?? fail('no entry chunk');
collect(manifest, entryKey, initial);
for (const route of REQUIRED_ROUTES) {
  const chunk = manifest[route];
  if (!chunk) fail(`no chunk for ${route}: is it still a lazy route (React.lazy)?`);
  if (!chunk.isDynamicEntry) fail(`${route} is not a lazily loaded chunk`);
  collect(manifest, route, initial);
}
for (const file of initial) {
  if (!file.endsWith('.js')) fail(`unexpected non-JS chunk ${file}`);
}

const initialKb = kb(sum(initial));
const totalKb = kb(sum(allJs(dist)));
console.error(
  `bench/bundle: initial (login + coach home) ${initialKb} KB gzip in ${initial.size} files` +
    ` [${[...initial].join(', ')}]; all JS ${totalKb} KB gzip; budget ${BUDGET_KB} KB`,
);
console.log(JSON.stringify({ initial_js_gzip_kb: initialKb, total_js_gzip_kb: totalKb }));
if (initialKb > BUDGET_KB) fail(`over budget: ${initialKb} KB > ${BUDGET_KB} KB`);
