import { accountParamsSchema, accountUnlockSchema } from '@acompana/core';
import { createRoute } from '@hono/zod-openapi';
import type { Deps } from '../../http/env.ts';
import { errorResponses } from '../../http/openapi.ts';
import { moduleRouter } from '../shared/router.ts';
import { unlockAccount } from './unlock.ts';

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

export function accountRoutes(deps: Deps) {
  const app = moduleRouter();
  app.openapi(unlockRoute, async (c) => {
    const { personId } = c.req.valid('param');
    return c.json(await unlockAccount(deps.db, c.get('auth').actor, personId), 200);
  });
  return app;
}
