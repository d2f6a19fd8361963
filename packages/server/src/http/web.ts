import { existsSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '@acompana/core';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Hono, MiddlewareHandler } from 'hono';
import type { AppEnv } from './env.ts';

// Serves the built web app (docs/ARCHITECTURE.md, "Web delivery"): the brotli or gzip file the
// build wrote beside each asset when the browser accepts it; hashed files (assets/, workbox-*)
// cached for a year as immutable, everything else (index.html, sw.js, the manifest)
// revalidated on every load so an update is seen at once. A missing file under /assets/ is a
// 404 — answering the HTML shell would make the browser run HTML as a script, and a service
// worker cache it as the asset. Other unknown paths get index.html: client-side routes
// survive a reload.

/** Vite's and Workbox's content-hashed file names: name-<8+ chars of hash>.ext. */
const HASHED = /^\/(assets\/.+|workbox-[0-9a-f]{8,})\.[a-z0-9]+$/i;

/** Cache and Vary headers of a web-app file (set after serveStatic has built the answer). */
function cacheHeaders(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    if (c.req.path.startsWith('/api/') || (c.res.status !== 200 && c.res.status !== 206)) return;
    const immutable = HASHED.test(c.req.path);
    c.res.headers.set(
      'Cache-Control',
      immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    );
    if (
      /^(text\/|application\/(javascript|json|manifest\+json)|image\/svg)/.test(
        c.res.headers.get('Content-Type') ?? '',
      )
    ) {
      c.res.headers.set('Vary', 'Accept-Encoding');
    }
  };
}

export function mountWebApp(app: Hono<AppEnv>, distDir: string): boolean {
  if (!existsSync(path.join(distDir, 'index.html'))) return false;
  app.use('*', cacheHeaders());
  app.use('/assets/*', serveStatic({ root: distDir, precompressed: true }));
  app.all('/assets/*', () => {
    throw new AppError('NOT_FOUND', 'Ese archivo de la aplicación no existe.');
  });
  app.use('*', serveStatic({ root: distDir, precompressed: true }));
  app.get('*', serveStatic({ root: distDir, path: 'index.html', precompressed: true }));
  return true;
}
