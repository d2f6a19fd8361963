import {
  type InstrumentExport,
  type InstrumentSummary,
  instrumentExportSchema,
  instrumentListSchema,
  instrumentSummarySchema,
  type VersionDetail,
  type VersionDiff,
  versionDetailSchema,
  versionDiffSchema,
} from '@acompana/core';
import { apiRequest } from '../../app/api/client.ts';

// The /instruments endpoints the web app uses (docs/API.md).

export async function listInstruments(signal?: AbortSignal): Promise<InstrumentSummary[]> {
  const body = await apiRequest('/api/v1/instruments', { schema: instrumentListSchema, signal });
  return body.items;
}

export function getInstrument(id: string, signal?: AbortSignal): Promise<InstrumentSummary> {
  return apiRequest(`/api/v1/instruments/${id}`, { schema: instrumentSummarySchema, signal });
}

export function getVersion(versionId: string, signal?: AbortSignal): Promise<VersionDetail> {
  return apiRequest(`/api/v1/instrument-versions/${versionId}`, {
    schema: versionDetailSchema,
    signal,
  });
}

export function newDraft(instrumentId: string): Promise<VersionDetail> {
  return apiRequest(`/api/v1/instruments/${instrumentId}/versions`, {
    method: 'POST',
    body: {},
    schema: versionDetailSchema,
  });
}

export function saveDraft(
  instrumentId: string,
  versionId: string,
  definition: unknown,
  changeNote: string,
): Promise<VersionDetail> {
  return apiRequest(`/api/v1/instruments/${instrumentId}/versions/${versionId}`, {
    method: 'PUT',
    body: { definition, changeNote },
    schema: versionDetailSchema,
  });
}

export function transition(
  instrumentId: string,
  versionId: string,
  to: 'publish' | 'retire',
): Promise<VersionDetail> {
  return apiRequest(`/api/v1/instruments/${instrumentId}/versions/${versionId}/${to}`, {
    method: 'POST',
    schema: versionDetailSchema,
  });
}

export function exportInstrument(
  instrumentId: string,
  versionId: string,
): Promise<InstrumentExport> {
  return apiRequest(`/api/v1/instruments/${instrumentId}/export?version=${versionId}`, {
    schema: instrumentExportSchema,
  });
}

export function importInstrument(json: unknown): Promise<VersionDetail> {
  return apiRequest('/api/v1/instruments/import', {
    method: 'POST',
    body: json,
    schema: versionDetailSchema,
  });
}

export function diffVersions(
  instrumentId: string,
  from: string,
  to: string,
  signal?: AbortSignal,
): Promise<VersionDiff> {
  return apiRequest(`/api/v1/instruments/${instrumentId}/diff?from=${from}&to=${to}`, {
    schema: versionDiffSchema,
    signal,
  });
}
