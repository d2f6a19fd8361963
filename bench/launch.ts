// How the benches start the server: as `npx acompana start` does, through the bin's shebang
// and its node flags (docs/ARCHITECTURE.md, "Launch flags"), which `npm start` repeats.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(root, 'packages/server/bin/acompana.mjs');

/** `node`'s arguments before the bin's own: the shebang's flags, then the bin. */
export function serverNodeArgs(): string[] {
  const shebang = fs.readFileSync(bin, 'utf8').split('\n', 1)[0] ?? '';
  const flags = shebang.replace(/^#!\/usr\/bin\/env\s+(-S\s+)?node\s*/, '');
  return [...flags.split(/\s+/).filter(Boolean), bin];
}
