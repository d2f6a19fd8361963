import { idSchema, schoolActivitiesSchema } from '@acompana/core';
import { createRoute, z } from '@hono/zod-openapi';
import type { Deps } from '../../http/env.ts';
import { errorResponses } from '../../http/openapi.ts';
import { moduleRouter } from '../shared/router.ts';
import { activityActa } from './acta.ts';
import { schoolActivities } from './school.ts';

// Read routes of collective activities (issue 15). Writes travel through sync (/sync/push).

const schoolActivitiesRoute = createRoute({
  method: 'get',
  path: '/schools/{id}/activities',
  summary: 'Actividades colectivas de los docentes de una IE',
  description:
    'Director(a), especialista y equipo MINEDU en su ámbito: que la actividad ocurrió, su fecha, tipo, tema y cuántos docentes de la IE asistieron; los nombres, a quien puede ver a los docentes de la IE. Nunca acuerdos, notas ni reflexiones. Otros roles: 403.',
  request: { params: z.object({ id: idSchema }) },
  responses: {
    200: {
      description: 'Actividades del año escolar',
      content: { 'application/json': { schema: schoolActivitiesSchema } },
    },
    ...errorResponses(400, 401, 403, 404),
  },
});

const actaRoute = createRoute({
  method: 'get',
  path: '/activities/{id}/acta.pdf',
  summary: 'Acta de una actividad colectiva (PDF)',
  description:
    'La misma acta que «Descargar acta» genera en el dispositivo, desde los registros sincronizados: actividad, organizadores, agenda, acuerdos, cantidades de familias (nunca sus datos) y los docentes invitados con su asistencia por día y una columna para firmar. Solo sus organizadores; la lectura queda registrada. Roles que nunca leen actividades: 403; otra actividad o un id inexistente: 404.',
  request: { params: z.object({ id: idSchema }) },
  responses: {
    200: {
      description: 'El acta en PDF (A4), como archivo adjunto',
      content: { 'application/pdf': { schema: z.string() } },
    },
    ...errorResponses(400, 401, 403, 404),
  },
});

export function activityRoutes(deps: Deps) {
  const app = moduleRouter();
  app.openapi(schoolActivitiesRoute, async (c) =>
    c.json(await schoolActivities(deps.db, c.get('auth').actor, c.req.valid('param').id), 200),
  );
  app.openapi(actaRoute, async (c) => {
    const { bytes, filename } = await activityActa(
      deps.db,
      c.get('auth').actor,
      c.req.valid('param').id,
    );
    return c.body(bytes, 200, {
      'content-type': 'application/pdf',
      'content-disposition': `attachment; filename="${filename}"`,
      'cache-control': 'no-store',
    });
  });
  return app;
}
