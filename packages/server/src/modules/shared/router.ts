import { AppError, apiFieldLabel, type FieldIssue } from '@acompana/core';
import { OpenAPIHono } from '@hono/zod-openapi';
import type { ZodError } from 'zod';
import type { AppEnv } from '../../http/env.ts';

// The router of the roster and catalogue modules: like http/openapi.ts's apiRouter, but its
// validation messages name the roster fields in Spanish ("Revisa el campo «año escolar»: …").

export function fieldIssues(error: ZodError): FieldIssue[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    return {
      path: path || '(cuerpo)',
      message: path ? `Revisa el campo «${apiFieldLabel(path)}»: ${issue.message}` : issue.message,
    };
  });
}

export function moduleRouter(): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) throw AppError.validation(fieldIssues(result.error));
    },
  });
}
