import {
  activationRequestSchema,
  meSchema,
  passwordChangeSchema,
  sessionListSchema,
  sessionsEndedSchema,
} from '@acompana/core';
import { createRoute } from '@hono/zod-openapi';
import type { Deps } from '../http/env.ts';
import { apiRouter, errorResponses } from '../http/openapi.ts';
import { clientIp } from '../http/security.ts';
import { activate } from './activation.ts';
import { loadMe, loadRoleViews } from './actor.ts';
import { readDeviceTokens, writeDeviceTokens } from './device-cookie.ts';
import { writeSessionCookie } from './middleware.ts';
import { changePassword, endOtherSessions, listSessions } from './password-change.ts';

// Activation and "Mi cuenta" (issue 14). POST /auth/activate is public (authenticate.ts).

const activateRoute = createRoute({
  method: 'post',
  path: '/auth/activate',
  summary: 'Activa una cuenta con DNI y código de activación, y elige la contraseña',
  description:
    'Inicia sesión como /auth/login. Comparte su protección contra intentos (por dirección, DNI y dispositivo). Un DNI desconocido, sin cuenta o un código incorrecto reciben la misma respuesta (ACTIVATION_INVALID).',
  request: {
    body: { required: true, content: { 'application/json': { schema: activationRequestSchema } } },
  },
  responses: {
    200: { description: 'Cuenta activada', content: { 'application/json': { schema: meSchema } } },
    ...errorResponses(400, 401, 410, 422, 429),
  },
});

const passwordRoute = createRoute({
  method: 'post',
  path: '/me/password',
  summary: 'Cambia la contraseña propia y cierra las demás sesiones',
  request: {
    body: { required: true, content: { 'application/json': { schema: passwordChangeSchema } } },
  },
  responses: {
    200: {
      description: 'Contraseña cambiada',
      content: { 'application/json': { schema: sessionsEndedSchema } },
    },
    ...errorResponses(400, 401, 403, 422, 429),
  },
});

const sessionsRoute = createRoute({
  method: 'get',
  path: '/me/sessions',
  summary: 'Las sesiones abiertas de la persona',
  responses: {
    200: {
      description: 'Sesiones',
      content: { 'application/json': { schema: sessionListSchema } },
    },
    ...errorResponses(401),
  },
});

const endSessionsRoute = createRoute({
  method: 'delete',
  path: '/me/sessions',
  summary: 'Cierra todas las sesiones propias menos la actual',
  responses: {
    200: {
      description: 'Sesiones cerradas',
      content: { 'application/json': { schema: sessionsEndedSchema } },
    },
    ...errorResponses(401, 403),
  },
});

export function accountSelfRoutes(deps: Deps) {
  const app = apiRouter();
  app.openapi(activateRoute, async (c) => {
    const deviceTokens = readDeviceTokens(c);
    const { personId, session, deviceToken } = await activate(
      deps.db,
      deps.config,
      c.req.valid('json'),
      { ip: clientIp(c, deps.config), userAgent: c.req.header('user-agent') ?? null, deviceTokens },
    );
    writeSessionCookie(c, deps, session.token);
    if (deviceToken) writeDeviceTokens(c, deps, [...deviceTokens, deviceToken]);
    const roles = await loadRoleViews(deps.db, personId);
    return c.json(await loadMe(deps.db, personId, roles, session.expiresAt), 200);
  });

  app.openapi(passwordRoute, async (c) => {
    const auth = c.get('auth');
    const result = await changePassword(deps.db, deps.config, auth, c.req.valid('json'), {
      ip: clientIp(c, deps.config),
      userAgent: c.req.header('user-agent') ?? null,
      deviceTokens: readDeviceTokens(c),
    });
    return c.json(result, 200);
  });

  app.openapi(sessionsRoute, async (c) => {
    return c.json(await listSessions(deps.db, deps.config, c.get('auth')), 200);
  });

  app.openapi(endSessionsRoute, async (c) => {
    return c.json({ ended: await endOtherSessions(deps.db, c.get('auth')) }, 200);
  });
  return app;
}
