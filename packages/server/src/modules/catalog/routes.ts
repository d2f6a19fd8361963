import {
  activityTypeCreateBodySchema,
  activityTypeParamsSchema,
  activityTypeUpdateBodySchema,
  enrollmentListQuerySchema,
  enrollmentPageSchema,
  interventionListSchema,
  interventionParamsSchema,
  interventionSchema,
  ownActivityTypeListSchema,
  ownActivityTypeSchema,
  stageLadderPutBodySchema,
  targetsCopyBodySchema,
  targetsPutBodySchema,
  targetsSchema,
  targetYearQuerySchema,
  targetYearRequiredSchema,
} from '@acompana/core';
import { createRoute } from '@hono/zod-openapi';
import type { Deps } from '../../http/env.ts';
import { errorResponses } from '../../http/openapi.ts';
import { moduleRouter } from '../shared/router.ts';
import { createActivityType, listActivityTypes, updateActivityType } from './activity-types.ts';
import { listEnrollments } from './enrollments.ts';
import { putStageLadder } from './ladder.ts';
import { copyTargets, getTargets, listInterventions, putTargets } from './targets.ts';

const targets = (description: string) => ({
  description,
  content: { 'application/json': { schema: targetsSchema } },
});

const interventionsRoute = createRoute({
  method: 'get',
  path: '/interventions',
  summary: 'Las intervenciones del programa y los años que tienen metas',
  responses: {
    200: {
      description: 'Intervenciones',
      content: { 'application/json': { schema: interventionListSchema } },
    },
    ...errorResponses(401, 403),
  },
});

const getTargetsRoute = createRoute({
  method: 'get',
  path: '/interventions/{code}/targets',
  summary: 'Metas físicas de una intervención en un año escolar (por defecto, el actual)',
  request: { params: interventionParamsSchema, query: targetYearQuerySchema },
  responses: { 200: targets('Metas del año'), ...errorResponses(400, 401, 403, 404) },
});

const putTargetsRoute = createRoute({
  method: 'put',
  path: '/interventions/{code}/targets',
  summary: 'Reemplaza las metas de un año escolar (solo equipo MINEDU; no años pasados)',
  request: {
    params: interventionParamsSchema,
    query: targetYearRequiredSchema,
    body: { required: true, content: { 'application/json': { schema: targetsPutBodySchema } } },
  },
  responses: { 200: targets('Metas guardadas'), ...errorResponses(400, 401, 403, 404) },
});

const copyTargetsRoute = createRoute({
  method: 'post',
  path: '/interventions/{code}/targets/copy',
  summary: 'Copia las metas de un año a otro (solo equipo MINEDU; el destino no puede ser pasado)',
  request: {
    params: interventionParamsSchema,
    body: { required: true, content: { 'application/json': { schema: targetsCopyBodySchema } } },
  },
  responses: { 200: targets('Metas copiadas'), ...errorResponses(400, 401, 403, 404) },
});

const putLadderRoute = createRoute({
  method: 'put',
  path: '/interventions/{code}/stage-ladder',
  summary:
    'Configura la escalera de etapas de progreso de una intervención (solo equipo MINEDU; null vuelve a la escalera por defecto)',
  request: {
    params: interventionParamsSchema,
    body: { required: true, content: { 'application/json': { schema: stageLadderPutBodySchema } } },
  },
  responses: {
    200: {
      description: 'La intervención con su escalera',
      content: { 'application/json': { schema: interventionSchema } },
    },
    ...errorResponses(400, 401, 403, 404),
  },
});

const ownType = (description: string) => ({
  description,
  content: { 'application/json': { schema: ownActivityTypeSchema } },
});

const listTypesRoute = createRoute({
  method: 'get',
  path: '/interventions/{code}/activity-types',
  summary: 'Tipos de actividad propios de una intervención (además de los del sistema)',
  request: { params: interventionParamsSchema },
  responses: {
    200: {
      description: 'Tipos propios, activos y desactivados',
      content: { 'application/json': { schema: ownActivityTypeListSchema } },
    },
    ...errorResponses(400, 401, 403, 404),
  },
});

const createTypeRoute = createRoute({
  method: 'post',
  path: '/interventions/{code}/activity-types',
  summary: 'Agrega un tipo de actividad a una intervención (solo equipo MINEDU)',
  request: {
    params: interventionParamsSchema,
    body: {
      required: true,
      content: { 'application/json': { schema: activityTypeCreateBodySchema } },
    },
  },
  responses: { 201: ownType('Tipo agregado'), ...errorResponses(400, 401, 403, 404, 409) },
});

const updateTypeRoute = createRoute({
  method: 'patch',
  path: '/interventions/{code}/activity-types/{type}',
  summary: 'Cambia el nombre de un tipo de actividad o lo desactiva (solo equipo MINEDU)',
  request: {
    params: activityTypeParamsSchema,
    body: {
      required: true,
      content: { 'application/json': { schema: activityTypeUpdateBodySchema } },
    },
  },
  responses: { 200: ownType('Tipo actualizado'), ...errorResponses(400, 401, 403, 404, 409) },
});

const enrollmentsRoute = createRoute({
  method: 'get',
  path: '/enrollments',
  summary: 'Instituciones en intervenciones: cohorte, año 1/2/3, estado y egreso',
  description:
    'Filtros: intervention, cohortYear, status, ugel, school. Búsqueda q por nombre o código modular; paginación con cursor.',
  request: { query: enrollmentListQuerySchema },
  responses: {
    200: {
      description: 'Página de matrículas',
      content: { 'application/json': { schema: enrollmentPageSchema } },
    },
    ...errorResponses(400, 401, 403),
  },
});

export function catalogRoutes(deps: Deps) {
  const app = moduleRouter();
  app.openapi(interventionsRoute, async (c) =>
    c.json({ items: await listInterventions(deps.db, c.get('auth').actor) }, 200),
  );
  app.openapi(getTargetsRoute, async (c) => {
    const { code } = c.req.valid('param');
    const { year } = c.req.valid('query');
    return c.json(await getTargets(deps.db, c.get('auth').actor, code, year), 200);
  });
  app.openapi(putTargetsRoute, async (c) => {
    const { code } = c.req.valid('param');
    const { year } = c.req.valid('query');
    const { rules } = c.req.valid('json');
    return c.json(await putTargets(deps.db, c.get('auth').actor, code, year, rules), 200);
  });
  app.openapi(copyTargetsRoute, async (c) => {
    const { code } = c.req.valid('param');
    const { fromYear, toYear } = c.req.valid('json');
    return c.json(await copyTargets(deps.db, c.get('auth').actor, code, fromYear, toYear), 200);
  });
  app.openapi(putLadderRoute, async (c) => {
    const { code } = c.req.valid('param');
    const { ladder } = c.req.valid('json');
    return c.json(await putStageLadder(deps.db, c.get('auth').actor, code, ladder), 200);
  });
  app.openapi(listTypesRoute, async (c) => {
    const { code } = c.req.valid('param');
    return c.json({ items: await listActivityTypes(deps.db, c.get('auth').actor, code) }, 200);
  });
  app.openapi(createTypeRoute, async (c) => {
    const { code } = c.req.valid('param');
    const body = c.req.valid('json');
    return c.json(await createActivityType(deps.db, c.get('auth').actor, code, body), 201);
  });
  app.openapi(updateTypeRoute, async (c) => {
    const { code, type } = c.req.valid('param');
    const body = c.req.valid('json');
    return c.json(await updateActivityType(deps.db, c.get('auth').actor, code, type, body), 200);
  });
  app.openapi(enrollmentsRoute, async (c) =>
    c.json(await listEnrollments(deps.db, c.get('auth').actor, c.req.valid('query')), 200),
  );
  return app;
}
