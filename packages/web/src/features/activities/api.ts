import {
  type SchoolActivities,
  schoolActivitiesSchema,
  type UgelActivities,
  type UgelActivityOptions,
  type UgelActivityWrite,
  ugelActivitiesSchema,
  ugelActivityOptionsSchema,
  ugelActivitySavedSchema,
} from '@acompana/core';
import { apiRequest } from '../../app/api/client.ts';

// The activity endpoints of the web app (docs/API.md, "Collective activities"). Coaches'
// writes travel through sync; the UGEL specialist's talleres are written online.

/** GET /schools/{id}/activities: that each activity happened and who of the school attended. */
export function getSchoolActivities(
  schoolId: string,
  signal?: AbortSignal,
): Promise<SchoolActivities> {
  return apiRequest(`/api/v1/schools/${encodeURIComponent(schoolId)}/activities`, {
    schema: schoolActivitiesSchema,
    signal,
  });
}

/** GET /ugel-activities: the specialist's UGEL-wide talleres, with who attended. */
export function listUgelActivities(signal?: AbortSignal): Promise<UgelActivities> {
  return apiRequest('/api/v1/ugel-activities', { schema: ugelActivitiesSchema, signal });
}

/** GET /ugel-activities/options: the UGEL's schools, networks, coaches and teachers. */
export function getUgelActivityOptions(signal?: AbortSignal): Promise<UgelActivityOptions> {
  return apiRequest('/api/v1/ugel-activities/options', {
    schema: ugelActivityOptionsSchema,
    signal,
  });
}

/** PUT /ugel-activities/{id}: creates (baseVersion 0) or edits the specialist's taller. */
export function putUgelActivity(
  id: string,
  body: UgelActivityWrite,
): Promise<{ id: string; version: number }> {
  return apiRequest(`/api/v1/ugel-activities/${encodeURIComponent(id)}`, {
    method: 'PUT',
    body,
    schema: ugelActivitySavedSchema,
  });
}
