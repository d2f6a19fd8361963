import { AppError, ERROR_CODES, fieldIssues } from '@acompana/core';
import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from './env.ts';

// Every API router is an OpenAPIHono whose validation failures become our one error type.
export function apiRouter(): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) throw AppError.validation(fieldIssues(result.error));
    },
  });
}

export const errorBodySchema = z.object({
  error: z.object({
    code: z.enum(Object.keys(ERROR_CODES) as [keyof typeof ERROR_CODES]),
    message: z.string(),
    details: z.record(z.string(), z.unknown()).nullable(),
  }),
});

export function errorResponses(...statuses: number[]) {
  const out: Record<
    number,
    { description: string; content: Record<string, { schema: typeof errorBodySchema }> }
  > = {};
  for (const status of statuses) {
    out[status] = {
      description: 'Error',
      content: { 'application/json': { schema: errorBodySchema } },
    };
  }
  return out;
}
