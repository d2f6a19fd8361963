import {
  idSchema,
  ugelActivitiesSchema,
  ugelActivityOptionsSchema,
  ugelActivitySavedSchema,
  ugelActivitySchema,
  ugelActivityWriteSchema,
} from '@acompana/core';
import { createRoute, z } from '@hono/zod-openapi';
import type { Deps } from '../../http/env.ts';
import { errorResponses } from '../../http/openapi.ts';
import { moduleRouter } from '../shared/router.ts';
import {
  getUgelActivity,
  listUgelActivities,
  ugelActivityOptions,
  writeUgelActivity,
} from './ugel.ts';

// The UGEL specialist's UGEL-wide talleres (docs/ACTIVITIES.md, "Organisers"): online reads
// and one write route that pushes the `activity` record through sync as the specialist.

const NOT_SPECIALIST = 'Otros roles: 403.';

const listRoute = createRoute({
  method: 'get',
  path: '/ugel-activities',
  summary: 'Talleres y jornadas que organiza el especialista de UGEL',
  description: `Las actividades del año escolar que organiza quien consulta, completas, con cuántos docentes asistieron y quiénes (días asistidos); nunca las reflexiones. La lectura queda registrada. ${NOT_SPECIALIST}`,
  request: { query: z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() }) },
  responses: {
    200: {
      description: 'Actividades organizadas',
      content: { 'application/json': { schema: ugelActivitiesSchema } },
    },
    ...errorResponses(400, 401, 403),
  },
});

const optionsRoute = createRoute({
  method: 'get',
  path: '/ugel-activities/options',
  summary: 'Sedes, redes, acompañantes y docentes de la UGEL para invitar',
  description: `Instituciones, redes, intervenciones, acompañantes y docentes con plaza este año en la UGEL del especialista. ${NOT_SPECIALIST}`,
  responses: {
    200: {
      description: 'Opciones del formulario',
      content: { 'application/json': { schema: ugelActivityOptionsSchema } },
    },
    ...errorResponses(401, 403),
  },
});

const getRoute = createRoute({
  method: 'get',
  path: '/ugel-activities/{id}',
  summary: 'Una actividad que organiza el especialista de UGEL',
  description: `Solo su organizador; otra actividad o un id inexistente: 404. ${NOT_SPECIALIST}`,
  request: { params: z.object({ id: idSchema }) },
  responses: {
    200: {
      description: 'La actividad',
      content: { 'application/json': { schema: ugelActivitySchema } },
    },
    ...errorResponses(400, 401, 403, 404),
  },
});

const putRoute = createRoute({
  method: 'put',
  path: '/ugel-activities/{id}',
  summary: 'Crear o editar un taller de UGEL',
  description:
    'Crea (baseVersion 0, un id nuevo) o edita la actividad cuyo organizador es el especialista. Se guarda como el registro `activity` de la sincronización, que llega a los docentes invitados y a sus acompañantes. Docentes sin plaza este año en la UGEL: 422 ACTIVITY_ATTENDEE_OUT_OF_REACH; sede fuera de la UGEL: 403 ACTIVITY_OUTSIDE_UGEL; actividad de otra persona: 404. Otros roles: 403.',
  request: {
    params: z.object({ id: idSchema }),
    body: { content: { 'application/json': { schema: ugelActivityWriteSchema } }, required: true },
  },
  responses: {
    200: {
      description: 'Guardada',
      content: {
        'application/json': { schema: ugelActivitySavedSchema },
      },
    },
    ...errorResponses(400, 401, 403, 404, 409, 422),
  },
});

export function ugelActivityRoutes(deps: Deps) {
  const app = moduleRouter();
  app.openapi(listRoute, async (c) =>
    c.json(await listUgelActivities(deps.db, c.get('auth').actor, c.req.valid('query').year), 200),
  );
  app.openapi(optionsRoute, async (c) =>
    c.json(await ugelActivityOptions(deps.db, c.get('auth').actor), 200),
  );
  app.openapi(getRoute, async (c) =>
    c.json(await getUgelActivity(deps.db, c.get('auth').actor, c.req.valid('param').id), 200),
  );
  app.openapi(putRoute, async (c) =>
    c.json(
      await writeUgelActivity(
        deps.db,
        c.get('auth').actor,
        c.req.valid('param').id,
        c.req.valid('json'),
      ),
      200,
    ),
  );
  return app;
}
