// Measures `acompana start` on PGlite: seconds until /api/health answers on a new data dir
// (initdb + migrations + demo seed) and on the same dir again, plus the server's RSS.
// Prints one JSON object. Budgets (docs/BUDGETS.md): ≤ 15 s new (issue 2), ≤ 5 s existing,
// ≤ 300 MB.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { serverNodeArgs } from './launch.ts';

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

async function run(dataDir: string): Promise<{ seconds: number; rss: number }> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [...serverNodeArgs(), 'start'], {
    env: { ...process.env, ACOMPANA_DATA_DIR: dataDir, PORT: String(port), DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const deadline = started + 60_000;
  for (;;) {
    if (performance.now() > deadline || child.exitCode !== null) {
      child.kill('SIGKILL');
      throw new Error(`el servidor no arrancó:\n${output}`);
    }
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  const seconds = (performance.now() - started) / 1000;
  const rss = rssMb(child.pid ?? 0);
  await new Promise((resolve) => {
    child.once('exit', resolve);
    child.kill('SIGTERM');
  });
  return { seconds: Math.round(seconds * 100) / 100, rss };
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'acompana-bench-start-'));
try {
  const fresh = await run(dataDir);
  const again = await run(dataDir);
  console.log(
    JSON.stringify({
      new_data_dir_s: fresh.seconds,
      existing_data_dir_s: again.seconds,
      server_rss_mb: Math.max(fresh.rss, again.rss),
      rss_new: fresh.rss,
      rss_existing: again.rss,
    }),
  );
} finally {
  fs.rmSync(dataDir, { recursive: true, force: true });
}
