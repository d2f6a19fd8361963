import { apiRequest } from '../../app/api/client.ts';
import { type MonitorQuery, reportUrl } from './query.ts';
import type { AnyReport, MyProgress } from './types.ts';

// The report calls (docs/REPORTS.md). Schemas (and zod) load with the first answer.

const schemas = () => import('./schemas.ts');

/** One page of rows (the total is always complete); `cursor` from the previous page. */
export function fetchReport(
  query: MonitorQuery,
  signal?: AbortSignal,
  cursor?: string,
): Promise<AnyReport> {
  const schema = async () => {
    const all = await schemas();
    if (query.report === 'coverage') return all.coverageSchema;
    if (query.report === 'progress') return all.progressSchema;
    return all.complianceSchema;
  };
  const url = cursor
    ? `${reportUrl(query)}&cursor=${encodeURIComponent(cursor)}`
    : reportUrl(query);
  return apiRequest<AnyReport>(url, { schema, signal });
}

export function fetchMyProgress(signal?: AbortSignal): Promise<MyProgress> {
  return apiRequest<MyProgress>('/api/v1/reports/my-progress', {
    schema: async () => (await schemas()).myProgressSchema,
    signal,
  });
}
