import { loginRequestSchema, meSchema } from '@acompana/core';
import { createRoute } from '@hono/zod-openapi';
import type { Deps } from '../http/env.ts';
import { apiRouter, errorResponses } from '../http/openapi.ts';
import { clientIp } from '../http/security.ts';
import { loadMe, loadRoleViews } from './actor.ts';
import { readDeviceTokens, writeDeviceTokens } from './device-cookie.ts';
import { login } from './login.ts';
import { clearSessionCookie, writeSessionCookie } from './middleware.ts';
import { deleteSession } from './sessions.ts';

const loginRoute = createRoute({
  method: 'post',
  path: '/auth/login',
  summary: 'Inicia sesión con DNI y contraseña',
  request: {
    body: { required: true, content: { 'application/json': { schema: loginRequestSchema } } },
  },
  responses: {
    200: { description: 'Sesión iniciada', content: { 'application/json': { schema: meSchema } } },
    ...errorResponses(400, 401, 403, 429),
  },
});

const logoutRoute = createRoute({
  method: 'post',
  path: '/auth/logout',
  summary: 'Cierra la sesión actual',
  responses: { 204: { description: 'Sesión cerrada' }, ...errorResponses(401, 403) },
});

const meRoute = createRoute({
  method: 'get',
  path: '/me',
  summary: 'La persona, sus roles con ámbito y lo que puede hacer',
  responses: {
    200: { description: 'Persona actual', content: { 'application/json': { schema: meSchema } } },
    ...errorResponses(401),
  },
});

export function authRoutes(deps: Deps) {
  const app = apiRouter();
  app.openapi(loginRoute, async (c) => {
    const input = c.req.valid('json');
    const deviceTokens = readDeviceTokens(c);
    const { personId, session, deviceToken } = await login(deps.db, deps.config, input, {
      ip: clientIp(c, deps.config),
      userAgent: c.req.header('user-agent') ?? null,
      deviceTokens,
    });
    writeSessionCookie(c, deps, session.token);
    if (deviceToken) writeDeviceTokens(c, deps, [...deviceTokens, deviceToken]);
    const roles = await loadRoleViews(deps.db, personId);
    return c.json(await loadMe(deps.db, personId, roles, session.expiresAt), 200);
  });

  app.openapi(logoutRoute, async (c) => {
    await deleteSession(deps.db, c.get('auth').tokenHash);
    clearSessionCookie(c, deps);
    return c.body(null, 204);
  });

  app.openapi(meRoute, async (c) => {
    const auth = c.get('auth');
    return c.json(
      await loadMe(deps.db, auth.personId, auth.roles, auth.expiresAt, auth.person),
      200,
    );
  });
  return app;
}
