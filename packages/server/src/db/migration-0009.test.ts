import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { testTargets } from '../test/databases.ts';
import { listMigrations, migrate } from './migrate.ts';

// Migration 0009 on a database that already has sync and audit history: devices that pushed
// are registered to the person of their first mutation, and earlier reads name their teacher
// (so "Quién consultó mi información" shows them) with the reader's roles.

async function dirUpTo(version: number): Promise<URL> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'acompana-0009-'));
  for (const m of await listMigrations()) {
    if (m.version <= version)
      await fs.copyFile(m.file, path.join(dir, path.basename(m.file.pathname)));
  }
  return pathToFileURL(`${dir}/`);
}

describe.each(testTargets())('migration 0009 on $engine', (target) => {
  it('registers earlier devices and names the subjects of earlier reads', async () => {
    const database = await target.empty();
    const db = database.db;
    try {
      await migrate(database, await dirUpTo(8));
      const people = await db
        .insertInto('person')
        .values([
          {
            dni: '11111111',
            given_names: 'Ana',
            paternal_surname: 'Coach',
            maternal_surname: null,
          },
          {
            dni: '22222222',
            given_names: 'Bea',
            paternal_surname: 'Docente',
            maternal_surname: null,
          },
          {
            dni: '33333333',
            given_names: 'Ciro',
            paternal_surname: 'Docente',
            maternal_surname: null,
          },
        ])
        .returning(['id', 'dni'])
        .execute();
      const [coach, t1, t2] = ['11111111', '22222222', '33333333'].map(
        (dni) => people.find((p) => p.dni === dni)?.id as string,
      ) as [string, string, string];
      await db
        .insertInto('role_assignment')
        .values({
          person_id: coach,
          role: 'acompanante',
          scope_level: 'national',
          scope_id: null,
          valid_from: '2020-01-01',
        })
        .execute();
      const device = '0190a000-0000-7000-8000-00000000d001';
      const other = '0190a000-0000-7000-8000-00000000d002';
      await sql`INSERT INTO mutation_log (mutation_id, device_id, person_id, kind, entity_id, seq, received_at)
        VALUES (gen_random_uuid(), ${device}, ${coach}, 'visit', gen_random_uuid(), 1, now() - interval '2 days'),
               (gen_random_uuid(), ${device}, ${t1}, 'reflection', gen_random_uuid(), 2, now()),
               (gen_random_uuid(), ${other}, ${t2}, 'reflection', gen_random_uuid(), 1, now())`.execute(
        db,
      );
      await sql`INSERT INTO audit_event (actor_id, action, resource_kind, resource_id, detail) VALUES
        (${coach}, 'coaching.visit.read', 'coaching_record', 'visit:x', ${JSON.stringify({ teacherId: t1 })}::jsonb),
        (${coach}, 'sync.pull', 'field_record', NULL, ${JSON.stringify({ changes: 3, teachers: [t1, t2] })}::jsonb),
        (${coach}, 'sync.push', 'field_record', ${device}, '{"applied": 1}'::jsonb)`.execute(db);

      const result = await migrate(database);
      expect(result.applied).toContain('0009_trust_privacy');
      const devices = await db
        .selectFrom('sync_device')
        .select(['device_id', 'person_id'])
        .orderBy('device_id')
        .execute();
      expect(devices).toEqual([
        { device_id: device, person_id: coach },
        { device_id: other, person_id: t2 },
      ]);
      const events = await db
        .selectFrom('audit_event')
        .select(['action', 'subject_ids', 'actor_roles'])
        .orderBy('id')
        .execute();
      expect(events.map((e) => [e.action, [...e.subject_ids].sort(), e.actor_roles])).toEqual([
        ['coaching.visit.read', [t1], ['acompanante']],
        ['sync.pull', [t1, t2].sort(), ['acompanante']],
        ['sync.push', [], ['acompanante']],
      ]);
    } finally {
      await database.close();
    }
  });
});
