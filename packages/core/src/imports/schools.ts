import { z } from 'zod';
import type { SchoolArea, SchoolCharacteristic, SchoolLevel } from '../api/common.ts';
import type { ColumnSpec } from './columns.ts';
import {
  anexoField,
  choiceField,
  codigoModularField,
  countField,
  field,
  optionalText,
  Problem,
  requiredText,
} from './fields.ts';
import { resolveLevel } from './levels.ts';
import type { FieldProblem } from './report.ts';
import { regionCodeOfUbigeo } from './territory.ts';
import { parseDecimal, shown } from './text.ts';

// A row of the ESCALE padrón of schools (one row per school service: código modular + anexo).

export type SchoolKey =
  | 'cod_mod'
  | 'anexo'
  | 'codlocal'
  | 'cen_edu'
  | 'niv_mod'
  | 'd_niv_mod'
  | 'd_cod_car'
  | 'gestion'
  | 'd_gestion'
  | 'dareacenso'
  | 'codgeo'
  | 'codooii'
  | 'd_dreugel'
  | 'lengua'
  | 'nlat_ie'
  | 'nlong_ie'
  | 'd_estado'
  | 'talumno'
  | 'tdocente';

export const SCHOOL_COLUMNS: readonly ColumnSpec<SchoolKey>[] = [
  { key: 'cod_mod', names: ['COD_MOD', 'CODMOD', 'COD_MODULAR', 'CODIGO_MODULAR'], required: true },
  { key: 'anexo', names: ['ANEXO'], required: true },
  { key: 'codlocal', names: ['CODLOCAL', 'COD_LOCAL'] },
  { key: 'cen_edu', names: ['CEN_EDU', 'NOMBRE_IE'], required: true },
  { key: 'niv_mod', names: ['NIV_MOD'], required: true, orElse: 'd_niv_mod' },
  { key: 'd_niv_mod', names: ['D_NIV_MOD', 'NIVEL_MODALIDAD'] },
  { key: 'd_cod_car', names: ['D_COD_CAR'] },
  { key: 'gestion', names: ['GESTION'] },
  { key: 'd_gestion', names: ['D_GESTION'] },
  { key: 'dareacenso', names: ['DAREACENSO', 'D_AREACENSO'] },
  { key: 'codgeo', names: ['CODGEO', 'UBIGEO'], required: true },
  { key: 'codooii', names: ['CODOOII'], required: true },
  { key: 'd_dreugel', names: ['D_DREUGEL'] },
  { key: 'lengua', names: ['LENGUA', 'D_LENGUA'] },
  { key: 'nlat_ie', names: ['NLAT_IE'], pairedWith: 'nlong_ie' },
  { key: 'nlong_ie', names: ['NLONG_IE'], pairedWith: 'nlat_ie' },
  { key: 'd_estado', names: ['D_ESTADO'] },
  { key: 'talumno', names: ['TALUMNO'] },
  { key: 'tdocente', names: ['TDOCENTE'] },
];

type Characteristic = SchoolCharacteristic;

export interface SchoolRow {
  codigoModular: string;
  anexo: number;
  codlocal: string | null;
  name: string;
  level: SchoolLevel;
  characteristic: Characteristic | null;
  management: string | null;
  area: SchoolArea | null;
  ubigeo: string;
  regionCode: string;
  ugelCode: string;
  ugelName: string | null;
  language: string | null;
  latitude: number | null;
  longitude: number | null;
  active: boolean;
  students: number | null;
  teachers: number | null;
}

/** Bounding box of Peru, to catch swapped or mistyped coordinates. */
export const PERU_BOUNDS = { latMin: -18.4, latMax: 0, lonMin: -81.4, lonMax: -68.6 } as const;

/** GESTION codes of the padrón, in the words of its D_GESTION column. */
const GESTION_CODES: Readonly<Record<string, string>> = {
  '1': 'Pública de gestión directa',
  '2': 'Pública de gestión privada',
  '3': 'Privada',
};

const CHARACTERISTICS: Readonly<Record<string, Characteristic | null>> = {
  UNIDOCENTE: 'unidocente',
  'POLIDOCENTE MULTIGRADO': 'polidocente_multigrado',
  MULTIGRADO: 'polidocente_multigrado',
  'POLIDOCENTE COMPLETO': 'polidocente_completo',
  COMPLETO: 'polidocente_completo',
  'NO APLICA': null,
  '-': null,
  '': null,
};

const AREAS: Readonly<Record<string, SchoolArea | null>> = {
  URBANA: 'urbana',
  URBANO: 'urbana',
  RURAL: 'rural',
  '': null,
};

const STATES: Readonly<Record<string, boolean>> = {
  ACTIVA: true,
  ACTIVO: true,
  INACTIVA: false,
  INACTIVO: false,
  '': true,
};

function coordinate(what: string, min: number, max: number) {
  const range = `${String(min).replace('.', ',')} y ${String(max).replace('.', ',')}`;
  return field((v) => {
    if (v === '') return null;
    const n = parseDecimal(v);
    if (n === null) return new Problem(`la ${what} debe ser un número (se leyó ${shown(v)}).`);
    if (n === 0) return 0; // ESCALE writes 0 for "no coordinates"; resolved with its pair below
    if (n < min || n > max) {
      return new Problem(`la ${what} debe estar entre ${range} (Perú) (se leyó ${shown(v)}).`);
    }
    return n;
  });
}

const ubigeoField = field((v) => {
  if (v === '') return new Problem('falta el ubigeo.');
  // Spreadsheets drop the leading zero of departamentos 01–09.
  const code = /^\d{5,6}$/.test(v) ? v.padStart(6, '0') : null;
  if (!code) return new Problem(`el ubigeo debe tener 6 dígitos (DDPPDI) (se leyó ${shown(v)}).`);
  if (!regionCodeOfUbigeo(code)) {
    return new Problem(`el ubigeo ${code} no corresponde a ningún departamento (01 a 25).`);
  }
  return code;
});

export const ugelCodeField = field((v) => {
  if (v === '') return new Problem('falta el código de la UGEL (CODOOII).');
  if (/^\d{5,6}$/.test(v)) return v.padStart(6, '0');
  return new Problem(`el código de la UGEL debe tener 6 dígitos (se leyó ${shown(v)}).`);
});

const schoolRowSchema = z.object({
  cod_mod: codigoModularField,
  anexo: anexoField(null),
  codlocal: field((v) => {
    if (v === '') return null;
    if (/^\d{1,6}$/.test(v)) return v.padStart(6, '0');
    return new Problem(`el código de local debe tener hasta 6 dígitos (se leyó ${shown(v)}).`);
  }),
  cen_edu: requiredText('falta el nombre de la institución educativa.', 200),
  d_cod_car: choiceField(
    CHARACTERISTICS,
    'la característica debe ser Unidocente, Polidocente Multigrado o Polidocente Completo',
  ),
  gestion: optionalText(100),
  dareacenso: choiceField(AREAS, 'el área debe ser Urbana o Rural'),
  codgeo: ubigeoField,
  codooii: ugelCodeField,
  d_dreugel: optionalText(150),
  lengua: optionalText(60),
  nlat_ie: coordinate('latitud', PERU_BOUNDS.latMin, PERU_BOUNDS.latMax),
  nlong_ie: coordinate('longitud', PERU_BOUNDS.lonMin, PERU_BOUNDS.lonMax),
  d_estado: choiceField(STATES, 'el estado debe ser Activa o Inactiva'),
  talumno: countField('el total de alumnos'),
  tdocente: countField('el total de docentes'),
});

export type RowOutcome<T> =
  | { status: 'ok'; row: T }
  | { status: 'skipped'; reason: string }
  | { status: 'invalid'; problems: FieldProblem[] };

export function problemsOf<K extends string>(
  error: z.ZodError,
  labels: Record<K, string>,
): FieldProblem[] {
  return error.issues.map((issue) => {
    const key = issue.path[0] as K | undefined;
    return key
      ? { field: labels[key] ?? String(key), text: issue.message }
      : { text: issue.message };
  });
}

/**
 * Validates one padrón row. Services of levels Acompaña does not serve (EBA, CETPRO,
 * superior…) and "No aplica" rows are `skipped`, not invalid: a national padrón holds them all.
 */
export function validateSchoolRow(
  values: Record<SchoolKey, string>,
  labels: Record<SchoolKey, string>,
): RowOutcome<SchoolRow> {
  const resolved = resolveLevel(values.niv_mod, values.d_niv_mod, labels);
  if (resolved.status === 'skipped') return resolved;
  const levelProblem: FieldProblem[] =
    resolved.status === 'invalid' ? [{ field: labels[resolved.column], text: resolved.text }] : [];

  const parsed = schoolRowSchema.safeParse({
    ...values,
    // D_GESTION says it in words; GESTION alone may be the code.
    gestion: values.d_gestion || GESTION_CODES[values.gestion] || values.gestion,
  });
  const problems = [...levelProblem, ...(parsed.success ? [] : problemsOf(parsed.error, labels))];
  if (resolved.status !== 'ok' || !parsed.success || problems.length > 0) {
    return { status: 'invalid', problems };
  }

  const r = parsed.data;
  let latitude = r.nlat_ie;
  let longitude = r.nlong_ie;
  if (latitude === 0 && longitude === 0) latitude = longitude = null;
  if ((latitude === null) !== (longitude === null) || latitude === 0 || longitude === 0) {
    const missing = latitude === null || latitude === 0 ? 'nlat_ie' : 'nlong_ie';
    return {
      status: 'invalid',
      problems: [
        {
          field: labels[missing],
          text: 'la latitud y la longitud van juntas: falta una de las dos o es 0.',
        },
      ],
    };
  }
  return {
    status: 'ok',
    row: {
      codigoModular: r.cod_mod,
      anexo: r.anexo,
      codlocal: r.codlocal,
      name: r.cen_edu,
      level: resolved.level,
      characteristic: r.d_cod_car,
      management: r.gestion,
      area: r.dareacenso,
      ubigeo: r.codgeo,
      regionCode: regionCodeOfUbigeo(r.codgeo) ?? '',
      ugelCode: r.codooii,
      ugelName: r.d_dreugel,
      language: r.lengua,
      latitude,
      longitude,
      active: r.d_estado,
      students: r.talumno,
      teachers: r.tdocente,
    },
  };
}
