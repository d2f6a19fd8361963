#!/usr/bin/env -S node --v8-pool-size=1
// Launch flags (docs/ARCHITECTURE.md, "Launch flags"), repeated by `npm start` and the benches:
// one V8 worker thread. With two or more, each fills a glibc arena of its own while PGlite comes
// up and keeps it: 20-40 MB more resident for the life of an embedded server (bench:reports on
// PGlite: peak 285-318 MB, with one 264-282).
// The `acompana` command. Its TypeScript sources are bundled into one plain module at every
// start (esbuild, well under a second), so there is no build to go stale and no TypeScript
// loader in the running server: a server run through tsx kept its loader thread and every
// module's transformed source resident, ~100 MB more on PGlite (docs/BUDGETS.md, "Start").
// If the bundle cannot be made (a read-only install), or with ACOMPANA_NO_BUNDLE=1 (stack
// traces with the sources' own lines), the sources run through tsx instead.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const entry = path.join(root, 'src', 'cli.ts');
/** One directory below the package, like src/: the bundle finds the package's files from
 *  there (src/paths.ts) and its dependencies in the node_modules above it. */
const outDir = path.join(root, '.run');
const KEEP_MS = 60 * 60 * 1000;

/** Bundles the sources and the workspace packages; every other package stays an import. */
async function bundle() {
  const { build, stop } = await import('esbuild');
  const out = await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    write: false,
    logLevel: 'silent',
    // Function and class names stay readable in stack traces and logs.
    keepNames: true,
    plugins: [
      {
        name: 'packages-external',
        setup(b) {
          b.onResolve({ filter: /^[^./]/ }, (args) =>
            args.path.startsWith('@acompana/') ? undefined : { path: args.path, external: true },
          );
        },
      },
    ],
  });
  // esbuild's service process would otherwise stay beside the server (~50 MB).
  await stop();
  const code = out.outputFiles[0].contents;
  const name = `acompana-${createHash('sha1').update(code).digest('hex').slice(0, 16)}.mjs`;
  const file = path.join(outDir, name);
  fs.mkdirSync(outDir, { recursive: true });
  if (fs.existsSync(file)) {
    // In use again: not one of the stale bundles another start removes.
    const now = new Date();
    fs.utimesSync(file, now, now);
  } else {
    // Written whole, then renamed: two commands starting at once never read half a file.
    const partial = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(partial, code);
    fs.renameSync(partial, file);
  }
  // Bundles of older sources: a running process no longer needs its file once loaded.
  for (const other of fs.readdirSync(outDir)) {
    const stale = path.join(outDir, other);
    if (other === name) continue;
    try {
      if (Date.now() - fs.statSync(stale).mtimeMs > KEEP_MS) fs.rmSync(stale, { force: true });
    } catch {
      // Removed by another start meanwhile.
    }
  }
  return file;
}

let file = null;
try {
  if (process.env.ACOMPANA_NO_BUNDLE !== '1') file = await bundle();
} catch (error) {
  process.stderr.write(
    `Aviso: no se pudo preparar el servidor (${error.message}); se ejecuta con tsx.\n`,
  );
}
async function fromSources() {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli.ts');
}

if (!file) await fromSources();
else {
  try {
    await import(pathToFileURL(file).href);
  } catch (error) {
    // Removed between writing and loading (sources changed and another start pruned it):
    // the sources still run. Any other error is the command's own.
    if (fs.existsSync(file)) throw error;
    await fromSources();
  }
}
