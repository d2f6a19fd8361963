import {
  addDays,
  DEFAULT_STAGE_LADDER,
  dayOfWeek,
  FIELD_NOTEBOOK,
  limaInstant,
  type ObservationLevels,
  type ObservedLevel,
  PRE_OBSERVATION_CHECKLIST,
  RUBRIC_2018,
  SEED_IDS,
  suggestStage,
} from '@acompana/core';
import * as T from './demo-coaching-text.ts';

// A believable school year of coaching for one teacher, as plain rows (snake_case, ready for
// jsonb_populate_recordset): pure and deterministic (seeded PRNG), so the same date gives the
// same demo. demo-coaching.ts reads the caseload and writes these set-based.

export interface DemoTeacher {
  teacherId: string;
  schoolId: string;
  regionId: string;
  ugelId: string;
  interventionCode: string;
  /** Stable seed (the DNI). */
  seed: number;
  /** The grades of the teacher's post (a baseline is taken of these). */
  grades: number[];
  /** Students per grade the teacher teaches (their share of the school's students). */
  studentsPerGrade: number;
}

/** Classes end in mid-December: the demo's visits of December fall before this day. */
const LAST_DAY_OF_CLASSES = '12-15';

export type Row = Record<string, unknown>;
export interface DemoRows {
  visit: Row[];
  commitment: Row[];
  reflection: Row[];
  instrument_response: Row[];
  diagnosis: Row[];
  coaching_plan: Row[];
  modelling: Row[];
  stage_record: Row[];
}

/** mulberry32: small, fast, good enough for demo data. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <V>(r: () => number, list: readonly V[]): V =>
  list[Math.floor(r() * list.length)] as V;

/** A v4-shaped UUID from the PRNG (deterministic ids keep the demo reproducible). */
export function uuid(r: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(r() * 16).toString(16));
  hex[12] = '4';
  hex[16] = ((Math.floor(r() * 4) & 0x3) | 0x8).toString(16);
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** Weekday (Mon–Fri) on or after the given day of the month. */
export function schoolDay(year: number, month: number, day: number): string {
  const two = (n: number) => String(n).padStart(2, '0');
  let date = `${year}-${two(month)}-${two(Math.min(day, 26))}`;
  while (dayOfWeek(date) === 0 || dayOfWeek(date) === 6) date = addDays(date, 1);
  return date;
}
const plusDays = addDays;
/** 08:00 in Lima on `date`, plus `minutes`, as ISO UTC. */
const at = (date: string, minutes: number) =>
  new Date(Date.parse(limaInstant(date, '08:00')) + minutes * 60_000).toISOString();

const CODES = RUBRIC_2018.desempenos.map((d) => d.code);
const PLANNED_MODELLING = [
  { kind: 'demonstration_lesson', month: 5 },
  { kind: 'co_planning', month: 8 },
] as const;
const CHECKLIST_ITEMS = PRE_OBSERVATION_CHECKLIST.sections.flatMap((s) => s.items);
const CONCEPTS = (PRE_OBSERVATION_CHECKLIST.conceptScale ?? []).map((c) => c.code);
const TAGS = FIELD_NOTEBOOK.tags.map((t) => t.code);
const PROMPTS = FIELD_NOTEBOOK.prompts.map((p) => p.code);
const STAGES = DEFAULT_STAGE_LADDER.stages.map((s) => s.code);

function checklistAnswers(r: () => number, growth: number) {
  const items: Record<string, boolean | number | string> = {};
  for (const item of CHECKLIST_ITEMS) {
    if (item.answer === 'yes_no') items[item.code] = r() < 0.55 + growth * 0.4;
    else if (item.answer === 'points') {
      const max = item.maxPoints ?? 0;
      items[item.code] = Math.min(max, Math.round(max * (0.4 + growth * 0.5 + r() * 0.2)));
    } else {
      const i = Math.min(
        CONCEPTS.length - 1,
        Math.floor((0.3 + growth * 0.6 + r() * 0.2) * CONCEPTS.length),
      );
      items[item.code] = CONCEPTS[Math.max(0, i)] as string;
    }
  }
  return { items };
}

function notebookAnswers(r: () => number, date: string) {
  const n = 2 + Math.floor(r() * 3);
  return {
    notes: Array.from({ length: n }, (_, i) => ({
      id: uuid(r),
      at: at(date, 10 + i * 17),
      text: pick(r, T.NOTES),
      tags: [pick(r, TAGS)],
      prompt: r() < 0.5 ? pick(r, PROMPTS) : null,
      desempeno: r() < 0.7 ? pick(r, CODES) : null,
      aspect: null,
    })),
  };
}

/** The teacher's year: April to `today` (visits after today stay planned; once the year's
 *  classes are over, none is left planned). */
export function demoYear(t: DemoTeacher, coachId: string, year: number, today: string): DemoRows {
  const r = prng(t.seed);
  const out: DemoRows = {
    visit: [],
    commitment: [],
    reflection: [],
    instrument_response: [],
    diagnosis: [],
    coaching_plan: [],
    modelling: [],
    stage_record: [],
  };
  const place = {
    teacher_id: t.teacherId,
    school_id: t.schoolId,
    region_id: t.regionId,
    ugel_id: t.ugelId,
    school_year: year,
    version: 1,
    created_by: coachId,
    updated_by: coachId,
  };
  // Where the teacher starts and how fast they grow: most grow, a few stay flat.
  const start = 1.3 + r() * 1.2;
  const pace = r() < 0.8 ? 0.12 + r() * 0.16 : r() * 0.05;
  const offsets = Object.fromEntries(CODES.map((c) => [c, (r() - 0.5) * 0.8]));
  const focus = [...CODES].sort((a, b) => (offsets[a] ?? 0) - (offsets[b] ?? 0)).slice(0, 3);
  const lastMonth = Math.min(12, Number(today.slice(5, 7)));
  const over = today >= `${year}-${LAST_DAY_OF_CLASSES}`;
  const day = 5 + Math.floor(r() * 15);
  // December visits fall before the end of classes (at most the 12th, plus a weekend).
  const dayIn = (month: number, d: number) => (month === 12 ? Math.min(d, 12) : d);

  // "No planificar": a third of the caseload's plans leave the mid-year school holidays without
  // a visit, with the reason, as coaches do (the plan check accepts a month skipped this way).
  const skipped = t.seed % 3 === 0 ? [{ month: 7, reason: T.SKIPPED_JULY }] : [];
  const isSkipped = (month: number) => skipped.some((s) => s.month === month);

  const visits: { id: string; date: string; status: string; month: number }[] = [];
  for (let month = 4; month <= lastMonth; month++) {
    if (isSkipped(month)) continue;
    visits.push({
      id: uuid(r),
      date: schoolDay(year, month, dayIn(month, day + Math.floor(r() * 4))),
      status: '',
      month,
    });
  }
  const history: ObservationLevels[] = [];
  let previous: { id: string; commitments: Row[] } | null = null;
  const diagnosisVisit = visits[0]?.id ?? null;

  visits.forEach((v, i) => {
    const future = v.date > today;
    // One overdue visit for some teachers: planned in the past, not yet recorded (not once the
    // school year is over: then every visit was recorded or cancelled).
    const overdue = !future && !over && v.month === lastMonth && r() < 0.15;
    const cancelled = !future && !overdue && i > 0 && r() < 0.1;
    const status = future || overdue ? 'planned' : cancelled ? 'cancelled' : 'done';
    v.status = status;
    const c = cancelled ? pick(r, T.CANCELLED) : null;
    const dialogueLevel = i < 3 ? 'tecnica' : i < 6 + Math.floor(r() * 3) ? 'practica' : 'critica';
    out.visit.push({
      ...place,
      id: v.id,
      intervention_code: t.interventionCode,
      kind: i === 0 ? 'diagnostic' : 'regular',
      status,
      planned_date: v.date,
      started_at: status === 'done' ? at(v.date, 0) : null,
      ended_at: status === 'done' ? at(v.date, 150) : null,
      cancel_reason: c?.reason ?? null,
      cancel_note: c?.note ?? null,
      goals: [pick(r, T.GOALS), pick(r, T.GOALS)].filter((g, k, a) => a.indexOf(g) === k),
      focus,
      teacher_confirmed_at: status === 'done' && r() < 0.85 ? at(plusDays(v.date, -3), 600) : null,
      dialogue:
        status === 'done'
          ? {
              apertura: pick(r, T.DIALOGUE.apertura),
              reflexion: pick(r, T.DIALOGUE.reflexion),
              alternativas: pick(r, T.DIALOGUE.alternativas),
              compromisos: pick(r, T.DIALOGUE.compromisos),
              reflectionLevel: dialogueLevel,
            }
          : null,
    });
    if (status !== 'done') return;

    // Follow-up of the previous visit's commitments, at this visit.
    for (const commitment of previous?.commitments ?? []) {
      const roll = r();
      const s = roll < 0.55 + pace ? 'cumplido' : roll < 0.85 ? 'en_proceso' : 'no_cumplido';
      commitment.status = s;
      commitment.follow_up_note = T.FOLLOW_UP[s];
    }
    const levels: Record<string, ObservedLevel> = {};
    const scores: Record<string, { level: ObservedLevel; evidence: string }> = {};
    for (const code of CODES) {
      const raw = start + pace * i + (offsets[code] ?? 0) + (r() - 0.5) * 0.7;
      const level = Math.max(1, Math.min(4, Math.round(raw))) as ObservedLevel;
      levels[code] = level;
      scores[code] = { level, evidence: pick(r, T.EVIDENCE[level]) };
    }
    history.push({ date: v.date, levels });
    const growth = Math.min(1, (pace * i) / 1.5);
    const response = (versionId: string, answers: unknown) => ({
      ...place,
      id: uuid(r),
      visit_id: v.id,
      instrument_version_id: versionId,
      status: 'complete',
      answers,
    });
    out.instrument_response.push(
      response(SEED_IDS.rubric2018, { scores }),
      response(SEED_IDS.checklistV1, checklistAnswers(r, growth)),
      response(SEED_IDS.notebookV1, notebookAnswers(r, v.date)),
    );
    const next = visits[i + 1];
    const commitments: Row[] = Array.from({ length: 1 + Math.floor(r() * 3) }, (_, k) => {
      const owner = k === 2 ? 'coach' : 'teacher';
      return {
        ...place,
        id: uuid(r),
        visit_id: v.id,
        owner,
        desempeno: pick(r, focus),
        text: pick(r, T.COMMITMENTS[owner]),
        due_date: next ? plusDays(next.date, -2) : plusDays(v.date, 21),
        status: 'pending',
        follow_up_note: null,
      };
    });
    out.commitment.push(...commitments);
    previous = { id: v.id, commitments };
    if (r() < 0.4) {
      out.reflection.push({
        ...place,
        id: uuid(r),
        visit_id: v.id,
        text: pick(r, T.REFLECTIONS),
        created_by: t.teacherId,
        updated_by: t.teacherId,
      });
    }
    // Stage decisions after the diagnosis, mid-year and in October.
    if (i === 0 || v.month === 7 || v.month === 10) {
      const suggestion = suggestStage(history);
      const suggested = suggestion.stage?.code ?? null;
      const override = suggested !== null && v.month === 10 && r() < 0.2;
      const stage = override
        ? (STAGES[Math.max(0, STAGES.indexOf(suggested) - 1)] as string)
        : (suggested ?? 'principiante');
      out.stage_record.push({
        ...place,
        id: uuid(r),
        intervention_code: t.interventionCode,
        suggested,
        stage,
        note: override
          ? 'Prefiero esperar: en la última visita la retroalimentación volvió a ser general.'
          : suggested === null
            ? 'Etapa inicial acordada en el diagnóstico.'
            : '',
        decided_at: at(v.date, 240),
      });
    }
    // The modelling the plan has (PLANNED_MODELLING): a demonstration lesson at the May visit,
    // co-planning a week after the August one for half of the teachers — once it took place.
    const planned = PLANNED_MODELLING.find((m) => m.month === v.month);
    const coPlanning = planned?.kind === 'co_planning' && r() < 0.5;
    if (planned?.kind === 'demonstration_lesson' || coPlanning) {
      const kind = planned.kind;
      const date = kind === 'co_planning' ? plusDays(v.date, 7) : v.date;
      if (date <= today) {
        out.modelling.push({
          ...place,
          id: uuid(r),
          visit_id: kind === 'co_planning' ? null : v.id,
          kind,
          date,
          desempeno: focus[0],
          notes: T.MODELLING_NOTES[kind],
        });
      }
    }
  });

  out.diagnosis.push({
    ...place,
    id: uuid(r),
    visit_id: diagnosisVisit,
    practice_strengths: [pick(r, T.STRENGTHS), pick(r, T.STRENGTHS)].filter(
      (x, k, a) => a.indexOf(x) === k,
    ),
    practice_weaknesses: [pick(r, T.WEAKNESSES), pick(r, T.WEAKNESSES)].filter(
      (x, k, a) => a.indexOf(x) === k,
    ),
    management_strengths: [pick(r, T.MANAGEMENT_STRENGTHS)],
    management_weaknesses: [pick(r, T.MANAGEMENT_WEAKNESSES)],
    learning_baseline: ['Matemática', 'Comunicación'].flatMap((area) =>
      t.grades.map((grade) => baseline(r, area, grade, t.studentsPerGrade)),
    ),
  });
  out.coaching_plan.push({
    ...place,
    id: uuid(r),
    intervention_code: t.interventionCode,
    focus,
    strategies: [pick(r, T.STRATEGIES), pick(r, T.STRATEGIES)].filter(
      (x, k, a) => a.indexOf(x) === k,
    ),
    planned_modelling: PLANNED_MODELLING,
    target_stage: STAGES[Math.min(STAGES.length - 1, start + pace * 8 > 2.6 ? 2 : 1)] ?? null,
    from_month: 4,
    to_month: 12,
    visit_dates: [
      ...visits.map((v) => v.date),
      ...futureDates(year, lastMonth, day).filter((d) => !isSkipped(Number(d.slice(5, 7)))),
    ],
    skipped_months: skipped,
  });
  return out;
}

function futureDates(year: number, lastMonth: number, day: number): string[] {
  const out: string[] = [];
  for (let m = lastMonth + 1; m <= 12; m++) out.push(schoolDay(year, m, day));
  return out;
}

/** One grade's baseline in an area: about the students of that grade (never more). */
function baseline(r: () => number, area: string, grade: number, studentsPerGrade: number) {
  const students = Math.max(1, Math.floor(studentsPerGrade * (0.85 + r() * 0.15)));
  const inicio = Math.floor(students * (0.25 + r() * 0.2));
  const proceso = Math.floor((students - inicio) * (0.5 + r() * 0.2));
  const destacado = Math.floor((students - inicio - proceso) * 0.2);
  return {
    area,
    grade,
    students,
    levels: {
      inicio,
      proceso,
      logro_esperado: students - inicio - proceso - destacado,
      logro_destacado: destacado,
    },
  };
}
