import {
  type LoginRequest,
  type Me,
  meSchema,
  type SchoolItem,
  schoolPageSchema,
  type TeacherItem,
  teacherPageSchema,
} from '@acompana/core';
import { apiRequest } from './client.ts';

// One function per endpoint the web app uses (DESIGN.md §7).

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface ListQuery {
  cursor?: string | null;
  limit?: number;
  q?: string;
}

export function login(body: LoginRequest): Promise<Me> {
  return apiRequest('/api/v1/auth/login', { method: 'POST', body, schema: meSchema });
}

export function logout(): Promise<void> {
  return apiRequest('/api/v1/auth/logout', { method: 'POST' });
}

export function fetchMe(signal?: AbortSignal): Promise<Me> {
  return apiRequest('/api/v1/me', { signal, schema: meSchema });
}

export function listQueryString(query: ListQuery): string {
  const params = new URLSearchParams();
  if (query.cursor) params.set('cursor', query.cursor);
  if (query.limit !== undefined) params.set('limit', String(query.limit));
  const q = query.q?.trim();
  if (q) params.set('q', q);
  const text = params.toString();
  return text ? `?${text}` : '';
}

export function listTeachers(query: ListQuery, signal?: AbortSignal): Promise<Page<TeacherItem>> {
  return apiRequest(`/api/v1/teachers${listQueryString(query)}`, {
    signal,
    schema: teacherPageSchema,
  });
}

export function listSchools(query: ListQuery, signal?: AbortSignal): Promise<Page<SchoolItem>> {
  return apiRequest(`/api/v1/schools${listQueryString(query)}`, {
    signal,
    schema: schoolPageSchema,
  });
}
