import { type Me, REPORT_BY, REPORT_CHILDREN, type Role } from '@acompana/core';
import { REPORTS, type ReportBy, type ReportKind, type ReportLevel } from './types.ts';

// The monitoring screen's state lives in the URL (/monitoreo?report=&scope=&by=&year=…), so a
// view can be bookmarked, shared and reloaded. This module reads it, fills the person's
// landing scope, and writes the report API's query and the download links from it.

/** Filters passed to the API as they are (docs/REPORTS.md «Common query»). */
export const FILTERS = [
  'year',
  'month',
  'intervention',
  'level',
  'area',
  'characteristic',
] as const;
export type FilterName = (typeof FILTERS)[number];

export const LEVELS = ['inicial', 'primaria', 'secundaria'] as const;
export const AREAS = ['urbana', 'rural'] as const;
export const CHARACTERISTICS = [
  'unidocente',
  'polidocente_multigrado',
  'polidocente_completo',
] as const;

/** The child levels a scope may be broken down by; the first is the server's default. */
export const CHILDREN = REPORT_CHILDREN;

export interface MonitorQuery {
  report: ReportKind;
  /** `nation` or `<level>:<uuid>`. */
  scope: string;
  by: ReportBy | null;
  filters: Partial<Record<FilterName, string>>;
  /** The scopes above `scope` the person came down through, from their landing scope. */
  trail: string[];
}

/** Supervisors, from the widest reach; a person with several roles lands on the widest. */
const SUPERVISORS: Role[] = ['minedu', 'especialista', 'formador', 'director'];

/** Where a supervisor lands: MINEDU on the nation, especialista on their UGEL, director on
 *  their school (the first grant of their widest supervising role). Null for others. */
export function landingScope(me: Me): string | null {
  for (const role of SUPERVISORS) {
    const grant = me.roles.find((g) => g.role === role);
    if (!grant) continue;
    if (grant.scope.level === 'national' || !grant.scope.id) return 'nation';
    return `${grant.scope.level}:${grant.scope.id}`;
  }
  return null;
}

export function scopeLevel(scope: string): ReportLevel {
  const level = scope === 'nation' ? 'nation' : scope.split(':')[0];
  return (CHILDREN as Record<string, readonly ReportBy[]>)[level ?? '']
    ? (level as ReportLevel)
    : 'nation';
}

const isReport = (value: string | null): value is ReportKind =>
  (REPORTS as readonly string[]).includes(value ?? '');
const isBy = (value: string | null): value is ReportBy =>
  (REPORT_BY as readonly string[]).includes(value ?? '');

export function readQuery(params: URLSearchParams, landing: string): MonitorQuery {
  const report = params.get('report');
  const by = params.get('by');
  const filters: MonitorQuery['filters'] = {};
  for (const name of FILTERS) {
    const value = params.get(name);
    if (value) filters[name] = value;
  }
  const trail = (params.get('trail') ?? '').split(',').filter(Boolean);
  return {
    report: isReport(report) ? report : 'compliance',
    scope: params.get('scope') || landing,
    by: isBy(by) ? by : null,
    filters,
    trail,
  };
}

/** The screen's own URL search (empty values and defaults left out). */
export function pageSearch(query: MonitorQuery, landing: string): string {
  const params = new URLSearchParams();
  if (query.report !== 'compliance') params.set('report', query.report);
  if (query.scope !== landing) params.set('scope', query.scope);
  if (query.by) params.set('by', query.by);
  for (const name of FILTERS) {
    const value = query.filters[name];
    if (value) params.set(name, value);
  }
  if (query.trail.length > 0) params.set('trail', query.trail.join(','));
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The report API's query for this view: progress is never broken down by coach. */
export function apiSearch(query: MonitorQuery): string {
  const params = new URLSearchParams();
  params.set('scope', query.scope);
  const by = query.report === 'progress' && query.by === 'coach' ? null : query.by;
  if (by) params.set('by', by);
  for (const name of FILTERS) {
    const value = query.filters[name];
    if (value) params.set(name, value);
  }
  return params.toString();
}

export function reportUrl(query: MonitorQuery, format?: 'csv' | 'xlsx'): string {
  return `/api/v1/reports/${query.report}${format ? `.${format}` : ''}?${apiSearch(query)}`;
}

/** One level down: the row's scope, its default breakdown, the way back kept in the trail. */
export function drillInto(query: MonitorQuery, drill: string): MonitorQuery {
  return { ...query, scope: drill, by: null, trail: [...query.trail, query.scope] };
}

/** Back up to the `index`-th scope of the trail. */
export function goUp(query: MonitorQuery, index: number): MonitorQuery {
  const scope = query.trail[index];
  if (scope === undefined) return query;
  return { ...query, scope, by: null, trail: query.trail.slice(0, index) };
}

/** The breakdowns offered for a view (progress never by coach: levels are formative). */
export function breakdowns(query: MonitorQuery): readonly ReportBy[] {
  const children = CHILDREN[scopeLevel(query.scope)];
  return query.report === 'progress' ? children.filter((level) => level !== 'coach') : children;
}
