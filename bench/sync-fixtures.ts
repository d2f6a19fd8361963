// Fixtures of bench:sync: 100 coach accounts, each with a caseload of 10 teachers at demo
// schools, and realistic field mutations (visits, commitments, rubric responses) for them.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { currentSchoolYear, type Mutation } from '../packages/core/src/index.ts';
import { hashPassword } from '../packages/server/src/auth/passwords.ts';
import type { DB } from '../packages/server/src/db/schema.ts';

export interface BenchCoach {
  dni: string;
  teachers: { id: string; schoolId: string }[];
}

export interface Rubric {
  versionId: string;
  desempenos: string[];
}

const TEACHERS_PER_COACH = 10;

/** Adds `n` coaches (DNI 71xxxxxx) with caseloads of new teachers posted at demo schools. */
export async function addBenchCoaches(db: Kysely<DB>, n: number): Promise<BenchCoach[]> {
  const hash = await hashPassword('acompana');
  const year = currentSchoolYear();
  const schools = (
    await sql<{ id: string; region_id: string; ugel_id: string; level: string }>`
      SELECT id, region_id, ugel_id, level FROM school ORDER BY codigo_modular LIMIT 40`.execute(db)
  ).rows;
  const coaches: BenchCoach[] = [];
  await db.transaction().execute(async (tx) => {
    for (let c = 0; c < n; c++) {
      const dni = `71${String(c).padStart(6, '0')}`;
      const coach = await sql<{
        id: string;
      }>`INSERT INTO person (dni, given_names, paternal_surname, maternal_surname)
        VALUES (${dni}, 'Acompañante', ${`Prueba${c}`}, 'Carga') RETURNING id`.execute(tx);
      const coachId = coach.rows[0]?.id as string;
      const school0 = schools[c % schools.length];
      if (!school0) throw new Error('no demo schools');
      await sql`INSERT INTO user_account (person_id, password_hash) VALUES (${coachId}, ${hash})`.execute(
        tx,
      );
      await sql`INSERT INTO role_assignment (person_id, role, scope_level, scope_id, valid_from)
        VALUES (${coachId}, 'acompanante', 'ugel', ${school0.ugel_id}, ${`${year - 1}-01-01`})`.execute(
        tx,
      );
      const teachers: BenchCoach['teachers'] = [];
      for (let t = 0; t < TEACHERS_PER_COACH; t++) {
        const school = schools[(c + t) % schools.length] ?? school0;
        const person = await sql<{
          id: string;
        }>`INSERT INTO person (dni, given_names, paternal_surname, maternal_surname)
          VALUES (${`72${String(c * TEACHERS_PER_COACH + t).padStart(6, '0')}`}, 'Docente', ${`Carga${c}`}, ${`N${t}`}) RETURNING id`.execute(
          tx,
        );
        const teacherId = person.rows[0]?.id as string;
        await sql`INSERT INTO teacher_post (person_id, school_id, region_id, ugel_id, school_year, level)
          VALUES (${teacherId}, ${school.id}, ${school.region_id}, ${school.ugel_id}, ${year}, ${school.level})`.execute(
          tx,
        );
        await sql`INSERT INTO caseload (coach_id, teacher_id, intervention_code, region_id, ugel_id, valid_from)
          VALUES (${coachId}, ${teacherId}, 'MULTIGRADO', ${school.region_id}, ${school.ugel_id}, ${`${year}-01-01`})`.execute(
          tx,
        );
        teachers.push({ id: teacherId, schoolId: school.id });
      }
      coaches.push({ dni, teachers });
    }
  });
  return coaches;
}

export async function publishedRubric(db: Kysely<DB>): Promise<Rubric> {
  const { rows } = await sql<{ id: string; definition: { desempenos: { code: string }[] } }>`
    SELECT id, definition FROM instrument_version
     WHERE status = 'published' AND definition->>'type' = 'rubric'
     ORDER BY published_at DESC LIMIT 1`.execute(db);
  const row = rows[0];
  if (!row) throw new Error('no published rubric');
  return { versionId: row.id, desempenos: row.definition.desempenos.map((d) => d.code) };
}

const EVIDENCE = [
  'Plantea preguntas abiertas y recoge los saberes previos de los estudiantes del tercer grado.',
  'Acompaña a cada grupo con material concreto y retroalimenta a partir de sus errores.',
  'Promueve que los estudiantes expliquen su razonamiento antes de dar la respuesta correcta.',
  'Mantiene normas de convivencia acordadas y un clima de respeto durante toda la sesión.',
];

/**
 * One device's work on one visit, as the outbox holds it: the visit planned, its rubric filled,
 * two commitments agreed, then the visit closed as done. Five mutations, in seq order.
 */
export class BenchDevice {
  readonly deviceId = randomUUID();
  private seq = 0;
  /** Records this device meant to create, with the version each must end at. */
  readonly intents = new Map<string, { kind: string; version: number }>();
  private cycle = 0;

  constructor(
    readonly coach: BenchCoach,
    private readonly rubric: Rubric,
  ) {}

  private mutation(
    kind: string,
    entityId: string,
    payload: Record<string, unknown>,
    changed: string[],
    baseVersion: number,
  ): Mutation {
    return {
      mutationId: randomUUID(),
      deviceId: this.deviceId,
      seq: ++this.seq,
      kind,
      entityId,
      op: 'upsert',
      baseVersion,
      changed,
      payload,
      createdAt: new Date().toISOString(),
    };
  }

  visitCycle(): Mutation[] {
    const c = this.cycle++;
    const teacher = this.coach.teachers[c % this.coach.teachers.length];
    if (!teacher) throw new Error('coach without teachers');
    const day = String(1 + (c % 28)).padStart(2, '0');
    const month = String(3 + (c % 9)).padStart(2, '0');
    const visitId = randomUUID();
    const visit = {
      teacherId: teacher.id,
      schoolId: teacher.schoolId,
      interventionCode: 'MULTIGRADO',
      kind: c % 6 === 0 ? 'diagnostic' : 'regular',
      status: 'planned',
      plannedDate: `2026-${month}-${day}`,
      startedAt: null,
      endedAt: null,
      cancelReason: null,
      cancelNote: null,
      goals: [
        'Observar la gestión del tiempo en aula multigrado',
        'Acordar estrategias de retroalimentación',
      ],
      focus: ['D1', 'D3', 'D4'],
      teacherConfirmedAt: null,
    };
    const responseId = randomUUID();
    const scores: Record<string, { level: number; evidence: string }> = {};
    this.rubric.desempenos.forEach((code, i) => {
      scores[code] = {
        level: 1 + ((c + i) % 4),
        evidence: EVIDENCE[(c + i) % EVIDENCE.length] as string,
      };
    });
    const response = {
      visitId,
      teacherId: teacher.id,
      instrumentVersionId: this.rubric.versionId,
      status: 'complete',
      answers: { scores },
    };
    const commitment = (text: string, owner: string) => ({
      visitId,
      teacherId: teacher.id,
      owner,
      desempeno: 'D3',
      text,
      dueDate: `2026-${month}-28`,
      status: 'pending',
      followUpNote: null,
    });
    const c1 = randomUUID();
    const c2 = randomUUID();
    const done = {
      ...visit,
      status: 'done',
      startedAt: `2026-${month}-${day}T08:00:00-05:00`,
      endedAt: `2026-${month}-${day}T09:30:00-05:00`,
    };
    this.intents.set(visitId, { kind: 'visit', version: 2 });
    this.intents.set(responseId, { kind: 'instrument_response', version: 1 });
    this.intents.set(c1, { kind: 'commitment', version: 1 });
    this.intents.set(c2, { kind: 'commitment', version: 1 });
    return [
      this.mutation('visit', visitId, visit, Object.keys(visit), 0),
      this.mutation('instrument_response', responseId, response, Object.keys(response), 0),
      this.mutation(
        'commitment',
        c1,
        commitment('Usar preguntas que promuevan el razonamiento en fracciones.', 'teacher'),
        Object.keys(commitment('x', 'teacher')),
        0,
      ),
      this.mutation(
        'commitment',
        c2,
        commitment('Compartir una ficha de retroalimentación descriptiva.', 'coach'),
        Object.keys(commitment('x', 'coach')),
        0,
      ),
      this.mutation('visit', visitId, done, ['status', 'startedAt', 'endedAt'], 1),
    ];
  }

  /** A batch of 50 mutations: ten visit cycles. */
  batch(): Mutation[] {
    return Array.from({ length: 10 }, () => this.visitCycle()).flat();
  }
}
