import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { testTargets } from '../../test/databases.ts';
import { allPages, rosterHarness } from '../shared/testing.ts';
import { searchFold } from './search.ts';

// Search ignores case and accents on both engines (issue 12): `q=senor` finds "Señor".

describe.each(testTargets())('accent-insensitive search on $engine', (target) => {
  const h = rosterHarness(target, async (db) => {
    await sql`UPDATE person SET paternal_surname = 'Núñez', maternal_surname = 'Ángeles'
      WHERE dni = '30000001'`.execute(db);
  });

  const found = async (list: string, q: string) =>
    (
      await allPages<{ id: string }>(
        h.client,
        `/api/v1/${list}?q=${encodeURIComponent(q)}`,
        h.cookies.minedu as string,
        200,
      )
    ).items
      .map((i) => i.id)
      .sort();

  it('finds schools whatever the accents and case of q or of the name', async () => {
    const withAccent = await found('schools', 'señor');
    expect(withAccent.length).toBeGreaterThan(0);
    for (const q of ['senor', 'SENOR', 'SEÑOR', 'Señor']) {
      expect(await found('schools', q), q).toEqual(withAccent);
    }
    const { rows } = await sql<{ id: string }>`
      SELECT id FROM school WHERE name ILIKE '%señor%' OR name ILIKE '%senor%'`.execute(h.db);
    expect(withAccent).toEqual(rows.map((r) => r.id).sort());
  });

  it('finds people by surnames without accents, in teachers, coaches and caseloads', async () => {
    const { rows } = await sql<{ id: string }>`
      SELECT id FROM person WHERE dni = '30000001'`.execute(h.db);
    const docente = rows[0]?.id as string;
    for (const q of ['nunez', 'NUNEZ angeles', 'núñez', 'Nuñez Ángeles']) {
      expect(await found('teachers', q), q).toEqual([docente]);
    }
    const caseloads = await h.client.getJson(
      '/api/v1/caseloads?q=nunez%20angeles&status=all',
      h.cookies.minedu as string,
    );
    expect(caseloads.status).toBe(200);
    expect(caseloads.body.items.length).toBeGreaterThan(0);
    for (const item of caseloads.body.items) expect(item.teacher?.id).toBe(docente);
    expect(await found('teachers', 'n%nez')).toEqual([]);
  });

  it('folds q exactly as the database folds names, and serves the search from an index', async () => {
    const text = 'ÁÉÍÓÚÜÑ áéíóúüñ Çç àèìòù Huánuco MUÑOZ Ñaña 50%_x';
    const { rows } = await sql<{ folded: string }>`SELECT search_fold(${text}) AS folded`.execute(
      h.db,
    );
    expect(rows[0]?.folded).toBe(searchFold(text));
    expect(searchFold('Señor de Huanca')).toBe('senor de huanca');

    await sql`SET enable_seqscan = off`.execute(h.db);
    try {
      const plan = await sql<{ 'QUERY PLAN': string }>`
        EXPLAIN SELECT id FROM school WHERE search_fold(name) LIKE '%senor%'`.execute(h.db);
      expect(plan.rows.map((r) => r['QUERY PLAN']).join('\n')).toContain('school_search_idx');
      const people = await sql<{ 'QUERY PLAN': string }>`
        EXPLAIN SELECT id FROM person
        WHERE person_search_name(paternal_surname, maternal_surname, given_names) LIKE '%nunez%'`.execute(
        h.db,
      );
      expect(people.rows.map((r) => r['QUERY PLAN']).join('\n')).toContain('person_search_idx');
    } finally {
      await sql`RESET enable_seqscan`.execute(h.db);
    }
  });
});
