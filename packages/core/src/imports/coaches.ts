import { z } from 'zod';
import {
  COACH_KINDS,
  COACH_SPECIALTIES,
  type CoachKind,
  type CoachSpecialty,
} from '../api/common.ts';
import { isCalendarDate } from '../time.ts';
import { DNI_PATTERN } from '../validators.ts';
import type { ColumnSpec } from './columns.ts';
import { choiceField, field, optionalText, Problem } from './fields.ts';
import { problemsOf, type RowOutcome, ugelCodeField } from './schools.ts';
import { fold, shown } from './text.ts';

// A row of a coaches file (`acompana import coaches`): a person by DNI (names needed only for
// someone not yet in the rosters), the UGEL (CODOOII) and intervention they coach in, the start
// and optional end of the role, and optionally the kind of coach and specialty.

export type CoachKey =
  | 'dni'
  | 'nombres'
  | 'apellido_paterno'
  | 'apellido_materno'
  | 'codooii'
  | 'intervencion'
  | 'fecha_inicio'
  | 'fecha_fin'
  | 'tipo'
  | 'especialidad';

export const COACH_COLUMNS: readonly ColumnSpec<CoachKey>[] = [
  { key: 'dni', names: ['DNI', 'NUM_DOC', 'NRO_DOCUMENTO'], required: true },
  { key: 'nombres', names: ['NOMBRES', 'NOMBRE'] },
  { key: 'apellido_paterno', names: ['APELLIDO_PATERNO', 'APE_PATERNO', 'APEPAT'] },
  { key: 'apellido_materno', names: ['APELLIDO_MATERNO', 'APE_MATERNO', 'APEMAT'] },
  { key: 'codooii', names: ['CODOOII', 'COD_UGEL', 'UGEL'], required: true },
  { key: 'intervencion', names: ['INTERVENCION', 'INTERVENCIÓN'], required: true },
  { key: 'fecha_inicio', names: ['FECHA_INICIO', 'INICIO', 'DESDE'], required: true },
  { key: 'fecha_fin', names: ['FECHA_FIN', 'FIN', 'HASTA'] },
  { key: 'tipo', names: ['TIPO', 'TIPO_ACOMPANANTE'] },
  { key: 'especialidad', names: ['ESPECIALIDAD'] },
];

export interface CoachRow {
  dni: string;
  givenNames: string | null;
  paternalSurname: string | null;
  maternalSurname: string | null;
  ugelCode: string;
  interventionCode: string;
  validFrom: string;
  validTo: string | null;
  kind: CoachKind | null;
  specialty: CoachSpecialty | null;
}

/** 2027-03-01 or 01/03/2027 (day first, as written in Peru) → YYYY-MM-DD. */
export function parseFileDate(text: string): string | null {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  const date = iso
    ? text
    : dmy
      ? `${dmy[3]}-${(dmy[2] as string).padStart(2, '0')}-${(dmy[1] as string).padStart(2, '0')}`
      : null;
  return date && isCalendarDate(date) ? date : null;
}

const dateField = (what: string, required: boolean) =>
  field((v): string | null | Problem => {
    if (v === '') return required ? new Problem(`falta la ${what}.`) : null;
    return (
      parseFileDate(v) ??
      new Problem(
        `la ${what} debe ser una fecha como 2027-03-01 o 01/03/2027 (se leyó ${shown(v)}).`,
      )
    );
  });

/** Accepted words → codes, compared without case or accents ("Acompañante pedagógico"). */
function choices<T extends string>(codes: readonly T[]): Record<string, T> {
  const out: Record<string, T> = { '': '' as T };
  for (const code of codes) {
    out[fold(code)] = code;
    out[fold(code.replace(/_/g, ' '))] = code;
  }
  return out;
}

const coachRowSchema = z.object({
  dni: field((v) => {
    if (v === '') return new Problem('falta el DNI.');
    if (DNI_PATTERN.test(v)) return v;
    return new Problem(`el DNI debe tener exactamente 8 dígitos (se leyó ${shown(v)}).`);
  }),
  nombres: optionalText(80),
  apellido_paterno: optionalText(80),
  apellido_materno: optionalText(80),
  codooii: ugelCodeField,
  intervencion: field((v) => {
    const code = fold(v).replace(/\s+/g, '_');
    return /^[A-Z][A-Z0-9_]{1,29}$/.test(code)
      ? code
      : new Problem(`falta la intervención o no es un código válido (se leyó ${shown(v)}).`);
  }),
  fecha_inicio: dateField('fecha de inicio', true),
  fecha_fin: dateField('fecha de fin', false),
  tipo: choiceField(choices(COACH_KINDS), `el tipo debe ser uno de: ${COACH_KINDS.join(', ')}`),
  especialidad: choiceField(
    choices(COACH_SPECIALTIES),
    `la especialidad debe ser una de: ${COACH_SPECIALTIES.join(', ')}`,
  ),
});

export function validateCoachRow(
  values: Record<CoachKey, string>,
  labels: Record<CoachKey, string>,
): RowOutcome<CoachRow> {
  const parsed = coachRowSchema.safeParse(values);
  if (!parsed.success) return { status: 'invalid', problems: problemsOf(parsed.error, labels) };
  const r = parsed.data;
  if (r.fecha_fin && r.fecha_inicio && r.fecha_fin < r.fecha_inicio) {
    return {
      status: 'invalid',
      problems: [
        {
          field: labels.fecha_fin,
          text: `la fecha de fin (${r.fecha_fin}) es anterior a la de inicio (${r.fecha_inicio}).`,
        },
      ],
    };
  }
  return {
    status: 'ok',
    row: {
      dni: r.dni,
      givenNames: r.nombres,
      paternalSurname: r.apellido_paterno,
      maternalSurname: r.apellido_materno,
      ugelCode: r.codooii,
      interventionCode: r.intervencion,
      validFrom: r.fecha_inicio as string,
      validTo: r.fecha_fin,
      kind: r.tipo || null,
      specialty: r.especialidad || null,
    },
  };
}
