import {
  coachDaySchema,
  idSchema,
  teacherProgressSchema,
  teacherVisitsSchema,
  visitDetailSchema,
} from '@acompana/core';
import { createRoute, z } from '@hono/zod-openapi';
import type { Deps } from '../../http/env.ts';
import { errorResponses } from '../../http/openapi.ts';
import { moduleRouter } from '../shared/router.ts';
import { coachDay } from './day.ts';
import { teacherProgress } from './progress.ts';
import { teacherVisits, visitDetail } from './visits.ts';

// Read routes of the coaching cycle (issue 5). Writes travel through sync (/sync/push).

const params = z.object({ id: idSchema });

const teacherVisitsRoute = createRoute({
  method: 'get',
  path: '/teachers/{id}/visits',
  summary: 'Visitas de un docente',
  description:
    'Al docente y a su acompañante actual: cada visita con un resumen de su contenido. A director(a), especialista y equipo MINEDU en su ámbito: solo fecha y estado. Al formador: 403.',
  request: { params },
  responses: {
    200: {
      description: 'Visitas del docente',
      content: { 'application/json': { schema: teacherVisitsSchema } },
    },
    ...errorResponses(400, 401, 403, 404),
  },
});

const visitRoute = createRoute({
  method: 'get',
  path: '/visits/{id}',
  summary: 'Una visita completa',
  description:
    'Solo el docente y su acompañante actual: propósitos, diálogo, compromisos, seguimiento, reflexión e instrumentos con su versión exacta. Otros roles: 403; un acompañante de otro docente: 404.',
  request: { params },
  responses: {
    200: {
      description: 'La visita',
      content: { 'application/json': { schema: visitDetailSchema } },
    },
    ...errorResponses(400, 401, 403, 404),
  },
});

const progressRoute = createRoute({
  method: 'get',
  path: '/teachers/{id}/progress',
  summary: 'Progreso de un docente: niveles por desempeño, etapas y sugerencia',
  request: { params },
  responses: {
    200: {
      description: 'Progreso del docente',
      content: { 'application/json': { schema: teacherProgressSchema } },
    },
    ...errorResponses(400, 401, 403, 404),
  },
});

const dayRoute = createRoute({
  method: 'get',
  path: '/me/day',
  summary: 'El día del acompañante: visitas de hoy y atrasadas, compromisos y mínimos',
  responses: {
    200: {
      description: 'El día del acompañante',
      content: { 'application/json': { schema: coachDaySchema } },
    },
    ...errorResponses(401, 403),
  },
});

export function coachingRoutes(deps: Deps) {
  const app = moduleRouter();
  app.openapi(teacherVisitsRoute, async (c) =>
    c.json(await teacherVisits(deps.db, c.get('auth').actor, c.req.valid('param').id), 200),
  );
  app.openapi(visitRoute, async (c) =>
    c.json(await visitDetail(deps.db, c.get('auth').actor, c.req.valid('param').id), 200),
  );
  app.openapi(progressRoute, async (c) =>
    c.json(await teacherProgress(deps.db, c.get('auth').actor, c.req.valid('param').id), 200),
  );
  app.openapi(dayRoute, async (c) => c.json(await coachDay(deps.db, c.get('auth').actor), 200));
  return app;
}
