import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { type BrowserServer, chromium } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { CHROMIUM_ARGS, chromiumPath } from './support/chromium.ts';
import { type RunningServer, run, startServer } from './support/server.ts';

// Once per `npm run test:e2e`: build the web app from the current sources, start the server on
// a fresh database, launch one headless Chromium that every spec file connects to; tear all
// of it down afterwards.

export default async function setup(project: TestProject) {
  const log = (line: string) => console.log(`[e2e] ${line}`);
  let server: RunningServer | null = null;
  let browserServer: BrowserServer | null = null;
  let dataDir: string | null = null;

  const teardown = async () => {
    await browserServer?.close().catch((error) => log(`no se pudo cerrar Chromium: ${error}`));
    await server?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  };

  try {
    let t = Date.now();
    // The production build plus the component gallery (/galeria), which specs/gallery checks.
    await run('npm', ['run', 'build', '-w', '@acompana/web'], 'La compilación de la web', {
      VITE_GALLERY: '1',
    });
    log(`web compilada en ${Date.now() - t} ms`);

    t = Date.now();
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'acompana-e2e-'));
    server = await startServer(dataDir);
    log(`servidor listo en ${server.baseURL} (${Date.now() - t} ms, datos en ${dataDir})`);

    t = Date.now();
    browserServer = await chromium.launchServer({
      executablePath: chromiumPath(),
      args: CHROMIUM_ARGS,
    });
    log(`Chromium iniciado en ${Date.now() - t} ms`);
  } catch (error) {
    await teardown();
    throw error;
  }

  project.provide('baseURL', server.baseURL);
  project.provide('wsEndpoint', browserServer.wsEndpoint());
  return teardown;
}
