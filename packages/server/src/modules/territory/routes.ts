import {
  networkListQuerySchema,
  networkPageSchema,
  pageQuerySchema,
  regionPageSchema,
  ugelListQuerySchema,
  ugelPageSchema,
} from '@acompana/core';
import { createRoute } from '@hono/zod-openapi';
import type { Deps } from '../../http/env.ts';
import { errorResponses } from '../../http/openapi.ts';
import { moduleRouter } from '../shared/router.ts';
import { listNetworks, listRegions, listUgels } from './queries.ts';

const regionsRoute = createRoute({
  method: 'get',
  path: '/regions',
  summary: 'Regiones (DRE) dentro del ámbito de quien consulta',
  request: { query: pageQuerySchema },
  responses: {
    200: {
      description: 'Página de regiones',
      content: { 'application/json': { schema: regionPageSchema } },
    },
    ...errorResponses(400, 401, 403),
  },
});

const ugelsRoute = createRoute({
  method: 'get',
  path: '/ugels',
  summary: 'UGEL dentro del ámbito de quien consulta (filtro: región)',
  request: { query: ugelListQuerySchema },
  responses: {
    200: {
      description: 'Página de UGEL',
      content: { 'application/json': { schema: ugelPageSchema } },
    },
    ...errorResponses(400, 401, 403),
  },
});

const networksRoute = createRoute({
  method: 'get',
  path: '/networks',
  summary: 'Redes educativas rurales dentro del ámbito de quien consulta (filtro: UGEL)',
  request: { query: networkListQuerySchema },
  responses: {
    200: {
      description: 'Página de redes',
      content: { 'application/json': { schema: networkPageSchema } },
    },
    ...errorResponses(400, 401, 403),
  },
});

export function territoryRoutes(deps: Deps) {
  const app = moduleRouter();
  app.openapi(regionsRoute, async (c) =>
    c.json(await listRegions(deps.db, c.get('auth').actor, c.req.valid('query')), 200),
  );
  app.openapi(ugelsRoute, async (c) =>
    c.json(await listUgels(deps.db, c.get('auth').actor, c.req.valid('query')), 200),
  );
  app.openapi(networksRoute, async (c) =>
    c.json(await listNetworks(deps.db, c.get('auth').actor, c.req.valid('query')), 200),
  );
  return app;
}
