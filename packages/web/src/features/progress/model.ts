import {
  type DesempenoSeries,
  formatLimaDate,
  type InstrumentResponseRecord,
  type LevelHistory,
  levelHistory,
  limaDateOf,
  type ObservedLevel,
  type ScoredObservation,
  type StageRecord,
  type VersionDetail,
  type VisitRecord,
} from '@acompana/core';

// Pure helpers of the progress screen: the device's records → the observations core's
// levelHistory reads (dated as the server does), the table and chart models, and the order of
// the stage decisions. No React, no text: wording lives in reasons.ts and the catalog.

interface Local<T> {
  id: string;
  updatedAt: string;
  data: T;
}

/**
 * Complete rubric responses as dated observations: the visit's planned date when the visit is
 * on the device, else the day the response was last saved. A response counts as a rubric when
 * its cached version says so, or (version not cached) when its answers carry rubric scores.
 * Ties on a date keep the id order, like the server (ORDER BY date, id).
 */
export function rubricObservations(
  responses: readonly Local<InstrumentResponseRecord>[],
  visits: readonly Local<Pick<VisitRecord, 'plannedDate'>>[],
  versions: readonly Pick<VersionDetail, 'id' | 'definition'>[],
): ScoredObservation[] {
  const plannedDate = new Map(visits.map((visit) => [visit.id, visit.data.plannedDate]));
  const typeOf = new Map(versions.map((version) => [version.id, version.definition.type]));
  const isRubric = (response: InstrumentResponseRecord) => {
    const type = typeOf.get(response.instrumentVersionId);
    if (type) return type === 'rubric';
    const scores = response.answers.scores;
    return !!scores && typeof scores === 'object' && !Array.isArray(scores);
  };
  return responses
    .filter((response) => response.data.status === 'complete' && isRubric(response.data))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((response) => {
      const visitId = response.data.visitId;
      return {
        date: (visitId && plannedDate.get(visitId)) || limaDateOf(response.updatedAt),
        visitId,
        scores: response.data.answers.scores,
      };
    });
}

/** Desempeño names by code from the cached rubric versions (newest version wins). */
export function desempenoNames(
  versions: readonly Pick<VersionDetail, 'version' | 'definition'>[],
): Map<string, string> {
  const names = new Map<string, string>();
  const newestFirst = [...versions].sort((a, b) => b.version - a.version);
  for (const version of newestFirst) {
    if (version.definition.type !== 'rubric') continue;
    for (const d of version.definition.desempenos) {
      if (!names.has(d.code)) names.set(d.code, d.name);
    }
  }
  return names;
}

export interface TableColumn {
  /** date + visit: two observations of one day stay apart. */
  key: string;
  date: string;
  visitId: string | null;
}

export interface TableRow {
  code: string;
  name: string;
  /** One cell per column; null where the desempeño was not observed. */
  cells: (ObservedLevel | null)[];
}

export interface LevelTable {
  columns: TableColumn[];
  rows: TableRow[];
}

const columnKey = (date: string, visitId: string | null) => `${date}|${visitId ?? ''}`;

/** desempeño × observation → level, columns oldest first, rows in the series' order. */
export function levelTable(
  desempenos: readonly DesempenoSeries[],
  names: ReadonlyMap<string, string>,
): LevelTable {
  const columns = new Map<string, TableColumn>();
  for (const series of desempenos) {
    for (const point of series.points) {
      const key = columnKey(point.date, point.visitId);
      if (!columns.has(key)) columns.set(key, { key, date: point.date, visitId: point.visitId });
    }
  }
  const ordered = [...columns.values()].sort(
    (a, b) => a.date.localeCompare(b.date) || a.key.localeCompare(b.key),
  );
  const index = new Map(ordered.map((column, i) => [column.key, i]));
  const rows = desempenos.map((series) => {
    const cells: (ObservedLevel | null)[] = ordered.map(() => null);
    for (const point of series.points) {
      const i = index.get(columnKey(point.date, point.visitId));
      if (i !== undefined) cells[i] = point.level;
    }
    return { code: series.code, name: names.get(series.code) ?? series.code, cells };
  });
  return { columns: ordered, rows };
}

export interface ChartModel {
  /** x positions (observation index), so observations of one day do not overlap. */
  x: number[];
  dates: string[];
  series: { code: string; name: string; values: (number | null)[] }[];
}

/** The table's rows that are selected, as uPlot-ready aligned series. */
export function chartModel(table: LevelTable, selected: ReadonlySet<string>): ChartModel {
  return {
    x: table.columns.map((_, i) => i),
    dates: table.columns.map((column) => column.date),
    series: table.rows
      .filter((row) => selected.has(row.code))
      .map((row) => ({ code: row.code, name: row.name, values: [...row.cells] })),
  };
}

/** How many desempeños the chart shows before the person picks (a rubric has up to 20). */
export const DEFAULT_SHOWN = 5;

export function defaultSelection(codes: readonly string[], max = DEFAULT_SHOWN): Set<string> {
  return new Set(codes.slice(0, max));
}

/** Everything the screen shows about levels, from the device's records. */
export function progressFrom(
  responses: readonly Local<InstrumentResponseRecord>[],
  visits: readonly Local<Pick<VisitRecord, 'plannedDate'>>[],
  versions: readonly Pick<VersionDetail, 'id' | 'version' | 'definition'>[],
): LevelHistory & { table: LevelTable; names: Map<string, string> } {
  const levels = levelHistory(rubricObservations(responses, visits, versions));
  const names = desempenoNames(versions);
  return { ...levels, names, table: levelTable(levels.desempenos, names) };
}

/** Stage decisions, newest first (ties: the later-saved record first). */
export function decisionsNewestFirst<T extends Local<Pick<StageRecord, 'decidedAt'>>>(
  records: readonly T[],
): T[] {
  return [...records].sort(
    (a, b) =>
      Date.parse(b.data.decidedAt) - Date.parse(a.data.decidedAt) ||
      b.updatedAt.localeCompare(a.updatedAt) ||
      b.id.localeCompare(a.id),
  );
}

/** "2026-05-03T15:00:00Z" → "3 de mayo de 2026" (the date in Lima). */
export function formatDecidedAt(iso: string): string {
  return formatLimaDate(iso);
}

/** The form's own check before saving: overriding the suggestion needs a note. */
export function decisionProblem(
  stage: string,
  suggested: string | null,
  note: string,
): 'noteRequired' | null {
  return suggested !== null && stage !== suggested && note.trim() === '' ? 'noteRequired' : null;
}
