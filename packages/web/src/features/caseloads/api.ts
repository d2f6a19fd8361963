import type {
  CaseloadAssign,
  CaseloadItem,
  CaseloadWriteResult,
  CoachItem,
  ProposalList,
  Warnings,
  YearOpeningResult,
} from '@acompana/core';
import { apiRequest } from '../../app/api/client.ts';
import { listCaseloads, listCoaches } from '../../app/api/endpoints.ts';

// The board's calls (docs/API.md «Coaches and caseloads»): the writes, and whole lists of the
// person's scope (a UGEL's coaches and current rows fit in a few pages).

const writeResult = async () =>
  (await import('../../app/api/schemas.ts')).caseloadWriteResultSchema;

export function assignCaseload(body: CaseloadAssign): Promise<CaseloadWriteResult> {
  return apiRequest('/api/v1/caseloads', { method: 'POST', body, schema: writeResult });
}

export function endCaseload(
  caseloadId: string,
  body: { validTo?: string; reason?: string },
): Promise<CaseloadWriteResult> {
  return apiRequest(`/api/v1/caseloads/${encodeURIComponent(caseloadId)}/end`, {
    method: 'POST',
    body,
    schema: writeResult,
  });
}

export function moveCaseload(
  caseloadId: string,
  body: { coachId: string; date?: string; reason?: string },
): Promise<CaseloadWriteResult> {
  return apiRequest(`/api/v1/caseloads/${encodeURIComponent(caseloadId)}/move`, {
    method: 'POST',
    body,
    schema: writeResult,
  });
}

/** Follows the cursor up to `maxPages` pages of 100. */
async function whole<T>(
  fetchPage: (
    query: { cursor: string | null; limit: number },
    signal?: AbortSignal,
  ) => Promise<{ items: T[]; nextCursor: string | null }>,
  signal?: AbortSignal,
  maxPages = 10,
): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < maxPages; page++) {
    const answer: { items: T[]; nextCursor: string | null } = await fetchPage(
      { cursor, limit: 100 },
      signal,
    );
    items.push(...answer.items);
    cursor = answer.nextCursor;
    if (!cursor) break;
  }
  return items;
}

export interface BoardData {
  proposals: ProposalList;
  warnings: Warnings;
  coaches: CoachItem[];
  rows: CaseloadItem[];
}

export async function loadBoard(signal?: AbortSignal): Promise<BoardData> {
  const warningsSchema = async () => (await import('../../app/api/schemas.ts')).warningsSchema;
  const proposalSchema = async () => (await import('../../app/api/schemas.ts')).proposalListSchema;
  const [proposals, warnings, coaches, rows] = await Promise.all([
    apiRequest('/api/v1/caseloads/proposals', { signal, schema: proposalSchema }),
    apiRequest('/api/v1/rosters/warnings?limit=50', { signal, schema: warningsSchema }),
    whole((q, s) => listCoaches(q, s), signal),
    whole((q, s) => listCaseloads(q, s), signal),
  ]);
  return { proposals, warnings, coaches, rows };
}

export function openSchoolYear(year: number): Promise<YearOpeningResult> {
  return apiRequest(`/api/v1/school-years/${year}/open`, {
    method: 'POST',
    schema: async () => (await import('../../app/api/schemas.ts')).yearOpeningSchema,
  });
}

export function decideProposals(
  ids: string[],
  decision: 'confirm' | 'discard',
): Promise<{ confirmed: number; discarded: number; created: number; ended: number }> {
  return apiRequest('/api/v1/caseloads/proposals/decide', {
    method: 'POST',
    body: { ids, decision },
    schema: async () => (await import('../../app/api/schemas.ts')).proposalDecisionResultSchema,
  });
}
