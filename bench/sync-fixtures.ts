// Fixtures of bench:sync: coach accounts, each with a caseload of 10 teachers at demo schools,
// and complete visits as the app's outbox holds them after coalescing (docs/SYNC.md).
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import {
  addDays,
  currentSchoolYear,
  type InstrumentDefinition,
  limaToday,
  type Mutation,
} from '../packages/core/src/index.ts';
import { hashPassword } from '../packages/server/src/auth/passwords.ts';
import type { DB } from '../packages/server/src/db/schema.ts';
import { refreshPending } from '../packages/server/src/modules/reports/maintain.ts';

export interface BenchCoach {
  dni: string;
  teachers: { id: string; schoolId: string }[];
}

export interface Instruments {
  rubric: { versionId: string; desempenos: string[] };
  checklist: { versionId: string; answers: Record<string, boolean | number | string> };
}

/**
 * A freshly seeded database brought to the state of one in service before a bench's server
 * starts: the read models caught up (the server's refresher would otherwise recompute every
 * bench coach's teachers inside the first timed phase — seconds of a core for the thousands
 * seeded a moment before), and statistics (autovacuum would get there in a minute; plans made
 * on the demo's row counts read the bench's larger tables sequentially).
 */
export async function asInService(db: Kysely<DB>): Promise<void> {
  await refreshPending(db);
  await sql`ANALYZE`.execute(db);
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

/** The published rubric and checklist, with a complete set of checklist answers. */
export async function publishedInstruments(db: Kysely<DB>): Promise<Instruments> {
  const { rows } = await sql<{ id: string; definition: InstrumentDefinition }>`
    SELECT DISTINCT ON (definition->>'type') id, definition FROM instrument_version
     WHERE status = 'published' AND definition->>'type' IN ('rubric', 'checklist')
     ORDER BY definition->>'type', published_at DESC`.execute(db);
  const rubric = rows.find((r) => r.definition.type === 'rubric');
  const checklist = rows.find((r) => r.definition.type === 'checklist');
  if (rubric?.definition.type !== 'rubric' || checklist?.definition.type !== 'checklist')
    throw new Error('no published rubric and checklist');
  const def = checklist.definition;
  const answers: Record<string, boolean | number | string> = {};
  for (const item of def.sections.flatMap((section) => section.items)) {
    answers[item.code] =
      item.answer === 'yes_no'
        ? true
        : item.answer === 'points'
          ? (item.maxPoints ?? 1)
          : (def.conceptScale?.[0]?.code ?? '');
  }
  return {
    rubric: { versionId: rubric.id, desempenos: rubric.definition.desempenos.map((d) => d.code) },
    checklist: { versionId: checklist.id, answers },
  };
}

const EVIDENCE = [
  'Plantea preguntas abiertas y recoge los saberes previos de los estudiantes del tercer grado.',
  'Acompaña a cada grupo con material concreto y retroalimenta a partir de sus errores.',
  'Promueve que los estudiantes expliquen su razonamiento antes de dar la respuesta correcta.',
  'Mantiene normas de convivencia acordadas y un clima de respeto durante toda la sesión.',
];

/** What a device meant a record to hold: checked field by field after the run. */
export interface Intent {
  kind: string;
  data: Record<string, unknown>;
}

/**
 * One device. A complete visit — planned with its goals, observation started, the full rubric,
 * the checklist, the reflective dialogue, three commitments, marked done — is, after the
 * outbox's coalescing, six mutations: the visit, two instrument responses, three commitments.
 */
export class BenchDevice {
  readonly deviceId = randomUUID();
  private seq = 0;
  readonly intents = new Map<string, Intent>();
  private cycle = 0;
  cursor = '';
  scope = '';

  constructor(
    readonly coach: BenchCoach,
    private readonly instruments: Instruments,
  ) {}

  private create(kind: string, data: Record<string, unknown>): Mutation {
    const entityId = randomUUID();
    this.intents.set(entityId, { kind, data });
    return {
      mutationId: randomUUID(),
      deviceId: this.deviceId,
      seq: ++this.seq,
      kind,
      entityId,
      op: 'upsert',
      baseVersion: 0,
      changed: Object.keys(data),
      payload: data,
      base: null,
      createdAt: new Date().toISOString(),
    };
  }

  /** The six mutations of one complete visit, in outbox order. */
  visit(): Mutation[] {
    const c = this.cycle++;
    const teacher = this.coach.teachers[c % this.coach.teachers.length];
    if (!teacher) throw new Error('coach without teachers');
    const today = limaToday();
    const yearStart = `${today.slice(0, 4)}-01-01`;
    const back = addDays(today, -(c % 30));
    const day = back < yearStart ? yearStart : back;
    const visit = this.create('visit', {
      teacherId: teacher.id,
      schoolId: teacher.schoolId,
      interventionCode: 'MULTIGRADO',
      kind: c % 6 === 0 ? 'diagnostic' : 'regular',
      status: 'done',
      plannedDate: day,
      startedAt: `${day}T08:00:00.000Z`,
      endedAt: `${day}T09:30:00.000Z`,
      cancelReason: null,
      cancelNote: null,
      goals: [
        'Observar la gestión del tiempo en aula multigrado',
        'Acordar estrategias de retroalimentación',
      ],
      focus: ['D1', 'D3', 'D4'],
      teacherConfirmedAt: null,
      dialogue: {
        apertura: 'La docente describe la sesión y cómo se sintió con el grupo de tercer grado.',
        reflexion: 'Reconoce que las preguntas cerradas limitaron la participación de los grupos.',
        alternativas: 'Probar preguntas abiertas y trabajo en pares con material concreto.',
        compromisos: 'Planificar la retroalimentación descriptiva para la próxima sesión.',
        reflectionLevel: 'practica',
      },
    });
    const visitId = visit.entityId;
    const scores: Record<string, { level: number; evidence: string }> = {};
    this.instruments.rubric.desempenos.forEach((code, i) => {
      scores[code] = {
        level: 1 + ((c + i) % 4),
        evidence: EVIDENCE[(c + i) % EVIDENCE.length] as string,
      };
    });
    const response = (versionId: string, answers: Record<string, unknown>) => ({
      visitId,
      teacherId: teacher.id,
      instrumentVersionId: versionId,
      status: 'complete',
      answers,
    });
    const commitment = (text: string, owner: string) => ({
      visitId,
      teacherId: teacher.id,
      owner,
      desempeno: 'D3',
      text,
      dueDate: addDays(day, 14),
      status: 'pending',
      followUpNote: null,
    });
    return [
      visit,
      this.create('instrument_response', response(this.instruments.rubric.versionId, { scores })),
      this.create(
        'instrument_response',
        response(this.instruments.checklist.versionId, {
          items: this.instruments.checklist.answers,
        }),
      ),
      this.create(
        'commitment',
        commitment('Usar preguntas que promuevan el razonamiento en fracciones.', 'teacher'),
      ),
      this.create(
        'commitment',
        commitment('Organizar el trabajo en pares con material concreto.', 'teacher'),
      ),
      this.create(
        'commitment',
        commitment('Compartir una ficha de retroalimentación descriptiva.', 'coach'),
      ),
    ];
  }
}
