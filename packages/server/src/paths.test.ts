import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BIN_URL, MIGRATIONS_DIR, SERVER_ROOT, WEB_DIST_URL } from './paths.ts';

// The server runs bundled (bin/acompana.mjs writes one module to .run/) or from its sources;
// either way its files are found through paths.ts.

function run(env: Record<string, string>): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [fileURLToPath(BIN_URL), '--help'], {
      env: { ...process.env, ...env },
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.once('exit', (code) => resolve({ code, out }));
  });
}

describe('the server package paths', () => {
  it('name the package, its migrations, its command and the web build', () => {
    const pkg = JSON.parse(fs.readFileSync(new URL('package.json', SERVER_ROOT), 'utf8'));
    expect(pkg.name).toBe('@acompana/server');
    expect(fs.readdirSync(MIGRATIONS_DIR)).toContain('0001_foundation.sql');
    expect(fs.existsSync(BIN_URL)).toBe(true);
    expect(fileURLToPath(WEB_DIST_URL)).toMatch(/packages\/web\/dist$/);
  });

  it('runs the command from a bundle, and from the sources when asked', async () => {
    const bundled = await run({});
    expect(bundled).toMatchObject({ code: 0 });
    expect(bundled.out).toContain('Uso: acompana');
    const run_ = fileURLToPath(new URL('.run/', SERVER_ROOT));
    const bundles = fs.readdirSync(run_).filter((f) => /^acompana-[0-9a-f]{16}\.mjs$/.test(f));
    expect(bundles.length).toBeGreaterThan(0);
    // The bundle imports its packages; it carries no TypeScript loader.
    const newest = bundles
      .map((f) => ({ f, at: fs.statSync(`${run_}${f}`).mtimeMs }))
      .sort((a, b) => b.at - a.at)[0]?.f;
    const code = fs.readFileSync(`${run_}${newest}`, 'utf8');
    expect(code).not.toContain('tsx/esm');
    // Zod's Spanish messages survive the bundling (core's index import of them does not).
    expect(code).toMatch(/\.config\(\w+\.locales\.es\(\)\)/);

    const sources = await run({ ACOMPANA_NO_BUNDLE: '1' });
    expect(sources).toMatchObject({ code: 0 });
    expect(sources.out).toContain('Uso: acompana');
  }, 60_000);
});
