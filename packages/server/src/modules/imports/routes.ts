import {
  AppError,
  IMPORT_KINDS,
  type ImportKind,
  importKindName,
  importQuerySchema,
  importReportSchema,
  reachOf,
} from '@acompana/core';
import { createRoute, z } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import type { Deps } from '../../http/env.ts';
import { apiRouter, errorResponses } from '../../http/openapi.ts';
import { runImport } from './run.ts';
import { blobSource } from './source.ts';

// POST /imports/schools and /imports/teachers: multipart upload of a CSV or XLSX (field
// `file`). Padrón files are tens of MB, so these paths get their own body limit; app.ts skips
// the API-wide 1 MiB limit for IMPORT_UPLOAD_PATHS.

export const IMPORT_UPLOAD_PATHS = '/api/v1/imports/*';
export const IMPORT_MAX_BYTES = 50 * 1024 * 1024;

const uploadSchema = z.object({
  file: z
    .custom<File>((v) => v instanceof File, {
      message: 'Adjunta el archivo CSV o XLSX en el campo «file».',
    })
    .openapi({ type: 'string', format: 'binary' }),
});

const KIND_TEXT: Record<ImportKind, string> = {
  schools: 'Importa instituciones educativas desde el padrón de ESCALE (CSV o XLSX)',
  teachers: 'Importa docentes y sus plazas por año escolar (CSV o XLSX)',
  coaches:
    'Registra acompañantes con su rol fechado en una UGEL: de las listas por DNI o nuevos (CSV o XLSX)',
};

function importRoute(kind: ImportKind) {
  return createRoute({
    method: 'post',
    path: `/imports/${kind}`,
    summary: KIND_TEXT[kind],
    description:
      'Todo o nada: si hay filas inválidas no se guarda nada (422 IMPORT_INVALID_ROWS con el informe en details), salvo con skipInvalid=true. dryRun=true valida y cuenta sin guardar. Reimportar el mismo archivo no cambia nada.',
    request: {
      query: importQuerySchema,
      body: { required: true, content: { 'multipart/form-data': { schema: uploadSchema } } },
    },
    responses: {
      200: {
        description: 'Informe de la importación (aplicada o simulada)',
        content: { 'application/json': { schema: importReportSchema } },
      },
      ...errorResponses(400, 401, 403, 413, 422),
    },
  });
}

export function importRoutes(deps: Deps) {
  const app = apiRouter();
  for (const kind of IMPORT_KINDS) {
    // Refuse a role that cannot import at all before receiving the upload.
    app.use(`/imports/${kind}`, async (c, next) => {
      const actor = c.get('auth').actor;
      const resource = kind === 'schools' ? 'school' : 'teacher';
      if (
        reachOf(actor, resource, 'create').length + reachOf(actor, resource, 'update').length ===
        0
      ) {
        throw new AppError('FORBIDDEN', `Tu rol no permite importar ${importKindName(kind)}.`);
      }
      await next();
    });
  }
  app.use(
    '/imports/*',
    bodyLimit({
      maxSize: IMPORT_MAX_BYTES,
      onError: () => {
        throw new AppError(
          'PAYLOAD_TOO_LARGE',
          'El archivo supera los 50 MB. Divídelo o usa la línea de comandos (npx acompana import).',
        );
      },
    }),
  );
  for (const kind of IMPORT_KINDS) {
    app.openapi(importRoute(kind), async (c) => {
      const actor = c.get('auth').actor;
      const { file } = c.req.valid('form');
      const { dryRun, skipInvalid } = c.req.valid('query');
      const report = await runImport(deps.db, actor, kind, blobSource(file, file.name), {
        dryRun,
        skipInvalid,
        auditActorId: c.get('auth').personId,
      });
      return c.json(report, 200);
    });
  }
  return app;
}
