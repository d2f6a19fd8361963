import {
  accountChangeSchema,
  accountParamsSchema,
  accountUnlockSchema,
  accountViewSchema,
  issuedCodeSchema,
} from '@acompana/core';
import { createRoute } from '@hono/zod-openapi';
import type { Deps } from '../../http/env.ts';
import { errorResponses } from '../../http/openapi.ts';
import { moduleRouter } from '../shared/router.ts';
import { deactivateAccount, issueCode, reactivateAccount, resetAccount } from './admin.ts';
import { unlockAccount } from './unlock.ts';
import { accountView } from './view.ts';

const unlockRoute = createRoute({
  method: 'post',
  path: '/accounts/{personId}/unlock',
  summary:
    'Desbloquea el inicio de sesión de una persona (equipo MINEDU; especialista de UGEL para las personas de su UGEL)',
  description:
    'Levanta los bloqueos por intentos fallidos desde cualquier dispositivo y borra los contadores. Queda registrado en la auditoría.',
  request: { params: accountParamsSchema },
  responses: {
    200: {
      description: 'Cuenta desbloqueada',
      content: { 'application/json': { schema: accountUnlockSchema } },
    },
    ...errorResponses(400, 401, 403, 404),
  },
});

const viewRoute = createRoute({
  method: 'get',
  path: '/people/{personId}/account',
  summary:
    'La cuenta de una persona: estado, roles e historial de cambios (especialista de su UGEL, equipo MINEDU)',
  request: { params: accountParamsSchema },
  responses: {
    200: { description: 'Cuenta', content: { 'application/json': { schema: accountViewSchema } } },
    ...errorResponses(400, 401, 403, 404),
  },
});

const codeRoute = createRoute({
  method: 'post',
  path: '/people/{personId}/account/code',
  summary: 'Emite un código de activación para una cuenta que aún no se activó',
  description:
    'Crea la cuenta si no existe. El código se muestra solo en esta respuesta; emitir otro anula el anterior (replacedCode). El director solo para docentes de su institución; el especialista para acompañantes, directores y docentes de su UGEL; el equipo MINEDU para especialistas, formadores y equipo MINEDU.',
  request: { params: accountParamsSchema },
  responses: {
    201: {
      description: 'Código emitido',
      content: { 'application/json': { schema: issuedCodeSchema } },
    },
    ...errorResponses(400, 401, 403, 404, 409),
  },
});

const changeRoute = (action: 'reset' | 'deactivate' | 'reactivate', summary: string) =>
  createRoute({
    method: 'post',
    path: `/people/{personId}/account/${action}`,
    summary,
    request: { params: accountParamsSchema },
    responses: {
      200: {
        description: 'Cuenta actualizada',
        content: { 'application/json': { schema: accountChangeSchema } },
      },
      ...errorResponses(400, 401, 403, 404, 409),
    },
  });

const resetRoute = changeRoute(
  'reset',
  'Restablece una cuenta: la contraseña deja de servir, se cierran sus sesiones y se emite un código nuevo',
);
const deactivateRoute = changeRoute(
  'deactivate',
  'Desactiva una cuenta (cierra sus sesiones y anula su código)',
);
const reactivateRoute = changeRoute('reactivate', 'Reactiva una cuenta desactivada');

export function accountRoutes(deps: Deps) {
  const app = moduleRouter();
  app.openapi(unlockRoute, async (c) => {
    const { personId } = c.req.valid('param');
    return c.json(await unlockAccount(deps.db, c.get('auth').actor, personId), 200);
  });
  app.openapi(viewRoute, async (c) => {
    const { personId } = c.req.valid('param');
    return c.json(await accountView(deps.db, c.get('auth').actor, personId), 200);
  });
  app.openapi(codeRoute, async (c) => {
    const { personId } = c.req.valid('param');
    return c.json(await issueCode(deps.db, c.get('auth').actor, personId), 201);
  });
  app.openapi(resetRoute, async (c) => {
    const { personId } = c.req.valid('param');
    return c.json(await resetAccount(deps.db, c.get('auth').actor, personId), 200);
  });
  app.openapi(deactivateRoute, async (c) => {
    const { personId } = c.req.valid('param');
    return c.json(await deactivateAccount(deps.db, c.get('auth').actor, personId), 200);
  });
  app.openapi(reactivateRoute, async (c) => {
    const { personId } = c.req.valid('param');
    return c.json(await reactivateAccount(deps.db, c.get('auth').actor, personId), 200);
  });
  return app;
}
