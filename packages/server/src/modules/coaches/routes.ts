import {
  coachDetailSchema,
  coachListQuerySchema,
  coachPageSchema,
  coachRegisteredSchema,
  coachRegistrationSchema,
  idSchema,
} from '@acompana/core';
import { createRoute, z } from '@hono/zod-openapi';
import type { Deps } from '../../http/env.ts';
import { errorResponses } from '../../http/openapi.ts';
import { registerCoach } from '../people/roles.ts';
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

const registerRoute = createRoute({
  method: 'post',
  path: '/coaches',
  summary:
    'Registra un acompañante: de las listas (por DNI) o nuevo, con su rol fechado en una UGEL',
  description:
    'Crea la persona si el DNI no existe (nombres obligatorios); si existe, los nombres pueden omitirse y, si se envían, deben coincidir (DNI_TAKEN). Da el rol acompañante en la UGEL desde validFrom (hasta validTo, opcional) y su perfil de acompañante. Errores: OUTSIDE_SCOPE (UGEL fuera de tu ámbito), ROLE_OVERLAP (ya tiene ese rol en esas fechas), VALIDATION_FAILED (DNI, fechas). Todo o nada; auditado (person.create, role.assign).',
  request: {
    body: { content: { 'application/json': { schema: coachRegistrationSchema } }, required: true },
  },
  responses: {
    201: {
      description: 'Acompañante registrado',
      content: { 'application/json': { schema: coachRegisteredSchema } },
    },
    ...errorResponses(400, 401, 403, 409, 422),
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
  app.openapi(registerRoute, async (c) => {
    const body = c.req.valid('json');
    const actor = c.get('auth').actor;
    return c.json(await deps.db.transaction().execute((tx) => registerCoach(tx, actor, body)), 201);
  });
  return app;
}
