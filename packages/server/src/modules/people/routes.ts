import {
  activationSheetPreviewSchema,
  activationSheetRequestSchema,
  activationSheetSchema,
  personDetailSchema,
  personListQuerySchema,
  personPageSchema,
  personParamsSchema,
  personRegisteredSchema,
  personRegistrationSchema,
  roleEndSchema,
  roleParamsSchema,
} from '@acompana/core';
import { createRoute, z } from '@hono/zod-openapi';
import type { Deps } from '../../http/env.ts';
import { errorResponses } from '../../http/openapi.ts';
import { moduleRouter } from '../shared/router.ts';
import { getPerson } from './detail.ts';
import { listPeople } from './list.ts';
import { registerPerson } from './register.ts';
import { endRole } from './roles.ts';
import { previewSheet, printSheet } from './sheets.ts';

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

const registerRoute = createRoute({
  method: 'post',
  path: '/people',
  summary:
    'Registra a una persona con un rol fechado: especialista, formador o equipo MINEDU (equipo MINEDU); director o docente de su UGEL (especialista)',
  description:
    'De las listas (por DNI: los nombres pueden omitirse y, si se envían, deben coincidir, DNI_TAKEN) o nueva. scopeId es donde se ejerce el rol: la UGEL (especialista), la región (formador), la IE (director, docente); ninguno para equipo MINEDU. Un docente recibe además su plaza en el año escolar de validFrom. Los acompañantes se registran con POST /coaches. Errores: FORBIDDEN (un rol que no administras), OUTSIDE_SCOPE, ROLE_OVERLAP, ROLE_DATES_INVALID, VALIDATION_FAILED. Todo o nada; auditado (person.create, role.assign).',
  request: {
    body: {
      content: { 'application/json': { schema: personRegistrationSchema } },
      required: true,
    },
  },
  responses: {
    201: {
      description: 'Persona registrada con su rol',
      content: { 'application/json': { schema: personRegisteredSchema } },
    },
    ...errorResponses(400, 401, 403, 409, 422),
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

const endRoleRoute = createRoute({
  method: 'post',
  path: '/people/{id}/roles/{assignmentId}/end',
  summary: 'Termina un rol en una fecha (la asignación y su historia se conservan)',
  description:
    'validTo (AAAA-MM-DD) no puede ser anterior al inicio del rol (ROLE_DATES_INVALID); un rol ya terminado no se cambia (ROLE_ALREADY_ENDED). Especialista para los roles de su UGEL que administra; equipo MINEDU para especialistas, formadores y equipo MINEDU. Queda en la auditoría (role.end).',
  request: {
    params: roleParamsSchema,
    body: { content: { 'application/json': { schema: roleEndSchema } }, required: true },
  },
  responses: {
    200: {
      description: 'Rol terminado',
      content: {
        'application/json': {
          schema: z.object({ assignmentId: z.string(), validTo: z.string() }),
        },
      },
    },
    ...errorResponses(400, 401, 403, 404, 409, 422),
  },
});

const sheetBody = {
  content: { 'application/json': { schema: activationSheetRequestSchema } },
  required: true,
};

const sheetPreviewRoute = createRoute({
  method: 'post',
  path: '/activation-sheets/preview',
  summary:
    'Antes de imprimir una hoja de activación: cuántas personas recibirán código y cuántos códigos vigentes se anularán',
  request: { body: sheetBody },
  responses: {
    200: {
      description: 'Vista previa',
      content: { 'application/json': { schema: activationSheetPreviewSchema } },
    },
    ...errorResponses(400, 401, 403, 404),
  },
});

const sheetRoute = createRoute({
  method: 'post',
  path: '/activation-sheets',
  summary:
    'Emite los códigos de activación de una IE (schoolId) o de un acompañante y su grupo (coachId) para imprimirlos',
  description:
    'Solo para quienes aún no activaron su cuenta y a quienes quien imprime puede emitir códigos. Los códigos aparecen solo en esta respuesta; imprimir de nuevo emite otros y anula los anteriores. Director: su IE; especialista: IIEE y acompañantes de su UGEL.',
  request: { body: sheetBody },
  responses: {
    201: {
      description: 'Hoja con los códigos',
      content: { 'application/json': { schema: activationSheetSchema } },
    },
    ...errorResponses(400, 401, 403, 404),
  },
});

export function peopleRoutes(deps: Deps) {
  const app = moduleRouter();
  app.openapi(listRoute, async (c) =>
    c.json(await listPeople(deps.db, c.get('auth').actor, c.req.valid('query')), 200),
  );
  app.openapi(registerRoute, async (c) => {
    const body = c.req.valid('json');
    const actor = c.get('auth').actor;
    return c.json(
      await deps.db.transaction().execute((tx) => registerPerson(tx, actor, body)),
      201,
    );
  });
  app.openapi(detailRoute, async (c) =>
    c.json(await getPerson(deps.db, c.get('auth').actor, c.req.valid('param').id), 200),
  );
  app.openapi(sheetPreviewRoute, async (c) =>
    c.json(await previewSheet(deps.db, c.get('auth').actor, c.req.valid('json')), 200),
  );
  app.openapi(sheetRoute, async (c) => {
    // The address printed on the sheet: the configured public origin, else the one asked.
    const appUrl = `${deps.config.publicOrigin ?? new URL(c.req.url).origin}/activar`;
    return c.json(await printSheet(deps.db, c.get('auth').actor, c.req.valid('json'), appUrl), 201);
  });
  app.openapi(endRoleRoute, async (c) => {
    const { id, assignmentId } = c.req.valid('param');
    const body = c.req.valid('json');
    const actor = c.get('auth').actor;
    return c.json(
      await deps.db.transaction().execute((tx) => endRole(tx, actor, id, assignmentId, body)),
      200,
    );
  });
  return app;
}
