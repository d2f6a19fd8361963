import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BIN_URL } from './paths.ts';

// The server's node flags live in the bin's shebang (`npx acompana start`) and `npm start`
// repeats them (docs/ARCHITECTURE.md, "Launch flags"); the benches read the shebang.
describe('launch flags', () => {
  const bin = fileURLToPath(BIN_URL);
  const shebang = fs.readFileSync(bin, 'utf8').split('\n', 1)[0] ?? '';

  it('npm start runs node with the shebang’s flags: one V8 worker thread', () => {
    const flags = /^#!\/usr\/bin\/env -S node (.+)$/.exec(shebang)?.[1];
    expect(flags).toBe('--v8-pool-size=1');
    const root = new URL('../../../package.json', import.meta.url);
    const pkg = JSON.parse(fs.readFileSync(root, 'utf8'));
    expect(pkg.scripts.start).toBe(`node ${flags} scripts/start.mjs`);
  });

  it('the bin runs through its shebang', () => {
    const run = spawnSync(bin, ['--help'], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Uso: acompana <comando>');
  });
});
