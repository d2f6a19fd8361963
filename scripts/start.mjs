// `npm start`: build the web app when it is missing or older than its sources, then run
// `acompana start` (migrate, seed the demo on an empty database, serve on PORT or 3000).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const web = path.join(root, 'packages/web');
const built = path.join(web, 'dist/index.html');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    const time = entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs;
    if (time > newest) newest = time;
  }
  return newest;
}

function webIsStale() {
  if (!fs.existsSync(built)) return true;
  const sources = [path.join(web, 'src'), path.join(root, 'packages/core/src')];
  const files = ['index.html', 'vite.config.ts', 'package.json'].map((f) => path.join(web, f));
  const newest = Math.max(
    ...sources.filter((d) => fs.existsSync(d)).map(newestMtime),
    ...files.filter((f) => fs.existsSync(f)).map((f) => fs.statSync(f).mtimeMs),
  );
  return newest > fs.statSync(built).mtimeMs;
}

if (webIsStale()) {
  console.log('Compilando la aplicación web (solo cuando cambia)…');
  const build = spawnSync('npm', ['run', 'build', '-w', '@acompana/web'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

process.argv = [
  process.argv[0],
  path.join(root, 'packages/server/bin/acompana.mjs'),
  'start',
  ...process.argv.slice(2),
];
await import('../packages/server/bin/acompana.mjs');
