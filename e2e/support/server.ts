import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// Starting and stopping the real server (`acompana start`) for the end-to-end suite.

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const resultsDir = path.join(repoRoot, 'e2e', 'test-results');

// Seeding the demo year on a busy 2-core machine can take over a minute.
const HEALTH_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 10_000;

/** Asks the OS for a free TCP port on 127.0.0.1 (bind to 0, read the port, release it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      if (address === null || typeof address === 'string') {
        probe.close();
        reject(new Error('No se pudo obtener un puerto libre.'));
        return;
      }
      probe.close(() => resolve(address.port));
    });
  });
}

/** Runs a command to completion, streaming its output; rejects with the output on failure. */
export function run(
  command: string,
  args: string[],
  label: string,
  extraEnv: NodeJS.ProcessEnv = {},
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: repoRoot,
      // vitest sets NODE_ENV=test; the app under test must be the production build users get.
      env: { ...process.env, NODE_ENV: 'production', ...extraEnv },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (code === 0) resolve();
      else
        reject(
          new Error(
            `${label} falló (${signal ?? `código ${code}`}): ${command} ${args.join(' ')}\n${output}`,
          ),
        );
    });
  });
}

export interface RunningServer {
  baseURL: string;
  output(): string;
  stop(): Promise<void>;
}

function exited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (exited(child)) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/**
 * Starts `node packages/server/bin/acompana.mjs start` on a free port with the given data dir
 * (a fresh directory means a fresh, seeded PGlite database) and waits for /api/health.
 */
export async function startServer(dataDir: string): Promise<RunningServer> {
  const port = await freePort();
  const host = '127.0.0.1';
  const baseURL = `http://${host}:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: host,
    ACOMPANA_DATA_DIR: dataDir,
  };
  // Always the embedded database: never reuse a PostgreSQL the caller may have configured.
  delete env.DATABASE_URL;
  delete env.PUBLIC_ORIGIN;
  delete env.TRUST_PROXY;
  if (env.NODE_ENV === 'production') delete env.NODE_ENV;

  const child = spawn(
    process.execPath,
    [path.join('packages', 'server', 'bin', 'acompana.mjs'), 'start'],
    {
      cwd: repoRoot,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  // Safety net if the run is interrupted before teardown: never leave a server behind.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const spawnFailure: { error: Error | null } = { error: null };
  child.once('error', (error) => {
    spawnFailure.error = error;
  });

  const stop = async () => {
    process.off('exit', killOnExit);
    if (!exited(child)) {
      child.kill('SIGTERM');
      if (!(await waitForExit(child, STOP_TIMEOUT_MS))) {
        child.kill('SIGKILL');
        await waitForExit(child, STOP_TIMEOUT_MS);
      }
    }
    mkdirSync(resultsDir, { recursive: true });
    writeFileSync(path.join(resultsDir, 'server.log'), output);
  };

  const started = Date.now();
  let lastProblem = 'sin respuesta todavía';
  while (Date.now() - started < HEALTH_TIMEOUT_MS) {
    if (spawnFailure.error) {
      lastProblem = `no se pudo ejecutar el servidor: ${String(spawnFailure.error)}`;
    }
    if (spawnFailure.error || exited(child)) {
      await stop();
      throw new Error(
        `El servidor terminó antes de estar listo (${child.signalCode ?? `código ${child.exitCode}`}; ${lastProblem}).\n--- salida del servidor ---\n${output}`,
      );
    }
    try {
      const res = await fetch(`${baseURL}/api/health`, { signal: AbortSignal.timeout(2_000) });
      const body = await res.text();
      if (res.ok && JSON.parse(body).status === 'ok') {
        return { baseURL, output: () => output, stop };
      }
      lastProblem = `/api/health respondió ${res.status}: ${body.slice(0, 200)}`;
    } catch (error) {
      lastProblem = String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stop();
  throw new Error(
    `El servidor no respondió /api/health en ${HEALTH_TIMEOUT_MS / 1000} s (último problema: ${lastProblem}).\n--- salida del servidor ---\n${output}`,
  );
}
