import type { TargetLevel } from '../api/common.ts';

// Territory facts an import needs without a database: the 26 DRE (regions) and how a school's
// ubigeo (CODGEO, DDPPDI) places it in one, and the levels (NIV_MOD) Acompaña works with.

/**
 * The 26 DRE by region code. The code is the ubigeo prefix of the DRE's territory: the
 * departamento (first two digits) except Lima, whose department holds two DRE — Lima
 * Metropolitana (the province of Lima, ubigeo 1501…) and Lima Provincias (the rest of 15…).
 */
export const REGIONS: Readonly<Record<string, string>> = {
  '01': 'Amazonas',
  '02': 'Áncash',
  '03': 'Apurímac',
  '04': 'Arequipa',
  '05': 'Ayacucho',
  '06': 'Cajamarca',
  '07': 'Callao',
  '08': 'Cusco',
  '09': 'Huancavelica',
  '10': 'Huánuco',
  '11': 'Ica',
  '12': 'Junín',
  '13': 'La Libertad',
  '14': 'Lambayeque',
  '15': 'Lima Provincias',
  '1501': 'Lima Metropolitana',
  '16': 'Loreto',
  '17': 'Madre de Dios',
  '18': 'Moquegua',
  '19': 'Pasco',
  '20': 'Piura',
  '21': 'Puno',
  '22': 'San Martín',
  '23': 'Tacna',
  '24': 'Tumbes',
  '25': 'Ucayali',
};

/** Region (DRE) code of a 6-digit ubigeo, or null when its departamento does not exist. */
export function regionCodeOfUbigeo(ubigeo: string): string | null {
  if (ubigeo.startsWith('1501')) return '1501';
  const department = ubigeo.slice(0, 2);
  return REGIONS[department] ? department : null;
}

/** Placeholder for a UGEL the file names only by code, until a file gives its name. */
export function ugelPlaceholderName(code: string): string {
  return `UGEL ${code}`;
}

export type LevelGroup = TargetLevel;

export function levelGroup(level: string): LevelGroup | null {
  if (level === 'A1' || level === 'A2' || level === 'A3') return 'inicial';
  if (level === 'B0') return 'primaria';
  if (level === 'F0') return 'secundaria';
  return null;
}

/** Grades a teacher can teach per level group: ages 0–5 in inicial, 1.º–6.º, 1.º–5.º. */
export const GRADE_RANGE: Readonly<Record<LevelGroup, readonly [number, number]>> = {
  inicial: [0, 5],
  primaria: [1, 6],
  secundaria: [1, 5],
};
