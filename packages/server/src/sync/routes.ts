import {
  AppError,
  FOLDED_PULL_LIMIT,
  fieldIssues,
  type Mutation,
  type MutationResult,
  mutationSchema,
  pullQuerySchema,
  pullResponseSchema,
  pushEnvelopeSchema,
  pushResponseSchema,
  revisionPageSchema,
  revisionQuerySchema,
} from '@acompana/core';
import { createRoute, z } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { admitByWeight } from '../http/admission.ts';
import { gunzipBody } from '../http/decompress.ts';
import type { Deps } from '../http/env.ts';
import { apiRouter, errorResponses } from '../http/openapi.ts';
import { rejected } from './apply.ts';
import { ownWritesOf } from './echo.ts';
import { PushGroups } from './group.ts';
import { pull } from './pull.ts';
import { listRevisions, resolveRevision } from './revisions.ts';

// Sync endpoints (docs/SYNC.md). Handlers stay thin: the services decide and write.

/** Push bodies carry up to 500 records with instrument answers: more than the API-wide 1 MiB. */
export const SYNC_PUSH_PATH = '/api/v1/sync/push';
export const SYNC_PUSH_MAX_BYTES = 16 * 1024 * 1024;
/** Push admission per process, in units of body size (http/admission.ts): up to 48 small
 *  pushes at once — the more wait together, the larger the groups they are committed in
 *  (group.ts) — and one push near the body limit alone, so memory stays bounded when many
 *  devices push together. */
export const SYNC_PUSH_ADMISSION_UNITS = 48;

const pushRoute = createRoute({
  method: 'post',
  path: '/sync/push',
  summary: 'Envía cambios hechos sin conexión (lotes de hasta 500)',
  description:
    'Cada cambio se valida, autoriza y aplica por separado; un cambio repetido devuelve su primer resultado (duplicate). La respuesta llega solo después de guardar: si el servidor falla, responde con error y nada queda como aplicado. Con `cursor` (y `scope`), la respuesta trae además en `pull` la primera página de cambios que el dispositivo aún no vio.',
  request: {
    body: { required: true, content: { 'application/json': { schema: pushEnvelopeSchema } } },
  },
  responses: {
    200: {
      description: 'Un resultado por cambio, en el mismo orden',
      content: { 'application/json': { schema: pushResponseSchema } },
    },
    ...errorResponses(400, 401, 403, 413, 503),
  },
});

const pullRoute = createRoute({
  method: 'get',
  path: '/sync/pull',
  summary: 'Cambios en tu ámbito después del cursor',
  request: { query: pullQuerySchema },
  responses: {
    200: {
      description: 'Una página de cambios',
      content: { 'application/json': { schema: pullResponseSchema } },
    },
    ...errorResponses(400, 401, 403),
  },
});

const revisionsRoute = createRoute({
  method: 'get',
  path: '/sync/revisions',
  summary: 'Tus valores que otra persona reemplazó en una edición simultánea',
  request: { query: revisionQuerySchema },
  responses: {
    200: {
      description: 'Revisiones marcadas para ti, de la más reciente a la más antigua',
      content: { 'application/json': { schema: revisionPageSchema } },
    },
    ...errorResponses(400, 401),
  },
});

const resolveRoute = createRoute({
  method: 'post',
  path: '/sync/revisions/{id}/resolve',
  summary: 'Marca una revisión como vista',
  request: { params: z.object({ id: z.string().max(20) }) },
  responses: { 204: { description: 'Marcada' }, ...errorResponses(401, 404) },
});

export function syncRoutes(deps: Deps) {
  const app = apiRouter();
  const groups = new PushGroups(deps.db);
  app.use('/sync/push', admitByWeight(SYNC_PUSH_ADMISSION_UNITS));
  app.use(
    '/sync/push',
    bodyLimit({
      maxSize: SYNC_PUSH_MAX_BYTES,
      onError: () => {
        throw new AppError('PAYLOAD_TOO_LARGE');
      },
    }),
  );
  // Large pushes arrive gzipped; expanded, they get the same limit.
  app.use('/sync/push', gunzipBody(SYNC_PUSH_MAX_BYTES));
  app.openapi(pushRoute, async (c) => {
    const body = c.req.valid('json');
    const valid: Mutation[] = [];
    const early = new Map<number, MutationResult>();
    body.mutations.forEach((raw, i) => {
      const parsed = mutationSchema.safeParse(raw);
      if (parsed.success) valid.push(parsed.data);
      else {
        const error = AppError.validation(fieldIssues(parsed.error));
        early.set(i, rejected({ mutationId: raw.mutationId } as Mutation, error));
      }
    });
    const actor = c.get('auth').actor;
    const answersOf = (results: MutationResult[]) => {
      let next = 0;
      return body.mutations.map((_, i) => early.get(i) ?? (results[next++] as MutationResult));
    };
    // One round trip: a seeded device sends its cursor and gets what it has not seen yet (a
    // first seed, with no cursor, stays a paged pull). The device's own writes, as it sent
    // them, do not come back (echo.ts).
    const fold = body.cursor
      ? {
          cursor: body.cursor,
          scope: body.scope,
          limit: FOLDED_PULL_LIMIT,
          ownWrites: (results: MutationResult[]) =>
            ownWritesOf(body.mutations as Mutation[], answersOf(results)),
        }
      : undefined;
    if (valid.length === 0) {
      const all = answersOf([]);
      if (!fold) return c.json({ results: all }, 200);
      const page = await pull(deps.db, actor, fold, fold.ownWrites([]));
      return c.json({ results: all, pull: page }, 200);
    }
    const outcome = await groups.push(actor, { deviceId: body.deviceId, mutations: valid }, fold);
    const all = answersOf(outcome.results);
    if (!outcome.pull) return c.json({ results: all }, 200);
    return c.json({ results: all, pull: outcome.pull }, 200);
  });
  app.openapi(pullRoute, async (c) =>
    c.json(await pull(deps.db, c.get('auth').actor, c.req.valid('query')), 200),
  );
  app.openapi(revisionsRoute, async (c) =>
    c.json(await listRevisions(deps.db, c.get('auth').actor, c.req.valid('query')), 200),
  );
  app.openapi(resolveRoute, async (c) => {
    await resolveRevision(deps.db, c.get('auth').actor, c.req.valid('param').id);
    return c.body(null, 204);
  });
  return app;
}
