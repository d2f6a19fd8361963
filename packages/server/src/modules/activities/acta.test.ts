import { randomUUID } from 'node:crypto';
import { inflateSync } from 'node:zlib';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { testTargets } from '../../test/databases.ts';
import { addAccount, DNI, idOf, rosterHarness } from '../shared/testing.ts';

// GET /activities/{id}/acta.pdf: the demo coach prints the acta of an activity they organise
// (the same layout as the device, core's layoutActa) from the server's records — theme,
// attendees' names, agreements. The read is audited naming the invitees. Roles that never read
// activity records get 403; a coach or teacher who does not organise it, 404.

/** The text a PDF shows: each text operator's string, streams inflated, joined by spaces. */
function pdfText(bytes: Uint8Array): string {
  const raw = Buffer.from(bytes);
  const parts: string[] = [];
  const streams = /stream\r?\n/g;
  for (let m = streams.exec(raw.toString('latin1')); m; m = streams.exec(raw.toString('latin1'))) {
    const start = m.index + m[0].length;
    const end = raw.indexOf('endstream', start, 'latin1');
    let content: string;
    try {
      content = inflateSync(raw.subarray(start, end)).toString('latin1');
    } catch {
      content = raw.subarray(start, end).toString('latin1');
    }
    for (const t of content.matchAll(/\(((?:\\.|[^\\)])*)\)\s*Tj/g)) {
      parts.push((t[1] ?? '').replace(/\\(.)/g, '$1'));
    }
  }
  return parts.join(' ').replace(/\s+/g, ' ');
}

describe.each(testTargets())('acta of an activity on $engine', (target) => {
  const h = rosterHarness(target, async (db, far) => {
    // A coach and a teacher of their own, neither related to the demo coach's activities.
    await addAccount(db, far.coachId, 'acompanante', { level: 'ugel', id: far.ugelId });
    await addAccount(db, far.teacherId, 'docente', { level: 'school', id: far.schoolId });
  });

  /** A done activity of the demo coach with agreements and someone marked present. */
  async function organised() {
    const coach = await idOf(h.db, DNI.coach);
    const { rows } = await sql<{ id: string; theme: string; agreement: string; name: string }>`
      SELECT a.id, a.theme, a.agreements[1] AS agreement,
             p.given_names || ' ' || p.paternal_surname || coalesce(' ' || p.maternal_surname, '') AS name
        FROM activity a
        JOIN activity_attendance aa ON aa.activity_id = a.id
        JOIN person p ON p.id = aa.teacher_id
       WHERE ${coach} = ANY(a.organiser_ids) AND a.status = 'done'
         AND cardinality(a.agreements) > 0 AND aa.days @> '[{"mark": "present"}]'
       ORDER BY a.start_date, p.id LIMIT 1`.execute(h.db);
    const row = rows[0];
    if (!row) throw new Error('the demo data has no done activity with attendance');
    return row;
  }

  it('gives the organiser the acta as a PDF with theme, attendees and agreements', async () => {
    const a = await organised();
    // Desempeños print by the rubric's name, topics as written.
    const { rows: named } = await sql<{ code: string; name: string }>`
      SELECT d->>'code' AS code, d->>'name' AS name
        FROM instrument_version v, jsonb_array_elements(v.definition->'desempenos') d
       WHERE v.definition->>'type' = 'rubric' AND v.status = 'published' LIMIT 1`.execute(h.db);
    const desempeno = named[0];
    if (!desempeno) throw new Error('the demo data has no published rubric');
    await sql`UPDATE activity SET desempenos = ARRAY[${desempeno.code}],
                topics = ARRAY['Preguntas que hacen pensar'] WHERE id = ${a.id}`.execute(h.db);
    const res = await h.client.request(`/api/v1/activities/${a.id}/acta.pdf`, {
      headers: { cookie: h.cookies.coach },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="acta-[a-z-]+-\d{4}-\d{2}-\d{2}\.pdf"$/,
    );
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    const text = pdfText(bytes);
    expect(text).toContain('Acta de actividad colectiva');
    expect(text).toContain(a.theme);
    expect(text).toContain(a.name);
    expect(text).toContain(a.agreement);
    expect(text).toContain(desempeno.name.slice(0, 30));
    expect(text).toContain('Preguntas que hacen pensar');
    // The intervention by its catalogue name, never its code.
    const { rows: named2 } = await sql<{ code: string; name: string }>`
      SELECT i.code, i.name FROM intervention i JOIN activity a ON a.intervention_code = i.code
       WHERE a.id = ${a.id}`.execute(h.db);
    expect(text).toContain(`Intervención: ${named2[0]?.name}`);
    expect(text).not.toContain(`Intervención: ${named2[0]?.code} `);
    expect(text).toMatch(/Generada el \d{1,2} de \S+ de \d{4} a las .+, hora de Lima/);
    // Audited like the other formative reads, naming the invitees whose marks it shows.
    const audit = await sql<{ subject_ids: string[] }>`
      SELECT subject_ids FROM audit_event
       WHERE action = 'activities.acta.read' AND resource_id = ${`activity:${a.id}`}`.execute(h.db);
    expect(audit.rows).toHaveLength(1);
    const { rows: invited } = await sql<{ invitee_ids: string[] }>`
      SELECT invitee_ids FROM activity WHERE id = ${a.id}`.execute(h.db);
    expect([...(audit.rows[0]?.subject_ids ?? [])].sort()).toEqual(
      [...(invited[0]?.invitee_ids ?? [])].sort(),
    );
  });

  it('refuses everyone else: 403 to roles without activity records, 404 to the others (a specialist too)', async () => {
    const a = await organised();
    const get = (cookie: string, id = a.id) =>
      h.client.request(`/api/v1/activities/${id}/acta.pdf`, { headers: { cookie } });
    for (const role of ['director', 'formador', 'minedu'] as const) {
      const res = await get(h.cookies[role]);
      expect(res.status, role).toBe(403);
      expect((await res.json()).error.code).toBe('FORBIDDEN');
    }
    // The UGEL specialist prints the actas of the talleres they organise only.
    const specialist = await get(h.cookies.especialista);
    expect(specialist.status).toBe(404);
    expect((await specialist.json()).error.code).toBe('NOT_FOUND');
    const farDni = async (id: string) =>
      (await h.db.selectFrom('person').select('dni').where('id', '=', id).executeTakeFirstOrThrow())
        .dni as string;
    const otherCoach = await h.client.login(await farDni(h.far.coachId));
    const uninvited = await h.client.login(await farDni(h.far.teacherId));
    for (const [who, cookie] of [
      ['another coach', otherCoach],
      ['a teacher not invited', uninvited],
    ] as const) {
      const res = await get(cookie);
      expect(res.status, who).toBe(404);
      expect((await res.json()).error.code).toBe('NOT_FOUND');
    }
    // An invited teacher reads only their own attendance: the acta shows everyone's marks.
    const teacher = await idOf(h.db, DNI.docente);
    const { rows: invitedTo } = await sql<{ id: string }>`
      SELECT id FROM activity WHERE ${teacher} = ANY(invitee_ids) ORDER BY start_date LIMIT 1`.execute(
      h.db,
    );
    expect(invitedTo, 'the demo teacher is invited to an activity').toHaveLength(1);
    const invitedRes = await get(h.cookies.docente, String(invitedTo[0]?.id));
    expect(invitedRes.status).toBe(404);
    // An activity that does not exist answers as one that is not theirs.
    expect((await get(h.cookies.coach, randomUUID())).status).toBe(404);
    expect((await get(h.cookies.coach, 'no-es-un-id')).status).toBe(400);
  });
});
