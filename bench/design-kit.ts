// The design system's share of the JS that bench:bundle saw Chromium download (budget ≤ 15 KB
// compressed, docs/BUDGETS.md). The kit's code is mixed into the chunks of the screens that use
// it, so its share is read from source maps: the web app is built a second time with source maps
// into a temporary directory (same file names: the content hash leaves the map comment out), the
// code of each downloaded file that comes from packages/web/src/ui/ (the gallery aside) or from
// lucide-react is collected, and that code is brotli-compressed (quality 11, like the served
// copies) on its own — an upper bound, since alone it compresses less well than in its files.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { type MappingItem, SourceMapConsumer } from 'source-map-js';

const KIT_SOURCE = /packages\/web\/src\/ui\/(?!gallery\/)|node_modules\/lucide-react\//;

/** The kit's code inside one built file, from its source map. */
function kitCode(code: string, map: string): string {
  const lines = code.split('\n');
  const mappings: MappingItem[] = [];
  new SourceMapConsumer(JSON.parse(map)).eachMapping((m) => mappings.push(m));
  mappings.sort(
    (a, b) => a.generatedLine - b.generatedLine || a.generatedColumn - b.generatedColumn,
  );
  let out = '';
  mappings.forEach((m, i) => {
    if (!KIT_SOURCE.test(m.source ?? '')) return;
    const line = lines[m.generatedLine - 1] ?? '';
    const next = mappings[i + 1];
    const end = next?.generatedLine === m.generatedLine ? next.generatedColumn : line.length;
    out += line.slice(m.generatedColumn, end);
  });
  return out;
}

/**
 * Builds the web app with source maps and returns the brotli size (bytes) of the kit's code in
 * the given built JS files (`/assets/name-hash.js`), with the files' total size the same way.
 */
export function designKitShare(
  webDir: string,
  jsPaths: string[],
  log: (line: string) => void,
): { kitBytes: number; kitRawBytes: number; filesRawBytes: number } {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'acompana-bench-kit-'));
  try {
    const result = spawnSync('npx', ['vite', 'build', '--sourcemap', '--outDir', outDir], {
      cwd: webDir,
      stdio: ['ignore', process.stderr, process.stderr],
    });
    if (result.status !== 0) throw new Error(`the source-map build failed (exit ${result.status})`);
    let kit = '';
    let filesRawBytes = 0;
    for (const url of jsPaths) {
      const file = path.join(outDir, url);
      if (!fs.existsSync(file) || !fs.existsSync(`${file}.map`)) {
        log(`no source map for ${url} (not counted in the design system's share)`);
        continue;
      }
      const code = fs.readFileSync(file, 'utf8');
      filesRawBytes += code.length;
      kit += kitCode(code, fs.readFileSync(`${file}.map`, 'utf8'));
    }
    const kitBytes = zlib.brotliCompressSync(Buffer.from(kit), {
      params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 },
    }).length;
    return { kitBytes, kitRawBytes: Buffer.byteLength(kit), filesRawBytes };
  } finally {
    fs.rmSync(outDir, { recursive: true, force: true });
  }
}
