// bench:bundle — what a phone actually downloads to show the login page and then the coach's
// home (docs/BUDGETS.md). Builds the web app, starts `acompana start` on a
// fresh PGlite data dir with the demo, and drives Debian's Chromium (playwright-core, phone
// profile, service worker blocked so every byte comes from the network): opens /, waits for
// the login form, logs in as the coach 20000001 and waits for "Mi día" and a quiet network.
// Bytes are Chromium's own count from the DevTools protocol: Network.loadingFinished
// encodedDataLength (everything received) minus the response's headers = the body as it came
// over the wire, compressed when the server compressed it; headers are reported apart. Then
// the service worker's precache list (sw.js) is fetched as Chromium asks for it
// (Accept-Encoding br, gzip) to report what installing it downloads, and what it stores.
// Last, the design system's share of those JS files (bench/design-kit.ts).
// Prints ONE JSON object; build logs and a per-file list go to stderr.
// Budgets: JS + CSS bodies on the wire for login + coach home ≤ 150 KB; precache ≤ 1 MB on the
// wire (a phone downloads it once, in the background, after the first login); the first
// screen's CSS ≤ 20 KB; the design system's share of the JS ≤ 15 KB compressed.

import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../e2e/support/chromium.ts';
import { designKitShare } from './design-kit.ts';
import { serverNodeArgs } from './launch.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'packages/web/dist');
const WIRE_BUDGET_KB = 150;
const PRECACHE_BUDGET_KB = 1024;
const FIRST_CSS_BUDGET_KB = 20;
const DESIGN_KIT_BUDGET_KB = 15;
const COACH = { dni: '20000001', password: 'acompana', home: 'Mi día' };
const log = (line: string) => process.stderr.write(`[bench:bundle] ${line}\n`);
const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;

function fail(message: string): never {
  console.error(`bench/bundle: ${message}`);
  process.exit(1);
}

function build() {
  // Child stdout goes to our stderr so stdout carries only the JSON line.
  const result = spawnSync('npm', ['run', 'build', '-w', '@acompana/web'], {
    cwd: root,
    stdio: ['ignore', process.stderr, process.stderr],
  });
  if (result.error) fail(`could not run the build: ${result.error.message}`);
  if (result.status !== 0) fail(`the build failed (exit ${result.status})`);
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });

async function startServer(dataDir: string): Promise<{ child: ChildProcess; origin: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, [...serverNodeArgs(), 'start'], {
    env: { ...process.env, PORT: String(port), DATABASE_URL: '', ACOMPANA_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (Date.now() > deadline || child.exitCode !== null) fail(`server did not start:\n${output}`);
    try {
      if ((await fetch(`${origin}/api/health`)).ok) return { child, origin };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

interface Transfer {
  url: string;
  type: string;
  encoding: string;
  /** Everything received for the request: headers and the (compressed) body. */
  bytes: number;
  /** The body as it came over the wire (compressed when the server compressed it). */
  body: number;
}

/** Records every response the page receives, with Chromium's count of bytes on the wire. */
async function recordTransfers(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  const pending = new Map<string, Omit<Transfer, 'bytes' | 'body'> & { headers: number }>();
  const done: Transfer[] = [];
  let inFlight = 0;
  let lastActivity = Date.now();
  cdp.on('Network.requestWillBeSent', () => {
    inFlight += 1;
    lastActivity = Date.now();
  });
  cdp.on('Network.responseReceived', (e) => {
    const headers = Object.fromEntries(
      Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), String(v)]),
    );
    pending.set(e.requestId, {
      url: new URL(e.response.url).pathname,
      type: e.type,
      encoding: headers['content-encoding'] ?? 'identity',
      headers: e.response.encodedDataLength,
    });
  });
  cdp.on('Network.loadingFinished', (e) => {
    inFlight -= 1;
    lastActivity = Date.now();
    const seen = pending.get(e.requestId);
    if (seen) {
      const { headers, ...rest } = seen;
      done.push({ ...rest, bytes: e.encodedDataLength, body: e.encodedDataLength - headers });
    }
  });
  cdp.on('Network.loadingFailed', () => {
    inFlight -= 1;
    lastActivity = Date.now();
  });
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  return {
    /** Transfers since the last call. */
    take(): Transfer[] {
      return done.splice(0, done.length);
    },
    /** Resolves when nothing has been on the network for `quietMs`. */
    async quiet(quietMs = 750): Promise<void> {
      while (inFlight > 0 || Date.now() - lastActivity < quietMs) {
        await new Promise((r) => setTimeout(r, 50));
      }
    },
  };
}

function summarize(transfers: Transfer[]) {
  const sum = (pick: (t: Transfer) => boolean) =>
    kb(transfers.filter(pick).reduce((n, t) => n + t.body, 0));
  const isJs = (t: Transfer) => t.type === 'Script' || t.url.endsWith('.js');
  const isCss = (t: Transfer) => t.type === 'Stylesheet' || t.url.endsWith('.css');
  const isApi = (t: Transfer) => t.url.startsWith('/api/');
  return {
    js_kb: sum(isJs),
    css_kb: sum(isCss),
    api_kb: sum(isApi),
    other_kb: sum((t) => !isJs(t) && !isCss(t) && !isApi(t)),
    headers_kb: kb(transfers.reduce((n, t) => n + t.bytes - t.body, 0)),
    requests: transfers.length,
    uncompressed_js_css: transfers
      .filter((t) => (isJs(t) || isCss(t)) && t.encoding === 'identity')
      .map((t) => t.url),
  };
}

/** GET as Chromium asks for it; returns body bytes as received and as decoded by the browser. */
function wireSize(origin: string, pathname: string): Promise<{ wire: number; encoding: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(
        `${origin}${pathname}`,
        { headers: { 'accept-encoding': 'gzip, deflate, br, zstd' } },
        (res) => {
          let wire = 0;
          res.on('data', (d: Buffer) => (wire += d.length));
          res.on('end', () =>
            resolve({ wire, encoding: String(res.headers['content-encoding'] ?? 'identity') }),
          );
          res.on('error', reject);
        },
      )
      .on('error', reject);
  });
}

/** The service worker's precache list, read from the generated sw.js. */
function precacheEntries(): string[] {
  const sw = fs.readFileSync(path.join(dist, 'sw.js'), 'utf8');
  const urls = [...sw.matchAll(/\{url:"([^"]+)",revision:/g)].map((m) => m[1] as string);
  if (urls.length === 0) fail('no precache entries found in dist/sw.js');
  return urls;
}

async function main() {
  build();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'acompana-bench-bundle-'));
  const { child, origin } = await startServer(dataDir);
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({
      viewport: { width: 375, height: 812 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      locale: 'es-PE',
      timezoneId: 'America/Lima',
      serviceWorkers: 'block',
      baseURL: origin,
    });
    const page = await context.newPage();
    const net = await recordTransfers(page);

    await page.goto('/');
    await page.getByRole('button', { name: 'Ingresar', exact: true }).waitFor();
    await net.quiet();
    const login = net.take();

    await page.getByLabel('DNI', { exact: true }).fill(COACH.dni);
    await page.getByLabel('Contraseña', { exact: true }).fill(COACH.password);
    await page.getByRole('button', { name: 'Ingresar', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: COACH.home, exact: true }).waitFor();
    await net.quiet();
    const home = net.take();
    await context.close();

    let precacheWire = 0;
    let precacheStored = 0;
    const entries = precacheEntries();
    for (const url of entries) {
      const pathname = url.startsWith('/') ? url : `/${url}`;
      precacheWire += (await wireSize(origin, pathname)).wire;
      precacheStored += fs.statSync(path.join(dist, pathname)).size;
    }

    for (const t of [...login, ...home]) {
      log(`${t.url} ${t.type} ${t.encoding} body ${t.body} B, total ${t.bytes} B`);
    }
    const loginSummary = summarize(login);
    const homeSummary = summarize(home);
    const wireJsCss =
      loginSummary.js_kb + loginSummary.css_kb + homeSummary.js_kb + homeSummary.css_kb;
    const jsPaths = [...login, ...home]
      .map((t) => t.url)
      .filter((url) => url.startsWith('/assets/') && url.endsWith('.js'));
    const kit = designKitShare(path.join(root, 'packages/web'), jsPaths, log);
    const designSystem = {
      js_kb: kb(kit.kitBytes),
      budget_kb: DESIGN_KIT_BUDGET_KB,
      raw_kb: kb(kit.kitRawBytes),
      of_raw_kb: kb(kit.filesRawBytes),
    };
    const result = {
      js_css_wire_kb: Math.round(wireJsCss * 10) / 10,
      budget_kb: WIRE_BUDGET_KB,
      login: loginSummary,
      coach_home: homeSummary,
      all_wire_kb: kb([...login, ...home].reduce((n, t) => n + t.bytes, 0)),
      precache: {
        files: entries.length,
        wire_kb: kb(precacheWire),
        stored_kb: kb(precacheStored),
        budget_kb: PRECACHE_BUDGET_KB,
        has_html2canvas: entries.some((u) => /html2canvas/i.test(u)),
      },
      first_css_budget_kb: FIRST_CSS_BUDGET_KB,
      design_system: designSystem,
      within_budget:
        wireJsCss <= WIRE_BUDGET_KB &&
        kb(precacheWire) <= PRECACHE_BUDGET_KB &&
        loginSummary.css_kb <= FIRST_CSS_BUDGET_KB &&
        designSystem.js_kb <= DESIGN_KIT_BUDGET_KB,
    };
    process.stdout.write(`${JSON.stringify(result)}\n`);
    if (!result.within_budget) process.exitCode = 1;
  } finally {
    await browser.close();
    await new Promise((resolve) => {
      if (child.exitCode !== null) return resolve(null);
      child.once('exit', resolve);
      child.kill('SIGTERM');
    });
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
