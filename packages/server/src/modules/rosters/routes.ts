import { pageQuerySchema, schoolPageSchema, teacherPageSchema } from '@acompana/core';
import { createRoute } from '@hono/zod-openapi';
import { requireAuth } from '../../auth/middleware.ts';
import type { Deps } from '../../http/env.ts';
import { apiRouter, errorResponses } from '../../http/openapi.ts';
import { listSchools, listTeachers } from './queries.ts';

const teachersRoute = createRoute({
  method: 'get',
  path: '/teachers',
  summary: 'Docentes visibles para quien consulta (según la política de privacidad)',
  request: { query: pageQuerySchema },
  responses: {
    200: {
      description: 'Página de docentes',
      content: { 'application/json': { schema: teacherPageSchema } },
    },
    ...errorResponses(400, 401, 403),
  },
});

const schoolsRoute = createRoute({
  method: 'get',
  path: '/schools',
  summary: 'Instituciones educativas dentro del ámbito de quien consulta',
  request: { query: pageQuerySchema },
  responses: {
    200: {
      description: 'Página de instituciones',
      content: { 'application/json': { schema: schoolPageSchema } },
    },
    ...errorResponses(400, 401, 403),
  },
});

export function rosterRoutes(deps: Deps) {
  const app = apiRouter();
  app.use('/teachers', requireAuth(deps));
  app.use('/schools', requireAuth(deps));
  app.openapi(teachersRoute, async (c) =>
    c.json(await listTeachers(deps.db, c.get('auth').actor, c.req.valid('query')), 200),
  );
  app.openapi(schoolsRoute, async (c) =>
    c.json(await listSchools(deps.db, c.get('auth').actor, c.req.valid('query')), 200),
  );
  return app;
}
