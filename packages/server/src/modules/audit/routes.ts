import { accessLogPageSchema, accessLogQuerySchema } from '@acompana/core';
import { createRoute } from '@hono/zod-openapi';
import type { Deps } from '../../http/env.ts';
import { errorResponses } from '../../http/openapi.ts';
import { moduleRouter } from '../shared/router.ts';
import { accessLog } from './access-log.ts';

const accessLogRoute = createRoute({
  method: 'get',
  path: '/me/audit',
  summary: 'Quién consultó mi información',
  description:
    'Al docente: cada lectura de su información por otra persona (quién, con qué rol, cuándo y qué), de la más reciente a la más antigua. Otros roles: 403.',
  request: { query: accessLogQuerySchema },
  responses: {
    200: {
      description: 'Una página de consultas',
      content: { 'application/json': { schema: accessLogPageSchema } },
    },
    ...errorResponses(400, 401, 403),
  },
});

export function auditRoutes(deps: Deps) {
  const app = moduleRouter();
  app.openapi(accessLogRoute, async (c) =>
    c.json(await accessLog(deps.db, c.get('auth').actor, c.req.valid('query')), 200),
  );
  return app;
}
