import { z } from 'zod';
import { SCHOOL_LEVELS } from '../api/common.ts';
import { DNI_PATTERN } from '../validators.ts';
import type { ColumnSpec } from './columns.ts';
import {
  anexoField,
  choiceField,
  codigoModularField,
  field,
  optionalText,
  Problem,
  requiredText,
} from './fields.ts';
import { problemsOf, type RowOutcome } from './schools.ts';
import { GRADE_RANGE, type LevelGroup, levelGroup } from './territory.ts';
import { fold, shown } from './text.ts';

// A row of a teachers file: a person (DNI, names) and their post at a school service
// (COD_MOD + ANEXO) in a school year, with level, grades and subject.

export type TeacherKey =
  | 'dni'
  | 'nombres'
  | 'apellido_paterno'
  | 'apellido_materno'
  | 'cod_mod'
  | 'anexo'
  | 'nivel'
  | 'grados'
  | 'area'
  | 'anio'
  | 'director_encargado';

export const TEACHER_COLUMNS: readonly ColumnSpec<TeacherKey>[] = [
  { key: 'dni', names: ['DNI', 'NUM_DOC', 'NRO_DOCUMENTO'], required: true },
  { key: 'nombres', names: ['NOMBRES', 'NOMBRE'], required: true },
  {
    key: 'apellido_paterno',
    names: ['APELLIDO_PATERNO', 'APE_PATERNO', 'APEPAT', 'PRIMER_APELLIDO'],
    required: true,
  },
  {
    key: 'apellido_materno',
    names: ['APELLIDO_MATERNO', 'APE_MATERNO', 'APEMAT', 'SEGUNDO_APELLIDO'],
  },
  { key: 'cod_mod', names: ['COD_MOD', 'CODMOD', 'COD_MODULAR', 'CODIGO_MODULAR'], required: true },
  { key: 'anexo', names: ['ANEXO'] },
  { key: 'nivel', names: ['NIVEL', 'NIV_MOD'] },
  { key: 'grados', names: ['GRADOS', 'GRADO'] },
  { key: 'area', names: ['AREA', 'AREA_CURRICULAR', 'CURSO'] },
  { key: 'anio', names: ['ANIO', 'ANO', 'ANO_ESCOLAR', 'PERIODO'], required: true },
  { key: 'director_encargado', names: ['DIRECTOR_ENCARGADO', 'ENCARGADO_DIRECCION'] },
];

export interface TeacherRow {
  dni: string;
  givenNames: string;
  paternalSurname: string;
  maternalSurname: string | null;
  codigoModular: string;
  anexo: number;
  /** As written: a NIV_MOD code or a level group; checked against the school's level later. */
  level: string | null;
  grades: number[];
  subject: string | null;
  schoolYear: number;
  actingDirector: boolean;
}

const LEVEL_WORDS: Readonly<Record<string, string>> = {
  INICIAL: 'inicial',
  PRIMARIA: 'primaria',
  SECUNDARIA: 'secundaria',
  ...Object.fromEntries(SCHOOL_LEVELS.map((l) => [l, l])),
  '': '',
};

const YES_NO: Readonly<Record<string, boolean>> = {
  SI: true,
  S: true,
  '1': true,
  X: true,
  NO: false,
  N: false,
  '0': false,
  '': false,
};

/** "1, 2", "1-3", "1° y 2°", "3 años" → sorted distinct numbers; null when unreadable. */
export function parseGrades(text: string): number[] | null {
  const cleaned = fold(text)
    .replace(/[°º]|\b(ANOS?|GRADOS?)\b/g, ' ')
    .replace(/\bY\b/g, ',')
    .trim();
  if (cleaned === '') return [];
  const out = new Set<number>();
  for (const token of cleaned.split(/[\s,;/]+/).filter(Boolean)) {
    const m = /^(\d)(?:-(\d))?$/.exec(token);
    if (!m) return null;
    const from = Number(m[1]);
    const to = m[2] === undefined ? from : Number(m[2]);
    if (to < from) return null;
    for (let g = from; g <= to; g++) out.add(g);
  }
  return [...out].sort((a, b) => a - b);
}

const LEVEL_NAMES: Record<LevelGroup, string> = {
  inicial: 'inicial (edades 0 a 5)',
  primaria: 'primaria (1 a 6)',
  secundaria: 'secundaria (1 a 5)',
};

/** A problem when the grades do not exist in the school's level, e.g. 6.º of secundaria. */
export function gradesProblem(schoolLevel: string, grades: readonly number[]): string | null {
  const group = levelGroup(schoolLevel);
  if (!group) return null;
  const [min, max] = GRADE_RANGE[group];
  const wrong = grades.filter((g) => g < min || g > max);
  if (wrong.length === 0) return null;
  return `${wrong.length === 1 ? 'el grado' : 'los grados'} ${wrong.join(', ')} no ${wrong.length === 1 ? 'existe' : 'existen'} en ${LEVEL_NAMES[group]}.`;
}

/** A problem when the level written in the file is not the school service's level. */
export function levelProblem(written: string | null, schoolLevel: string): string | null {
  if (!written || written === schoolLevel || written === levelGroup(schoolLevel)) return null;
  return `el nivel ${written} no coincide con el de la IE (${schoolLevel}, ${levelGroup(schoolLevel)}).`;
}

const nameField = (missing: string) => requiredText(missing, 80);

const teacherRowSchema = z.object({
  dni: field((v) => {
    if (v === '') return new Problem('falta el DNI.');
    if (DNI_PATTERN.test(v)) return v;
    return new Problem(`el DNI debe tener exactamente 8 dígitos (se leyó ${shown(v)}).`);
  }),
  nombres: nameField('faltan los nombres.'),
  apellido_paterno: nameField('falta el apellido paterno.'),
  apellido_materno: optionalText(80),
  cod_mod: codigoModularField,
  anexo: anexoField(0),
  nivel: choiceField(
    LEVEL_WORDS,
    'el nivel debe ser Inicial, Primaria o Secundaria (o A1, A2, A3, B0, F0)',
  ),
  grados: field(
    (v) =>
      parseGrades(v) ??
      new Problem(`los grados deben ser números como "1, 2" o "1-3" (se leyó ${shown(v)}).`),
  ),
  area: optionalText(120),
  anio: field((v) => {
    if (/^\d{4}$/.test(v) && Number(v) >= 2000 && Number(v) <= 2100) return Number(v);
    return v === ''
      ? new Problem('falta el año escolar.')
      : new Problem(`el año escolar debe ser un año entre 2000 y 2100 (se leyó ${shown(v)}).`);
  }),
  director_encargado: choiceField(YES_NO, 'director encargado debe ser Sí o No'),
});

export function validateTeacherRow(
  values: Record<TeacherKey, string>,
  labels: Record<TeacherKey, string>,
): RowOutcome<TeacherRow> {
  const parsed = teacherRowSchema.safeParse(values);
  if (!parsed.success) return { status: 'invalid', problems: problemsOf(parsed.error, labels) };
  const r = parsed.data;
  return {
    status: 'ok',
    row: {
      dni: r.dni,
      givenNames: r.nombres,
      paternalSurname: r.apellido_paterno,
      maternalSurname: r.apellido_materno,
      codigoModular: r.cod_mod,
      anexo: r.anexo,
      level: r.nivel || null,
      grades: r.grados,
      subject: r.area,
      schoolYear: r.anio,
      actingDirector: r.director_encargado,
    },
  };
}
