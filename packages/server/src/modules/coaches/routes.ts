import { coachDetailSchema, coachListQuerySchema, coachPageSchema, idSchema } from '@acompana/core';
import { createRoute, z } from '@hono/zod-openapi';
import type { Deps } from '../../http/env.ts';
import { errorResponses } from '../../http/openapi.ts';
import { moduleRouter } from '../shared/router.ts';
import { getCoach, listCoaches } from './queries.ts';

const coachesRoute = createRoute({
  method: 'get',
  path: '/coaches',
  summary: 'Acompañantes visibles para quien consulta, con el tamaño de su grupo',
  description:
    'Filtros: kind, specialty, ugel, network, school, aboveRange. Búsqueda q por nombre o DNI; paginación con cursor.',
  request: { query: coachListQuerySchema },
  responses: {
    200: {
      description: 'Página de acompañantes',
      content: { 'application/json': { schema: coachPageSchema } },
    },
    ...errorResponses(400, 401, 403),
  },
});

const coachRoute = createRoute({
  method: 'get',
  path: '/coaches/{id}',
  summary: 'Ficha de un acompañante: perfil, grupo actual y equipos de red',
  request: { params: z.object({ id: idSchema }) },
  responses: {
    200: {
      description: 'Ficha del acompañante',
      content: { 'application/json': { schema: coachDetailSchema } },
    },
    ...errorResponses(400, 401, 403, 404),
  },
});

export function coachRoutes(deps: Deps) {
  const app = moduleRouter();
  // '/coaches/*' also matches '/coaches' itself.
  app.openapi(coachesRoute, async (c) =>
    c.json(await listCoaches(deps.db, c.get('auth').actor, c.req.valid('query')), 200),
  );
  app.openapi(coachRoute, async (c) =>
    c.json(await getCoach(deps.db, c.get('auth').actor, c.req.valid('param').id), 200),
  );
  return app;
}
