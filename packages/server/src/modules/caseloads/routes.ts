import {
  caseloadListQuerySchema,
  caseloadPageSchema,
  warningsQuerySchema,
  warningsSchema,
} from '@acompana/core';
import { createRoute } from '@hono/zod-openapi';
import type { Deps } from '../../http/env.ts';
import { errorResponses } from '../../http/openapi.ts';
import { moduleRouter } from '../shared/router.ts';
import { listCaseloads } from './queries.ts';
import { rosterWarnings } from './warnings.ts';

const caseloadsRoute = createRoute({
  method: 'get',
  path: '/caseloads',
  summary: 'Quién acompaña a quién (según la política de privacidad)',
  description:
    'Filtros: coach, teacher, school, ugel, intervention, status (current | ended | all; por defecto current). Búsqueda q por acompañante o docente; paginación con cursor. Para el formador, sin la identidad del docente.',
  request: { query: caseloadListQuerySchema },
  responses: {
    200: {
      description: 'Página de asignaciones',
      content: { 'application/json': { schema: caseloadPageSchema } },
    },
    ...errorResponses(400, 401, 403),
  },
});

const warningsRoute = createRoute({
  method: 'get',
  path: '/rosters/warnings',
  summary: 'Avisos: docentes sin acompañante, acompañantes sobre el rango, cambios de acompañante',
  request: { query: warningsQuerySchema },
  responses: {
    200: {
      description: 'Avisos en el ámbito de quien consulta',
      content: { 'application/json': { schema: warningsSchema } },
    },
    ...errorResponses(400, 401, 403),
  },
});

export function caseloadRoutes(deps: Deps) {
  const app = moduleRouter();
  app.openapi(caseloadsRoute, async (c) =>
    c.json(await listCaseloads(deps.db, c.get('auth').actor, c.req.valid('query')), 200),
  );
  app.openapi(warningsRoute, async (c) =>
    c.json(await rosterWarnings(deps.db, c.get('auth').actor, c.req.valid('query')), 200),
  );
  return app;
}
