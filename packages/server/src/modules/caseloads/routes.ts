import {
  caseloadAssignSchema,
  caseloadEndSchema,
  caseloadListQuerySchema,
  caseloadMoveSchema,
  caseloadPageSchema,
  caseloadParamsSchema,
  caseloadWriteResultSchema,
  warningsQuerySchema,
  warningsSchema,
} from '@acompana/core';
import { createRoute } from '@hono/zod-openapi';
import type { Deps } from '../../http/env.ts';
import { errorResponses } from '../../http/openapi.ts';
import { moduleRouter } from '../shared/router.ts';
import { listCaseloads } from './queries.ts';
import { rosterWarnings } from './warnings.ts';
import { assignCaseload, endCaseload, moveCaseload } from './writes.ts';

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

const written = (description: string) => ({
  description,
  content: { 'application/json': { schema: caseloadWriteResultSchema } },
});

const assignRoute = createRoute({
  method: 'post',
  path: '/caseloads',
  summary: 'Asigna docentes a un acompañante (uno, una selección o los de una institución)',
  description:
    'Especialista de UGEL (en su UGEL) y equipo MINEDU. Todo o nada: si un docente no se puede asignar, no se guarda ninguno. Si el docente tuvo otro acompañante en la intervención este año o el anterior, es un cambio de acompañante y exige motivo (CASELOAD_REASON_REQUIRED).',
  request: {
    body: { content: { 'application/json': { schema: caseloadAssignSchema } }, required: true },
  },
  responses: { 201: written('Asignaciones creadas'), ...errorResponses(400, 401, 403, 409, 422) },
});

const endRoute = createRoute({
  method: 'post',
  path: '/caseloads/{caseloadId}/end',
  summary: 'Termina una asignación (queda en el historial con su fecha de fin)',
  request: {
    params: caseloadParamsSchema,
    body: { content: { 'application/json': { schema: caseloadEndSchema } }, required: true },
  },
  responses: {
    200: written('Asignación terminada'),
    ...errorResponses(400, 401, 403, 404, 409, 422),
  },
});

const moveRoute = createRoute({
  method: 'post',
  path: '/caseloads/{caseloadId}/move',
  summary:
    'Cambia al docente de acompañante, con motivo (la asignación anterior termina el día antes)',
  request: {
    params: caseloadParamsSchema,
    body: { content: { 'application/json': { schema: caseloadMoveSchema } }, required: true },
  },
  responses: {
    200: written('Docente cambiado de acompañante'),
    ...errorResponses(400, 401, 403, 404, 409, 422),
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
  app.openapi(assignRoute, async (c) =>
    c.json(await assignCaseload(deps.db, c.get('auth').actor, c.req.valid('json')), 201),
  );
  app.openapi(endRoute, async (c) => {
    const { caseloadId } = c.req.valid('param');
    return c.json(
      await endCaseload(deps.db, c.get('auth').actor, caseloadId, c.req.valid('json')),
      200,
    );
  });
  app.openapi(moveRoute, async (c) => {
    const { caseloadId } = c.req.valid('param');
    return c.json(
      await moveCaseload(deps.db, c.get('auth').actor, caseloadId, c.req.valid('json')),
      200,
    );
  });
  return app;
}
