import { type SchoolActivities, schoolActivitiesSchema } from '@acompana/core';
import { apiRequest } from '../../app/api/client.ts';

// The activity endpoints the web app reads (docs/API.md, "Collective activities"); writes
// travel through sync.

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
