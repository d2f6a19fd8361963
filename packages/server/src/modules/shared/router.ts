import { AppError, apiFieldLabel, fieldIssues } from '@acompana/core';
import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/env.ts';

// The router of the roster and catalogue modules: like http/openapi.ts's apiRouter, but its
// validation messages name the roster fields in Spanish ("Revisa el campo «año escolar»: …").

export function moduleRouter(): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success)
        throw AppError.validation(fieldIssues(result.error, { label: apiFieldLabel }));
    },
  });
}
