import {
  createInstrumentBodySchema,
  diffQuerySchema,
  exportQuerySchema,
  instrumentExportSchema,
  instrumentListQuerySchema,
  instrumentListSchema,
  instrumentParamsSchema,
  instrumentSummarySchema,
  instrumentVersionParamsSchema,
  saveDraftBodySchema,
  versionDetailSchema,
  versionDiffSchema,
  versionParamsSchema,
} from '@acompana/core';
import { createRoute, z } from '@hono/zod-openapi';
import type { Deps } from '../../http/env.ts';
import { errorResponses } from '../../http/openapi.ts';
import { moduleRouter } from '../shared/router.ts';
import {
  createDraft,
  createInstrument,
  deleteDraft,
  diffVersions,
  exportInstrument,
  importInstrument,
  saveDraft,
  transition,
} from './designer.ts';
import { getInstrument, getVersion, listInstruments } from './queries.ts';

// /api/v1/instruments (docs/API.md, docs/INSTRUMENTS.md): thin handlers over queries.ts (reads)
// and designer.ts (equipo MINEDU's lifecycle). Definitions are validated in the service so a
// refusal names the exact path inside the definition.

const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});
const body = <T extends z.ZodType>(schema: T) => ({
  required: true,
  content: { 'application/json': { schema } },
});
const version = json(versionDetailSchema, 'Versión con su definición');

const routes = {
  list: createRoute({
    method: 'get',
    path: '/instruments',
    summary: 'Instrumentos y versiones que el usuario puede usar',
    description:
      'Acompañantes: los de las intervenciones de su carga actual. Equipo MINEDU: todos, con borradores. Otros roles: los publicados.',
    request: { query: instrumentListQuerySchema },
    responses: {
      200: json(instrumentListSchema, 'Instrumentos'),
      ...errorResponses(400, 401, 403),
    },
  }),
  create: createRoute({
    method: 'post',
    path: '/instruments',
    summary: 'Crea un instrumento con su primera versión en borrador (equipo MINEDU)',
    request: { body: body(createInstrumentBodySchema) },
    responses: { 201: version, ...errorResponses(400, 401, 403, 409, 422) },
  }),
  importJson: createRoute({
    method: 'post',
    path: '/instruments/import',
    summary: 'Importa un instrumento exportado: nuevo, o borrador siguiente del mismo código',
    request: { body: body(z.unknown()) },
    responses: { 201: version, ...errorResponses(400, 401, 403, 409, 422) },
  }),
  get: createRoute({
    method: 'get',
    path: '/instruments/{id}',
    summary: 'Un instrumento con sus versiones y su uso por intervención',
    request: { params: instrumentParamsSchema },
    responses: {
      200: json(instrumentSummarySchema, 'Instrumento'),
      ...errorResponses(400, 401, 403, 404),
    },
  }),
  versions: createRoute({
    method: 'get',
    path: '/instruments/{id}/versions',
    summary: 'Versiones de un instrumento (borradores solo para equipo MINEDU)',
    request: { params: instrumentParamsSchema },
    responses: {
      200: json(instrumentSummarySchema.shape.versions, 'Versiones'),
      ...errorResponses(400, 401, 403, 404),
    },
  }),
  newDraft: createRoute({
    method: 'post',
    path: '/instruments/{id}/versions',
    summary:
      'Empieza la versión siguiente como borrador (copia la última si no se envía definición)',
    request: { params: instrumentParamsSchema, body: body(saveDraftBodySchema.partial()) },
    responses: { 201: version, ...errorResponses(400, 401, 403, 404, 409, 422) },
  }),
  saveDraft: createRoute({
    method: 'put',
    path: '/instruments/{id}/versions/{versionId}',
    summary: 'Guarda un borrador (una versión publicada no cambia nunca)',
    request: { params: instrumentVersionParamsSchema, body: body(saveDraftBodySchema) },
    responses: { 200: version, ...errorResponses(400, 401, 403, 404, 409, 422) },
  }),
  deleteDraft: createRoute({
    method: 'delete',
    path: '/instruments/{id}/versions/{versionId}',
    summary: 'Descarta un borrador',
    request: { params: instrumentVersionParamsSchema },
    responses: {
      204: { description: 'Borrador descartado' },
      ...errorResponses(401, 403, 404, 409),
    },
  }),
  publish: createRoute({
    method: 'post',
    path: '/instruments/{id}/versions/{versionId}/publish',
    summary: 'Publica un borrador; la versión publicada antes queda retirada',
    request: { params: instrumentVersionParamsSchema },
    responses: { 200: version, ...errorResponses(401, 403, 404, 409, 422) },
  }),
  retire: createRoute({
    method: 'post',
    path: '/instruments/{id}/versions/{versionId}/retire',
    summary: 'Retira una versión publicada (sus registros se siguen leyendo con ella)',
    request: { params: instrumentVersionParamsSchema },
    responses: { 200: version, ...errorResponses(401, 403, 404, 409) },
  }),
  exportJson: createRoute({
    method: 'get',
    path: '/instruments/{id}/export',
    summary: 'Exporta una versión como JSON (por defecto, la publicada)',
    request: { params: instrumentParamsSchema, query: exportQuerySchema },
    responses: {
      200: json(instrumentExportSchema, 'Instrumento exportado'),
      ...errorResponses(400, 401, 403, 404),
    },
  }),
  diff: createRoute({
    method: 'get',
    path: '/instruments/{id}/diff',
    summary: 'Qué cambió entre dos versiones del instrumento',
    request: { params: instrumentParamsSchema, query: diffQuerySchema },
    responses: { 200: json(versionDiffSchema, 'Cambios'), ...errorResponses(400, 401, 403, 404) },
  }),
  version: createRoute({
    method: 'get',
    path: '/instrument-versions/{id}',
    summary: 'Una versión con su definición (para llenar o leer un registro con ella)',
    request: { params: versionParamsSchema },
    responses: { 200: version, ...errorResponses(400, 401, 403, 404) },
  }),
};

export function instrumentRoutes(deps: Deps) {
  const app = moduleRouter();
  const { db } = deps;
  const actor = (c: { get(key: 'auth'): { actor: import('@acompana/core').Actor } }) =>
    c.get('auth').actor;

  app.openapi(routes.list, async (c) =>
    c.json({ items: await listInstruments(db, actor(c), c.req.valid('query')) }, 200),
  );
  app.openapi(routes.create, async (c) =>
    c.json(await createInstrument(db, actor(c), c.req.valid('json')), 201),
  );
  app.openapi(routes.importJson, async (c) =>
    c.json(await importInstrument(db, actor(c), c.req.valid('json')), 201),
  );
  app.openapi(routes.get, async (c) =>
    c.json(await getInstrument(db, actor(c), c.req.valid('param').id), 200),
  );
  app.openapi(routes.versions, async (c) =>
    c.json((await getInstrument(db, actor(c), c.req.valid('param').id)).versions, 200),
  );
  app.openapi(routes.newDraft, async (c) =>
    c.json(await createDraft(db, actor(c), c.req.valid('param').id, c.req.valid('json')), 201),
  );
  app.openapi(routes.saveDraft, async (c) => {
    const { id, versionId } = c.req.valid('param');
    return c.json(await saveDraft(db, actor(c), id, versionId, c.req.valid('json')), 200);
  });
  app.openapi(routes.deleteDraft, async (c) => {
    const { id, versionId } = c.req.valid('param');
    await deleteDraft(db, actor(c), id, versionId);
    return c.body(null, 204);
  });
  app.openapi(routes.publish, async (c) => {
    const { id, versionId } = c.req.valid('param');
    return c.json(await transition(db, actor(c), id, versionId, 'published'), 200);
  });
  app.openapi(routes.retire, async (c) => {
    const { id, versionId } = c.req.valid('param');
    return c.json(await transition(db, actor(c), id, versionId, 'retired'), 200);
  });
  app.openapi(routes.exportJson, async (c) => {
    const exported = await exportInstrument(
      db,
      actor(c),
      c.req.valid('param').id,
      c.req.valid('query').version,
    );
    c.header(
      'content-disposition',
      `attachment; filename="${exported.code.toLowerCase()}-v${exported.version}.json"`,
    );
    return c.json(exported, 200);
  });
  app.openapi(routes.diff, async (c) => {
    const { from, to } = c.req.valid('query');
    return c.json(await diffVersions(db, actor(c), c.req.valid('param').id, from, to), 200);
  });
  app.openapi(routes.version, async (c) =>
    c.json(await getVersion(db, actor(c), c.req.valid('param').id), 200),
  );
  return app;
}
