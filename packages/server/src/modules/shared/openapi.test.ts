import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.ts';
import { testTargets } from '../../test/databases.ts';
import { TestClient } from '../../test/http.ts';

// Every roster and catalogue endpoint is described in the OpenAPI document, with its filters.

const [pglite] = testTargets();

describe('OpenAPI of the roster modules', () => {
  let database: Database;
  let client: TestClient;
  beforeAll(async () => {
    database = await (pglite as NonNullable<typeof pglite>).open();
    client = new TestClient(database);
  });
  afterAll(async () => {
    await database.close();
  });

  it('lists the paths, methods and query filters', async () => {
    const doc = await (await client.request('/api/v1/openapi.json')).json();
    const expected: Record<string, string[]> = {
      '/regions': ['get'],
      '/ugels': ['get'],
      '/networks': ['get'],
      '/schools': ['get'],
      '/schools/{id}': ['get'],
      '/teachers': ['get'],
      '/teachers/{id}': ['get'],
      '/coaches': ['get', 'post'],
      '/coaches/{id}': ['get'],
      '/caseloads': ['get', 'post'],
      '/caseloads/{caseloadId}/end': ['post'],
      '/caseloads/{caseloadId}/move': ['post'],
      '/caseloads/proposals': ['get'],
      '/caseloads/proposals/decide': ['post'],
      '/school-years/{year}/open': ['post'],
      '/rosters/warnings': ['get'],
      '/interventions': ['get'],
      '/interventions/{code}/targets': ['get', 'put'],
      '/interventions/{code}/targets/copy': ['post'],
      '/interventions/{code}/activity-types': ['get', 'post'],
      '/interventions/{code}/activity-types/{type}': ['patch'],
      '/enrollments': ['get'],
      '/people': ['get', 'post'],
      '/people/{id}': ['get'],
      '/people/{id}/roles/{assignmentId}/end': ['post'],
    };
    for (const [path, methods] of Object.entries(expected)) {
      expect(Object.keys(doc.paths[path] ?? {}).sort(), path).toEqual([...methods].sort());
    }
    const params = (path: string) =>
      doc.paths[path].get.parameters.map((p: { name: string }) => p.name).sort();
    expect(params('/teachers')).toEqual(
      [
        'cursor',
        'intervention',
        'limit',
        'network',
        'q',
        'school',
        'total',
        'ugel',
        'withoutCoach',
      ].sort(),
    );
    expect(params('/people')).toEqual(
      ['cursor', 'limit', 'q', 'role', 'school', 'status', 'total'].sort(),
    );
    expect(params('/schools')).toEqual(
      expect.arrayContaining([
        'area',
        'characteristic',
        'level',
        'active',
        'intervention',
        'total',
      ]),
    );
  });
});
