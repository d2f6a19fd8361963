import {
  type Actor,
  type ColumnMap,
  decide,
  type FieldProblem,
  gradesProblem,
  hasColumn,
  levelProblem,
  rowValues,
  type TeacherKey,
  type TeacherRow,
  validateTeacherRow,
} from '@acompana/core';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { BATCH_ROWS } from './schools.ts';
import type { RawRow } from './table.ts';
import type { Tally } from './tally.ts';
import { type Column, runUpsert, type UpsertSpec } from './upsert.ts';

// Teacher rows → a person (by DNI) and their post at a school in a school year, upserted by
// (dni) and (person, school, year). The school must already be in Acompaña (padrón first).

interface Pending {
  line: number;
  row: TeacherRow;
}

interface SchoolHit {
  id: string;
  codigo_modular: string;
  anexo: number;
  level: string;
  region_id: string;
  ugel_id: string;
  network_id: string | null;
}

const schoolKey = (c: string, a: number) => `${c}-${a}`;

export class TeacherImporter {
  private readonly seenPost = new Map<string, number>();
  private readonly seenPerson = new Map<string, { line: number; names: string }>();
  private batch: Pending[] = [];
  private readonly personSpec: UpsertSpec;
  private readonly postSpec: UpsertSpec;

  constructor(
    private readonly db: Kysely<DB>,
    private readonly actor: Actor,
    private readonly map: ColumnMap<TeacherKey>,
    private readonly tally: Tally,
  ) {
    const has = (k: TeacherKey) => hasColumn(map, k);
    const personColumns: Column[] = [
      { name: 'dni', type: 'text' },
      { name: 'given_names', type: 'text' },
      { name: 'paternal_surname', type: 'text' },
    ];
    if (has('apellido_materno')) personColumns.push({ name: 'maternal_surname', type: 'text' });
    this.personSpec = {
      table: 'person',
      columns: personColumns,
      conflict: ['dni'],
      returning: ['id', 'dni'],
    };
    // Absent optional columns keep what is stored; the level always follows the school.
    const postColumns: Column[] = [
      { name: 'person_id', type: 'uuid' },
      { name: 'school_id', type: 'uuid' },
      { name: 'region_id', type: 'uuid' },
      { name: 'ugel_id', type: 'uuid' },
      { name: 'school_year', type: 'smallint' },
      { name: 'level', type: 'text' },
    ];
    if (has('grados')) postColumns.push({ name: 'grades', type: 'smallint[]' });
    if (has('area')) postColumns.push({ name: 'subject', type: 'text' });
    if (has('director_encargado')) postColumns.push({ name: 'acting_director', type: 'boolean' });
    this.postSpec = {
      table: 'teacher_post',
      columns: postColumns,
      conflict: ['person_id', 'school_id', 'school_year'],
      returning: ['person_id', 'school_id', 'school_year'],
    };
  }

  async add(raw: RawRow): Promise<void> {
    this.tally.rows += 1;
    if (raw.problem) return this.tally.invalid(raw.line, [{ text: raw.problem }]);
    const outcome = validateTeacherRow(rowValues(this.map, raw.cells), this.map.label);
    if (outcome.status === 'invalid') return this.tally.invalid(raw.line, outcome.problems);
    if (outcome.status === 'skipped') return this.tally.skip(outcome.reason);
    const { row } = outcome;
    const problem = this.repeated(raw.line, row);
    if (problem) return this.tally.invalid(raw.line, [problem]);
    this.batch.push({ line: raw.line, row });
    if (this.batch.length >= BATCH_ROWS) await this.flush();
  }

  async finish(): Promise<void> {
    await this.flush();
  }

  /** The same post twice, or one DNI with two different names, cannot both be right. */
  private repeated(line: number, row: TeacherRow): FieldProblem | null {
    const label = this.map.label;
    const post = `${row.dni}|${schoolKey(row.codigoModular, row.anexo)}|${row.schoolYear}`;
    const firstPost = this.seenPost.get(post);
    if (firstPost !== undefined) {
      return {
        field: label.dni,
        text: `el DNI ${row.dni} ya aparece en la ${this.tally.where(firstPost)} con la misma IE y año.`,
      };
    }
    const names = [row.givenNames, row.paternalSurname, row.maternalSurname ?? ''].join(' ').trim();
    const person = this.seenPerson.get(row.dni);
    if (person && person.names !== names) {
      return {
        field: label.dni,
        text: `el DNI ${row.dni} aparece en la ${this.tally.where(person.line)} con otro nombre (${person.names}).`,
      };
    }
    this.seenPost.set(post, line);
    if (!person) this.seenPerson.set(row.dni, { line, names });
    return null;
  }

  private async flush(): Promise<void> {
    const batch = this.batch;
    this.batch = [];
    if (batch.length === 0) return;
    const label = this.map.label;
    const schools = await this.schools(batch);
    const people = await this.people(batch);
    const posts = await this.posts(batch, schools, people);

    const ready: { line: number; row: TeacherRow; school: SchoolHit }[] = [];
    for (const { line, row } of batch) {
      const key = schoolKey(row.codigoModular, row.anexo);
      const school = schools.get(key);
      if (!school) {
        this.tally.invalid(line, [
          {
            field: label.cod_mod,
            text: `la IE ${key} no está registrada en Acompaña; importa primero el padrón de instituciones educativas.`,
          },
        ]);
        continue;
      }
      const problems: FieldProblem[] = [];
      const level = levelProblem(row.level, school.level);
      if (level) problems.push({ field: label.nivel, text: level });
      const grades = gradesProblem(school.level, row.grades);
      if (grades) problems.push({ field: label.grados, text: grades });
      const personId = people.get(row.dni)?.id;
      const exists =
        personId !== undefined && posts.has(`${personId}|${school.id}|${row.schoolYear}`);
      const place = {
        schoolId: school.id,
        networkId: school.network_id,
        ugelId: school.ugel_id,
        regionId: school.region_id,
      };
      if (!decide(this.actor, exists ? 'update' : 'create', { kind: 'teacher', place }).allow) {
        problems.push({
          field: label.cod_mod,
          text: `fuera de tu ámbito: la IE ${key} no está entre las que puedes administrar.`,
        });
      }
      if (problems.length > 0) this.tally.invalid(line, problems);
      else ready.push({ line, row, school });
    }
    await this.write(ready, people);
  }

  private async write(
    ready: { row: TeacherRow; school: SchoolHit }[],
    people: Map<string, { id: string }>,
  ): Promise<void> {
    const personRows = new Map<string, Record<string, unknown>>();
    for (const { row } of ready) {
      if (personRows.has(row.dni)) continue;
      personRows.set(row.dni, {
        dni: row.dni,
        given_names: row.givenNames,
        paternal_surname: row.paternalSurname,
        maternal_surname: row.maternalSurname,
      });
    }
    const changedPeople = await runUpsert<{ id: string; dni: string }>(this.db, this.personSpec, [
      ...personRows.values(),
    ]);
    const renamed = new Set<string>();
    for (const p of changedPeople) {
      people.set(p.dni, { id: p.id });
      if (!p.inserted) renamed.add(p.dni);
    }
    const postRows = ready.map(({ row, school }) => ({
      person_id: people.get(row.dni)?.id,
      school_id: school.id,
      region_id: school.region_id,
      ugel_id: school.ugel_id,
      school_year: row.schoolYear,
      level: school.level,
      grades: row.grades,
      subject: row.subject,
      acting_director: row.actingDirector,
    }));
    const changedPosts = await runUpsert<{
      person_id: string;
      school_id: string;
      school_year: number;
    }>(this.db, this.postSpec, postRows);
    const key = (p: { person_id?: string; school_id: string; school_year: number }) =>
      `${p.person_id}|${p.school_id}|${p.school_year}`;
    const outcome = new Map(changedPosts.map((p) => [key(p), p.inserted]));
    for (const [i, { row }] of ready.entries()) {
      const post = postRows[i];
      const inserted = post ? outcome.get(key(post)) : undefined;
      // A changed name counts once, on the first row of that person.
      const renamedNow = renamed.delete(row.dni);
      if (inserted === true) this.tally.created += 1;
      else if (inserted === false || renamedNow) this.tally.updated += 1;
      else this.tally.unchanged += 1;
    }
  }

  private async schools(batch: readonly Pending[]): Promise<Map<string, SchoolHit>> {
    const keys = [...new Set(batch.map((p) => schoolKey(p.row.codigoModular, p.row.anexo)))].map(
      (k) => ({ c: k.slice(0, 7), a: Number(k.slice(8)) }),
    );
    const rows = await sql<SchoolHit>`
      SELECT s.id, s.codigo_modular, s.anexo, s.level, s.region_id, s.ugel_id, s.network_id
      FROM school s
      JOIN jsonb_to_recordset(${JSON.stringify(keys)}::jsonb) AS k(c char(7), a smallint)
        ON s.codigo_modular = k.c AND s.anexo = k.a`.execute(this.db);
    return new Map(rows.rows.map((r) => [schoolKey(r.codigo_modular, r.anexo), r]));
  }

  private async people(batch: readonly Pending[]): Promise<Map<string, { id: string }>> {
    const dnis = [...new Set(batch.map((p) => p.row.dni))];
    const rows = await this.db
      .selectFrom('person')
      .select(['id', 'dni'])
      .where('dni', 'in', dnis)
      .execute();
    return new Map(rows.map((r) => [r.dni, { id: r.id }]));
  }

  /** Posts that already exist, as "person|school|year", so the policy is asked the right action. */
  private async posts(
    batch: readonly Pending[],
    schools: Map<string, SchoolHit>,
    people: Map<string, { id: string }>,
  ): Promise<Set<string>> {
    const keys = batch.flatMap(({ row }) => {
      const p = people.get(row.dni)?.id;
      const s = schools.get(schoolKey(row.codigoModular, row.anexo))?.id;
      return p && s ? [{ p, s, y: row.schoolYear }] : [];
    });
    if (keys.length === 0) return new Set();
    const rows = await sql<{ person_id: string; school_id: string; school_year: number }>`
      SELECT tp.person_id, tp.school_id, tp.school_year
      FROM teacher_post tp
      JOIN jsonb_to_recordset(${JSON.stringify(keys)}::jsonb) AS k(p uuid, s uuid, y smallint)
        ON tp.person_id = k.p AND tp.school_id = k.s AND tp.school_year = k.y`.execute(this.db);
    return new Set(rows.rows.map((r) => `${r.person_id}|${r.school_id}|${r.school_year}`));
  }
}
