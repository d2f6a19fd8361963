import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import type { Database } from '../db/database.ts';
import { testTargets } from '../test/databases.ts';
import { TestClient, testConfig } from '../test/http.ts';
import { acceptedEncoding } from './compress.ts';
import type { AppEnv } from './env.ts';

// Delivery of the web app and of JSON answers: precompressed assets, cache headers, 404 for a
// missing asset, compressed JSON above 1 KiB (docs/ARCHITECTURE.md, "Web delivery").

const [pglite] = testTargets();
type ApiError = { error: { code: string } };
const SCRIPT = `export const hello = ${JSON.stringify('¡Hola, Cascas! '.repeat(200))};\n`;

describe('web app delivery', () => {
  let database: Database;
  let app: Hono<AppEnv>;
  let dist: string;
  beforeAll(async () => {
    dist = fs.mkdtempSync(path.join(os.tmpdir(), 'acompana-dist-'));
    fs.mkdirSync(path.join(dist, 'assets'));
    const html = '<!doctype html><title>Acompaña</title><div id="root"></div>';
    fs.writeFileSync(path.join(dist, 'index.html'), html);
    fs.writeFileSync(path.join(dist, 'index.html.br'), brotliCompressSync(html));
    fs.writeFileSync(path.join(dist, 'sw.js'), 'self.addEventListener("fetch", () => {});');
    const asset = path.join(dist, 'assets/app-B2QEGWsy.js');
    fs.writeFileSync(asset, SCRIPT);
    fs.writeFileSync(`${asset}.br`, brotliCompressSync(SCRIPT));
    fs.writeFileSync(`${asset}.gz`, gzipSync(SCRIPT));
    database = await (pglite ?? { open: () => Promise.reject() }).open();
    app = createApp({ db: database.db, config: testConfig({ webDistDir: dist }) }).app;
  });
  afterAll(async () => {
    await database.close();
    fs.rmSync(dist, { recursive: true, force: true });
  });

  const get = (p: string, encoding?: string) =>
    app.request(p, { headers: encoding ? { 'accept-encoding': encoding } : {} });

  it('sends the brotli or gzip file the browser accepts, cached for a year as immutable', async () => {
    const br = await get('/assets/app-B2QEGWsy.js', 'gzip, deflate, br, zstd');
    expect(br.status).toBe(200);
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('content-type')).toMatch(/javascript/);
    expect(br.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(br.headers.get('vary')).toMatch(/accept-encoding/i);
    const brBytes = Buffer.from(await br.arrayBuffer());
    expect(brBytes.length).toBeLessThan(SCRIPT.length / 5);
    expect(brotliDecompressSync(brBytes).toString()).toBe(SCRIPT);

    const gz = await get('/assets/app-B2QEGWsy.js', 'gzip');
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString()).toBe(SCRIPT);

    const plain = await get('/assets/app-B2QEGWsy.js');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe(SCRIPT);
  });

  it('answers 404 for a missing asset instead of the HTML shell', async () => {
    for (const p of ['/assets/app-XXXXXXXX.js', '/assets/index-old12345.css', '/assets/x/y.png']) {
      const res = await get(p, 'br');
      expect(res.status, p).toBe(404);
      expect(res.headers.get('content-type')).not.toMatch(/html/);
      expect(((await res.json()) as ApiError).error.code).toBe('NOT_FOUND');
    }
  });

  it('revalidates index.html and the service worker on every load; routes get the shell', async () => {
    const shell = await get('/visitas/123', 'br');
    expect(shell.status).toBe(200);
    expect(shell.headers.get('content-encoding')).toBe('br');
    expect(shell.headers.get('cache-control')).toBe('no-cache');
    expect(brotliDecompressSync(Buffer.from(await shell.arrayBuffer())).toString()).toMatch(
      /<div id="root">/,
    );
    const sw = await get('/sw.js', 'br');
    expect(sw.status).toBe(200);
    expect(sw.headers.get('cache-control')).toBe('no-cache');
  });

  it('compresses JSON answers above 1 KiB for clients that accept it, and only those', async () => {
    const cookie = await new TestClient(database).login('20000001');
    const teachers = (encoding?: string) =>
      app.request('/api/v1/teachers?limit=50', {
        headers: { cookie, ...(encoding ? { 'accept-encoding': encoding } : {}) },
      });
    const big = await teachers('gzip, deflate, br, zstd');
    expect(big.status).toBe(200);
    expect(big.headers.get('content-encoding')).toBe('br');
    expect(big.headers.get('content-type')).toMatch(/application\/json/);
    const bytes = Buffer.from(await big.arrayBuffer());
    expect(Number(big.headers.get('content-length'))).toBe(bytes.length);
    const json = JSON.parse(brotliDecompressSync(bytes).toString());
    expect(json.items.length).toBeGreaterThan(5);
    expect(bytes.length).toBeLessThan(JSON.stringify(json).length / 4);

    const gz = await teachers('gzip');
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(JSON.parse(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString())).toEqual(json);
    const none = await teachers();
    expect(none.headers.get('content-encoding')).toBeNull();
    expect(await none.json()).toEqual(json);

    // Small answers are not worth it: `{"status":"ok"}` stays as it is.
    const small = await app.request('/api/health', { headers: { 'accept-encoding': 'br, gzip' } });
    expect(small.headers.get('content-encoding')).toBeNull();
    expect(await small.json()).toEqual({ status: 'ok' });
    // Nor are error answers (without a session, even an unknown route is 401).
    const error = await app.request('/api/v1/nada', { headers: { 'accept-encoding': 'br' } });
    expect(error.status).toBe(401);
    expect(error.headers.get('content-encoding')).toBeNull();
    expect(((await error.json()) as ApiError).error.code).toBe('UNAUTHENTICATED');
  });

  it('honours q-values in Accept-Encoding', () => {
    expect(acceptedEncoding('gzip, deflate, br, zstd')).toBe('br');
    expect(acceptedEncoding('br;q=0.5, gzip')).toBe('gzip');
    expect(acceptedEncoding('br;q=0, gzip;q=0')).toBeNull();
    expect(acceptedEncoding('identity')).toBeNull();
    expect(acceptedEncoding('*')).toBe('br');
    expect(acceptedEncoding(undefined)).toBeNull();
  });
});
