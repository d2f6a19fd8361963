import {
  caseloadAssignSchema,
  caseloadEndSchema,
  caseloadListQuerySchema,
  caseloadMoveSchema,
  caseloadPageSchema,
  caseloadParamsSchema,
  caseloadWriteResultSchema,
  currentSchoolYear,
  proposalDecisionResultSchema,
  proposalDecisionSchema,
  proposalListSchema,
  proposalQuerySchema,
  warningsQuerySchema,
  warningsSchema,
  yearOpeningSchema,
  yearParamsSchema,
} from '@acompana/core';
import { createRoute } from '@hono/zod-openapi';
import type { Deps } from '../../http/env.ts';
import { errorResponses } from '../../http/openapi.ts';
import { moduleRouter } from '../shared/router.ts';
import { endCaseload, moveCaseload } from './changes.ts';
import { listCaseloads } from './queries.ts';
import { rosterWarnings } from './warnings.ts';
import { assignCaseload } from './writes.ts';
import { decideProposals, listProposals, openYear } from './year.ts';

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

const openYearRoute = createRoute({
  method: 'post',
  path: '/school-years/{year}/open',
  summary: 'Abre el año escolar siguiente: copia las metas que falten y propone las asignaciones',
  description:
    'Equipo MINEDU y especialista de UGEL (las propuestas de su UGEL). Solo el año siguiente al actual (YEAR_NOT_NEXT). Se puede repetir: solo propone lo que falta.',
  request: { params: yearParamsSchema },
  responses: {
    200: {
      description: 'Año abierto',
      content: { 'application/json': { schema: yearOpeningSchema } },
    },
    ...errorResponses(400, 401, 403, 422),
  },
});

const proposalsRoute = createRoute({
  method: 'get',
  path: '/caseloads/proposals',
  summary: 'Asignaciones propuestas para el año siguiente, por confirmar',
  request: { query: proposalQuerySchema },
  responses: {
    200: {
      description: 'Propuestas pendientes',
      content: { 'application/json': { schema: proposalListSchema } },
    },
    ...errorResponses(400, 401, 403),
  },
});

const decideRoute = createRoute({
  method: 'post',
  path: '/caseloads/proposals/decide',
  summary: 'Confirma o descarta asignaciones propuestas (todo o nada)',
  request: {
    body: { content: { 'application/json': { schema: proposalDecisionSchema } }, required: true },
  },
  responses: {
    200: {
      description: 'Propuestas decididas',
      content: { 'application/json': { schema: proposalDecisionResultSchema } },
    },
    ...errorResponses(400, 401, 403, 404, 409),
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
  app.openapi(openYearRoute, async (c) =>
    c.json(await openYear(deps.db, c.get('auth').actor, c.req.valid('param').year), 200),
  );
  app.openapi(proposalsRoute, async (c) =>
    c.json(
      await listProposals(
        deps.db,
        c.get('auth').actor,
        c.req.valid('query').year ?? currentSchoolYear() + 1,
      ),
      200,
    ),
  );
  app.openapi(decideRoute, async (c) => {
    const { ids, decision } = c.req.valid('json');
    return c.json(await decideProposals(deps.db, c.get('auth').actor, ids, decision), 200);
  });
  return app;
}
