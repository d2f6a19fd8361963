import {
  idSchema,
  schoolDetailSchema,
  schoolListQuerySchema,
  schoolPageSchema,
  teacherDetailSchema,
  teacherListQuerySchema,
  teacherPageSchema,
} from '@acompana/core';
import { createRoute, z } from '@hono/zod-openapi';
import type { Deps } from '../../http/env.ts';
import { errorResponses } from '../../http/openapi.ts';
import { moduleRouter } from '../shared/router.ts';
import { getSchool, listSchools } from './schools.ts';
import { getTeacher, listTeachers } from './teachers.ts';

const idParams = z.object({ id: idSchema });
const json = <T>(description: string, schema: T) => ({
  description,
  content: { 'application/json': { schema } },
});

const teachersRoute = createRoute({
  method: 'get',
  path: '/teachers',
  summary: 'Docentes visibles para quien consulta (según la política de privacidad)',
  description:
    'Filtros: ugel, school, network, intervention (IE en la intervención), withoutCoach. Búsqueda q por nombre o DNI; paginación con cursor; total=true añade el número exacto de docentes que coinciden.',
  request: { query: teacherListQuerySchema },
  responses: {
    200: json('Página de docentes', teacherPageSchema),
    ...errorResponses(400, 401, 403),
  },
});

const teacherRoute = createRoute({
  method: 'get',
  path: '/teachers/{id}',
  summary: 'Ficha de un docente: plazas por año, acompañantes y su historia',
  request: { params: idParams },
  responses: {
    200: json('Ficha del docente', teacherDetailSchema),
    ...errorResponses(400, 401, 403, 404),
  },
});

const schoolsRoute = createRoute({
  method: 'get',
  path: '/schools',
  summary: 'Instituciones educativas dentro del ámbito de quien consulta',
  description:
    'Filtros: ugel, network, level (NIV_MOD), characteristic, area, intervention, active. Búsqueda q por nombre o código modular; paginación con cursor; total=true añade el número exacto de instituciones que coinciden.',
  request: { query: schoolListQuerySchema },
  responses: {
    200: json('Página de instituciones', schoolPageSchema),
    ...errorResponses(400, 401, 403),
  },
});

const schoolRoute = createRoute({
  method: 'get',
  path: '/schools/{id}',
  summary: 'Ficha de una institución: padrón, intervenciones, docentes y acompañantes',
  request: { params: idParams },
  responses: {
    200: json('Ficha de la institución', schoolDetailSchema),
    ...errorResponses(400, 401, 403, 404),
  },
});

export function rosterRoutes(deps: Deps) {
  const app = moduleRouter();
  app.openapi(teachersRoute, async (c) =>
    c.json(await listTeachers(deps.db, c.get('auth').actor, c.req.valid('query')), 200),
  );
  app.openapi(teacherRoute, async (c) =>
    c.json(await getTeacher(deps.db, c.get('auth').actor, c.req.valid('param').id), 200),
  );
  app.openapi(schoolsRoute, async (c) =>
    c.json(await listSchools(deps.db, c.get('auth').actor, c.req.valid('query')), 200),
  );
  app.openapi(schoolRoute, async (c) =>
    c.json(await getSchool(deps.db, c.get('auth').actor, c.req.valid('param').id), 200),
  );
  return app;
}
