import type {
  AccountChange,
  ActivationSheet,
  ActivationSheetPreview,
  ActivationSheetRequest,
  CoachRegistered,
  CoachRegistration,
  IssuedCode,
  PersonDetail,
  PersonItem,
  PersonRegistered,
  PersonRegistration,
  RegionItem,
} from '@acompana/core';
import { apiRequest } from '../../app/api/client.ts';
import { type ListQuery, listQueryString, type Page } from '../../app/api/endpoints.ts';

// The endpoints of «Personas» (docs/API.md): the directory, a person's page and the account
// actions it offers (the existing /people/{id}/account/* and /accounts/{id}/unlock routes).

const schemas = () => import('../../app/api/schemas.ts');
const id = (value: string) => encodeURIComponent(value);

export function listPeople(query: ListQuery, signal?: AbortSignal): Promise<Page<PersonItem>> {
  return apiRequest(`/api/v1/people${listQueryString(query)}`, {
    signal,
    schema: async () => (await schemas()).personPageSchema,
  });
}

export function getPerson(personId: string, signal?: AbortSignal): Promise<PersonDetail> {
  return apiRequest(`/api/v1/people/${id(personId)}`, {
    signal,
    schema: async () => (await schemas()).personDetailSchema,
  });
}

export function issueCode(personId: string): Promise<IssuedCode> {
  return apiRequest(`/api/v1/people/${id(personId)}/account/code`, {
    method: 'POST',
    schema: async () => (await schemas()).issuedCodeSchema,
  });
}

export function changeAccount(
  personId: string,
  action: 'reset' | 'deactivate' | 'reactivate',
): Promise<AccountChange> {
  return apiRequest(`/api/v1/people/${id(personId)}/account/${action}`, {
    method: 'POST',
    schema: async () => (await schemas()).accountChangeSchema,
  });
}

export function unlockAccount(personId: string): Promise<unknown> {
  return apiRequest(`/api/v1/accounts/${id(personId)}/unlock`, { method: 'POST' });
}

export function registerCoach(body: CoachRegistration): Promise<CoachRegistered> {
  return apiRequest('/api/v1/coaches', {
    method: 'POST',
    body,
    schema: async () => (await schemas()).coachRegisteredSchema,
  });
}

export function registerPerson(body: PersonRegistration): Promise<PersonRegistered> {
  return apiRequest('/api/v1/people', {
    method: 'POST',
    body,
    schema: async () => (await schemas()).personRegisteredSchema,
  });
}

export function listRegions(signal?: AbortSignal): Promise<Page<RegionItem>> {
  return apiRequest('/api/v1/regions?limit=200', {
    signal,
    schema: async () => (await schemas()).regionPageSchema,
  });
}

export function endRole(personId: string, assignmentId: string, validTo: string): Promise<unknown> {
  return apiRequest(`/api/v1/people/${id(personId)}/roles/${id(assignmentId)}/end`, {
    method: 'POST',
    body: { validTo },
  });
}

export function previewSheet(
  body: ActivationSheetRequest,
  signal?: AbortSignal,
): Promise<ActivationSheetPreview> {
  return apiRequest('/api/v1/activation-sheets/preview', {
    method: 'POST',
    body,
    signal,
    schema: async () => (await schemas()).activationSheetPreviewSchema,
  });
}

export function printSheet(body: ActivationSheetRequest): Promise<ActivationSheet> {
  return apiRequest('/api/v1/activation-sheets', {
    method: 'POST',
    body,
    schema: async () => (await schemas()).activationSheetSchema,
  });
}
