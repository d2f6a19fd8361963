import type {
  ActivationRequest,
  CaseloadItem,
  CoachDetail,
  CoachItem,
  EnrollmentItem,
  Intervention,
  LoginRequest,
  Me,
  NetworkItem,
  OwnActivityType,
  PasswordChange,
  SchoolDetail,
  SchoolItem,
  SessionList,
  StageLadder,
  TargetRule,
  Targets,
  TeacherDetail,
  TeacherItem,
  TeacherVisits,
  UgelItem,
  Warnings,
} from '@acompana/core';
import { apiRequest } from './client.ts';

// One function per endpoint the web app uses (docs/API.md). Answers are checked against core's
// schemas, loaded with the first answer (schemas.ts): zod stays off the login page.

type Schemas = typeof import('./schemas.ts');

/** The named schema of schemas.ts, loaded when an answer needs it. */
function answer<K extends keyof Schemas>(name: K): () => Promise<Schemas[K]> {
  return async () => (await import('./schemas.ts'))[name];
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
  /** Every match within the person's reach, when the list was asked with `total: true`. */
  total?: number;
}

/** Filters of a list, by their query-string name; empty values are left out. */
export type Filters = Record<string, string | undefined>;

export interface ListQuery {
  cursor?: string | null;
  limit?: number;
  q?: string;
  filters?: Filters;
}

export function login(body: LoginRequest): Promise<Me> {
  return apiRequest('/api/v1/auth/login', { method: 'POST', body, schema: answer('meSchema') });
}

/** Activation with a one-time code (issue 14): logs the person in like `login`. */
export function activate(body: ActivationRequest): Promise<Me> {
  return apiRequest('/api/v1/auth/activate', { method: 'POST', body, schema: answer('meSchema') });
}

export function changePassword(body: PasswordChange): Promise<{ ended: number }> {
  return apiRequest('/api/v1/me/password', {
    method: 'POST',
    body,
    schema: answer('sessionsEndedSchema'),
  });
}

export function fetchSessions(signal?: AbortSignal): Promise<SessionList> {
  return apiRequest('/api/v1/me/sessions', { signal, schema: answer('sessionListSchema') });
}

export function endOtherSessions(): Promise<{ ended: number }> {
  return apiRequest('/api/v1/me/sessions', {
    method: 'DELETE',
    schema: answer('sessionsEndedSchema'),
  });
}

export function logout(): Promise<void> {
  return apiRequest('/api/v1/auth/logout', { method: 'POST' });
}

export function fetchMe(signal?: AbortSignal): Promise<Me> {
  return apiRequest('/api/v1/me', { signal, schema: answer('meSchema') });
}

export function listQueryString(query: ListQuery): string {
  const params = new URLSearchParams();
  if (query.cursor) params.set('cursor', query.cursor);
  if (query.limit !== undefined) params.set('limit', String(query.limit));
  const q = query.q?.trim();
  if (q) params.set('q', q);
  for (const [name, value] of Object.entries(query.filters ?? {}).sort(([a], [b]) =>
    a.localeCompare(b),
  )) {
    if (value) params.set(name, value);
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

const id = (value: string) => encodeURIComponent(value);

export function listTeachers(query: ListQuery, signal?: AbortSignal): Promise<Page<TeacherItem>> {
  return apiRequest(`/api/v1/teachers${listQueryString(query)}`, {
    signal,
    schema: answer('teacherPageSchema'),
  });
}

export function getTeacher(teacherId: string, signal?: AbortSignal): Promise<TeacherDetail> {
  return apiRequest(`/api/v1/teachers/${id(teacherId)}`, {
    signal,
    schema: answer('teacherDetailSchema'),
  });
}

/** A teacher's visits: with content for the teacher and their coach, date and status for
 *  supervisors in scope (docs/PRIVACY.md). */
export function getTeacherVisits(teacherId: string, signal?: AbortSignal): Promise<TeacherVisits> {
  return apiRequest(`/api/v1/teachers/${id(teacherId)}/visits`, {
    signal,
    schema: answer('teacherVisitsSchema'),
  });
}

export function listSchools(query: ListQuery, signal?: AbortSignal): Promise<Page<SchoolItem>> {
  return apiRequest(`/api/v1/schools${listQueryString(query)}`, {
    signal,
    schema: answer('schoolPageSchema'),
  });
}

export function getSchool(schoolId: string, signal?: AbortSignal): Promise<SchoolDetail> {
  return apiRequest(`/api/v1/schools/${id(schoolId)}`, {
    signal,
    schema: answer('schoolDetailSchema'),
  });
}

export function listCoaches(query: ListQuery, signal?: AbortSignal): Promise<Page<CoachItem>> {
  return apiRequest(`/api/v1/coaches${listQueryString(query)}`, {
    signal,
    schema: answer('coachPageSchema'),
  });
}

export function getCoach(coachId: string, signal?: AbortSignal): Promise<CoachDetail> {
  return apiRequest(`/api/v1/coaches/${id(coachId)}`, {
    signal,
    schema: answer('coachDetailSchema'),
  });
}

export function listCaseloads(query: ListQuery, signal?: AbortSignal): Promise<Page<CaseloadItem>> {
  return apiRequest(`/api/v1/caseloads${listQueryString(query)}`, {
    signal,
    schema: answer('caseloadPageSchema'),
  });
}

export function listUgels(signal?: AbortSignal): Promise<Page<UgelItem>> {
  return apiRequest('/api/v1/ugels?limit=200', { signal, schema: answer('ugelPageSchema') });
}

export function listNetworks(signal?: AbortSignal): Promise<Page<NetworkItem>> {
  return apiRequest('/api/v1/networks?limit=200', { signal, schema: answer('networkPageSchema') });
}

export function listEnrollments(
  query: ListQuery,
  signal?: AbortSignal,
): Promise<Page<EnrollmentItem>> {
  return apiRequest(`/api/v1/enrollments${listQueryString(query)}`, {
    signal,
    schema: answer('enrollmentPageSchema'),
  });
}

export async function listInterventions(signal?: AbortSignal): Promise<Intervention[]> {
  const list = await apiRequest('/api/v1/interventions', {
    signal,
    schema: answer('interventionListSchema'),
  });
  return list.items;
}

/** The targets of a school year; without a year, the current one. */
export function getTargets(
  code: string,
  year: number | null,
  signal?: AbortSignal,
): Promise<Targets> {
  return apiRequest(`/api/v1/interventions/${id(code)}/targets${year ? `?year=${year}` : ''}`, {
    signal,
    schema: answer('targetsSchema'),
  });
}

export function putTargets(code: string, year: number, rules: TargetRule[]): Promise<Targets> {
  return apiRequest(`/api/v1/interventions/${id(code)}/targets?year=${year}`, {
    method: 'PUT',
    body: { rules },
    schema: answer('targetsSchema'),
  });
}

/** Configures an intervention's progress-stage ladder; null goes back to the default. */
export function putStageLadder(code: string, ladder: StageLadder | null): Promise<Intervention> {
  return apiRequest(`/api/v1/interventions/${id(code)}/stage-ladder`, {
    method: 'PUT',
    body: { ladder },
    schema: answer('interventionSchema'),
  });
}

/** Adds an own activity type to an intervention (equipo MINEDU); the code comes from the name. */
export function createActivityType(code: string, name: string): Promise<OwnActivityType> {
  return apiRequest(`/api/v1/interventions/${id(code)}/activity-types`, {
    method: 'POST',
    body: { name },
    schema: answer('ownActivityTypeSchema'),
  });
}

/** Renames an own activity type or (de)activates it (equipo MINEDU). */
export function updateActivityType(
  code: string,
  type: string,
  change: { name?: string; active?: boolean },
): Promise<OwnActivityType> {
  return apiRequest(`/api/v1/interventions/${id(code)}/activity-types/${id(type)}`, {
    method: 'PATCH',
    body: change,
    schema: answer('ownActivityTypeSchema'),
  });
}

export function copyTargets(code: string, fromYear: number, toYear: number): Promise<Targets> {
  return apiRequest(`/api/v1/interventions/${id(code)}/targets/copy`, {
    method: 'POST',
    body: { fromYear, toYear },
    schema: answer('targetsSchema'),
  });
}

export function getWarnings(signal?: AbortSignal): Promise<Warnings> {
  return apiRequest('/api/v1/rosters/warnings?limit=10', {
    signal,
    schema: answer('warningsSchema'),
  });
}
