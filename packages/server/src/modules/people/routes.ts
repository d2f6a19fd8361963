import {
  personDetailSchema,
  personListQuerySchema,
  personPageSchema,
  personParamsSchema,
} from '@acompana/core';
import { createRoute } from '@hono/zod-openapi';
import type { Deps } from '../../http/env.ts';
import { errorResponses } from '../../http/openapi.ts';
import { moduleRouter } from '../shared/router.ts';
import { getPerson } from './detail.ts';
import { listPeople } from './list.ts';

const listRoute = createRoute({
  method: 'get',
  path: '/people',
  summary:
    'Personas del territorio de quien consulta (director: su institución; especialista: su UGEL; equipo MINEDU: todas)',
  description:
    'Quien tiene hoy un rol o una plaza este año escolar. Búsqueda q por nombre o DNI; filtros role, school, status (none, pending, active, deactivated); paginación con cursor; total=true cuenta todas.',
  request: { query: personListQuerySchema },
  responses: {
    200: {
      description: 'Página de personas',
      content: { 'application/json': { schema: personPageSchema } },
    },
    ...errorResponses(400, 401, 403),
  },
});

const detailRoute = createRoute({
  method: 'get',
  path: '/people/{id}',
  summary:
    'Ficha de una persona: roles con fechas, estado de su cuenta, acciones permitidas e historial de cambios',
  description:
    'El historial (auditoría de la cuenta y de los roles) solo para el especialista de su UGEL y el equipo MINEDU; null para el director.',
  request: { params: personParamsSchema },
  responses: {
    200: {
      description: 'Ficha de la persona',
      content: { 'application/json': { schema: personDetailSchema } },
    },
    ...errorResponses(400, 401, 403, 404),
  },
});

export function peopleRoutes(deps: Deps) {
  const app = moduleRouter();
  app.openapi(listRoute, async (c) =>
    c.json(await listPeople(deps.db, c.get('auth').actor, c.req.valid('query')), 200),
  );
  app.openapi(detailRoute, async (c) =>
    c.json(await getPerson(deps.db, c.get('auth').actor, c.req.valid('param').id), 200),
  );
  return app;
}
