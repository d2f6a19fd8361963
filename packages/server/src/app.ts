import { AppError } from '@acompana/core';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { except } from 'hono/combine';
import { accountSelfRoutes } from './auth/account-routes.ts';
import { authenticate } from './auth/authenticate.ts';
import { authRoutes } from './auth/routes.ts';
import { compressJson } from './http/compress.ts';
import type { AppEnv, Deps } from './http/env.ts';
import { onError } from './http/errors.ts';
import { rejectNulInJson, rejectNulInUrl } from './http/input.ts';
import { apiRouter } from './http/openapi.ts';
import { csrfProtection, hostCheck, securityHeaders } from './http/security.ts';
import { mountWebApp } from './http/web.ts';
import { accountRoutes } from './modules/accounts/routes.ts';
import { activityRoutes } from './modules/activities/routes.ts';
import { ugelActivityRoutes } from './modules/activities/ugel-routes.ts';
import { auditRoutes } from './modules/audit/routes.ts';
import { caseloadRoutes } from './modules/caseloads/routes.ts';
import { catalogRoutes } from './modules/catalog/routes.ts';
import { coachRoutes } from './modules/coaches/routes.ts';
import { coachingRoutes } from './modules/coaching/routes.ts';
import { IMPORT_UPLOAD_PATHS, importRoutes } from './modules/imports/routes.ts';
import { instrumentRoutes } from './modules/instruments/routes.ts';
import { peopleRoutes } from './modules/people/routes.ts';
import { reportRoutes } from './modules/reports/routes.ts';
import { rosterRoutes } from './modules/rosters/routes.ts';
import { territoryRoutes } from './modules/territory/routes.ts';
import { SYNC_PUSH_PATH, syncRoutes } from './sync/routes.ts';

// Assembles the application: security middleware, the versioned API, then the web app.

export function createApp(deps: Deps, options: { serveWeb?: boolean } = {}) {
  const app = new Hono<AppEnv>();
  app.onError(onError);
  app.use('*', securityHeaders());
  app.use('/api/*', compressJson());
  app.use('*', hostCheck(deps.config));
  app.get('/api/health', (c) => c.json({ status: 'ok' }));

  const api = apiRouter();
  // File imports and sync pushes set their own, larger limits (their routes.ts).
  api.use(
    '*',
    except(
      [IMPORT_UPLOAD_PATHS, SYNC_PUSH_PATH],
      bodyLimit({
        maxSize: 1024 * 1024,
        onError: () => {
          throw new AppError('PAYLOAD_TOO_LARGE');
        },
      }),
    ),
  );
  api.use('*', csrfProtection(deps.config));
  // Every route below needs a session, except the explicit list in auth/authenticate.ts.
  api.use('*', authenticate(deps));
  api.use('*', rejectNulInUrl());
  api.use('*', except([IMPORT_UPLOAD_PATHS, SYNC_PUSH_PATH], rejectNulInJson()));
  api.route('/', authRoutes(deps));
  api.route('/', accountSelfRoutes(deps));
  api.route('/', rosterRoutes(deps));
  api.route('/', territoryRoutes(deps));
  api.route('/', coachRoutes(deps));
  api.route('/', coachingRoutes(deps));
  api.route('/', caseloadRoutes(deps));
  api.route('/', catalogRoutes(deps));
  api.route('/', importRoutes(deps));
  api.route('/', instrumentRoutes(deps));
  api.route('/', syncRoutes(deps));
  api.route('/', auditRoutes(deps));
  api.route('/', accountRoutes(deps));
  api.route('/', peopleRoutes(deps));
  api.route('/', activityRoutes(deps));
  api.route('/', ugelActivityRoutes(deps));
  api.route('/', reportRoutes(deps));
  api.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: { title: 'Acompaña API', version: '1' },
    servers: [{ url: '/api/v1' }],
  });
  app.route('/api/v1', api);
  app.all('/api/*', () => {
    throw new AppError('NOT_FOUND');
  });

  const webMounted = options.serveWeb !== false && mountWebApp(app, deps.config.webDistDir);
  return { app, webMounted };
}
