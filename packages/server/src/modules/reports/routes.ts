import {
  complianceReportSchema,
  coverageReportSchema,
  myProgressSchema,
  progressReportSchema,
  reportQuerySchema,
} from '@acompana/core';
import { createRoute, z } from '@hono/zod-openapi';
import type { Context, TypedResponse } from 'hono';
import type { JSONValue } from 'hono/utils/types';
import { acceptedEncoding } from '../../http/compress.ts';
import type { AppEnv, Deps } from '../../http/env.ts';
import { errorResponses } from '../../http/openapi.ts';
import { moduleRouter } from '../shared/router.ts';
import { type Answer, ReportAnswers } from './answers.ts';
import {
  COMPLIANCE,
  COVERAGE,
  complianceCsv,
  coverageCsv,
  csvFilename,
  PROGRESS,
  progressCsv,
} from './csv.ts';
import { myProgress } from './my-progress.ts';
import { progressAnswer, progressTable } from './progress.ts';
import { complianceAnswer, complianceTable, coverageAnswer, coverageTable } from './reports.ts';
import { xlsxStream } from './xlsx.ts';

// The monitoring reports (docs/REPORTS.md). Read-only: they use the read database when
// DATABASE_READ_URL is set (deps.readDb), else the one database.

const QUERY_DOC =
  'Consulta común: year, month, scope (nation | region:<id> | ugel:<id> | network:<id> | school:<id> | coach:<id>), by, intervention, level, area, characteristic, limit, cursor. Celdas de menos de 5 docentes suprimidas (y supresión complementaria). Errores: REPORT_SCOPE_INVALID, REPORT_BY_INVALID, FORBIDDEN.';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const jsonRoute = (path: string, summary: string, schema: z.ZodTypeAny) =>
  createRoute({
    method: 'get',
    path,
    summary,
    description: QUERY_DOC,
    request: { query: reportQuerySchema },
    responses: {
      200: { description: summary, content: { 'application/json': { schema } } },
      ...errorResponses(400, 401, 403),
    },
  });

const csvRoute = (path: string, summary: string) =>
  createRoute({
    method: 'get',
    path,
    summary,
    description: `${QUERY_DOC} Las mismas filas y el total que el JSON (todas las páginas), con «< 5» donde se suprime; CSV UTF-8 con BOM, en flujo.`,
    request: { query: reportQuerySchema },
    responses: {
      200: { description: summary, content: { 'text/csv': { schema: z.string() } } },
      ...errorResponses(400, 401, 403),
    },
  });

const xlsxRoute = (path: string, summary: string) =>
  createRoute({
    method: 'get',
    path,
    summary,
    description: `${QUERY_DOC} Las mismas filas, el total y «< 5» que el CSV, como hoja de cálculo XLSX, en flujo.`,
    request: { query: reportQuerySchema },
    responses: {
      200: {
        description: summary,
        content: { [XLSX_TYPE]: { schema: z.string() } },
      },
      ...errorResponses(400, 401, 403),
    },
  });

const routes = {
  compliance: jsonRoute('/reports/compliance', 'Cumplimiento de metas', complianceReportSchema),
  coverage: jsonRoute('/reports/coverage', 'Cobertura y continuidad', coverageReportSchema),
  progress: jsonRoute(
    '/reports/progress',
    'Progreso: niveles de la rúbrica por desempeño y mes, etapas y movimiento (solo agregados; nunca por acompañante)',
    progressReportSchema,
  ),
  complianceCsv: csvRoute('/reports/compliance.csv', 'Cumplimiento de metas (CSV)'),
  coverageCsv: csvRoute('/reports/coverage.csv', 'Cobertura y continuidad (CSV)'),
  complianceXlsx: xlsxRoute('/reports/compliance.xlsx', 'Cumplimiento de metas (XLSX)'),
  coverageXlsx: xlsxRoute('/reports/coverage.xlsx', 'Cobertura y continuidad (XLSX)'),
  progressXlsx: xlsxRoute(
    '/reports/progress.xlsx',
    'Progreso: docentes y movimiento por fila (XLSX)',
  ),
  progressCsv: csvRoute('/reports/progress.csv', 'Progreso: docentes y movimiento por fila (CSV)'),
  myProgress: createRoute({
    method: 'get',
    path: '/reports/my-progress',
    summary: 'Mi avance: el cumplimiento del grupo del acompañante, docente por docente',
    request: { query: reportQuerySchema.pick({ year: true, month: true }) },
    responses: {
      200: {
        description: 'Mi avance',
        content: { 'application/json': { schema: myProgressSchema } },
      },
      ...errorResponses(400, 401, 403),
    },
  }),
};

function xlsxResponse(c: Context<AppEnv>, body: ReadableStream<Uint8Array>, filename: string) {
  return c.body(body, 200, {
    'content-type': XLSX_TYPE,
    'content-disposition': `attachment; filename="${filename}"`,
    'cache-control': 'no-store',
  });
}

function csvResponse(c: Context<AppEnv>, body: ReadableStream<Uint8Array>, filename: string) {
  return c.body(body, 200, {
    'content-type': 'text/csv; charset=utf-8',
    'content-disposition': `attachment; filename="${filename}"`,
    'cache-control': 'no-store',
  });
}

/** A kept answer's bytes, compressed as the client accepts (the JSON middleware leaves a body
 *  with a Content-Encoding alone). Typed as the JSON it is: the route schema's, serialized once. */
function answerResponse(
  c: Context<AppEnv>,
  answers: ReportAnswers,
  [key, answer]: [string, Answer],
): TypedResponse<JSONValue, 200, 'json'> {
  const encoding = answer.compressible ? acceptedEncoding(c.req.header('Accept-Encoding')) : null;
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  // Uncompressed, the JSON middleware adds the Vary; compressed, it leaves the response alone.
  if (encoding) Object.assign(headers, { 'content-encoding': encoding, vary: 'Accept-Encoding' });
  const bytes = answers.bytes(key, answer, encoding ?? 'json');
  const body = new Uint8Array(bytes.buffer as ArrayBuffer, bytes.byteOffset, bytes.byteLength);
  return c.body(body, 200, headers) as unknown as TypedResponse<JSONValue, 200, 'json'>;
}

export function reportRoutes(deps: Deps) {
  const app = moduleRouter();
  const db = { read: deps.readDb ?? deps.db, write: deps.db };
  const answers = new ReportAnswers();
  app.openapi(routes.compliance, async (c) =>
    answerResponse(
      c,
      answers,
      await complianceAnswer(db, c.get('auth').actor, c.req.valid('query'), answers),
    ),
  );
  app.openapi(routes.coverage, async (c) =>
    answerResponse(
      c,
      answers,
      await coverageAnswer(db, c.get('auth').actor, c.req.valid('query'), answers),
    ),
  );
  app.openapi(routes.progress, async (c) =>
    answerResponse(
      c,
      answers,
      await progressAnswer(db, c.get('auth').actor, c.req.valid('query'), answers),
    ),
  );
  app.openapi(routes.complianceCsv, async (c) => {
    const t = await complianceTable(db, c.get('auth').actor, c.req.valid('query'));
    return csvResponse(c, complianceCsv(t), csvFilename('cumplimiento', t));
  });
  app.openapi(routes.coverageCsv, async (c) => {
    const t = await coverageTable(db, c.get('auth').actor, c.req.valid('query'));
    return csvResponse(c, coverageCsv(t), csvFilename('cobertura', t));
  });
  app.openapi(routes.progressCsv, async (c) => {
    const t = await progressTable(db, c.get('auth').actor, c.req.valid('query'));
    return csvResponse(c, progressCsv(t), csvFilename('progreso', t));
  });
  app.openapi(routes.complianceXlsx, async (c) => {
    const t = await complianceTable(db, c.get('auth').actor, c.req.valid('query'));
    return xlsxResponse(
      c,
      xlsxStream(COMPLIANCE, t, 'Cumplimiento'),
      csvFilename('cumplimiento', t, 'xlsx'),
    );
  });
  app.openapi(routes.coverageXlsx, async (c) => {
    const t = await coverageTable(db, c.get('auth').actor, c.req.valid('query'));
    return xlsxResponse(
      c,
      xlsxStream(COVERAGE, t, 'Cobertura'),
      csvFilename('cobertura', t, 'xlsx'),
    );
  });
  app.openapi(routes.progressXlsx, async (c) => {
    const t = await progressTable(db, c.get('auth').actor, c.req.valid('query'));
    return xlsxResponse(c, xlsxStream(PROGRESS, t, 'Progreso'), csvFilename('progreso', t, 'xlsx'));
  });
  app.openapi(routes.myProgress, async (c) =>
    c.json(await myProgress(db, c.get('auth').actor, c.req.valid('query')), 200),
  );
  return app;
}
