// Declarative demo territory: UGEL Gran Chimú (La Libertad). The four districts and their
// ubigeos are real; schools, names, códigos modulares, locales, coordinates and figures are
// synthetic. demo.ts turns these rows into inserts; demo-people.ts holds the people; the
// schools themselves are in demo-schools-*.ts.
import { MULTIGRADO_SCHOOLS } from './demo-schools-multigrado.ts';
import { OTHER_SCHOOLS } from './demo-schools-others.ts';

export type Level = 'A2' | 'A3' | 'B0' | 'F0';
export type Characteristic = 'unidocente' | 'polidocente_multigrado' | 'polidocente_completo';
export type InterventionCode = 'MULTIGRADO' | 'SP_URBANO' | 'SPI' | 'SPSR';

export const REGION = { code: '13', name: 'La Libertad' } as const;
export const UGEL = { code: '130012', name: 'UGEL Gran Chimú' } as const;

export const UBIGEO = {
  cascas: '131201',
  lucma: '131202',
  marmot: '131203',
  sayapullo: '131204',
} as const;
export type District = keyof typeof UBIGEO;

// Gran Chimú is Spanish-speaking; an SPI network with Quechua as its EIB language is a demo
// assumption so that the intercultural intervention (and its ASPI team) can be shown.
export const EIB_LANGUAGE = 'Quechua';

export const NETWORKS = [
  { key: 'sayapullo', code: 'RER-GC-01', name: 'RER Intercultural Sayapullo' },
  { key: 'lucma', code: 'RER-GC-02', name: 'RER Lucma' },
  { key: 'marmot', code: 'RER-GC-03', name: 'RER Marmot' },
] as const;
export type NetworkKey = (typeof NETWORKS)[number]['key'];

export interface PostSeed {
  grades: number[];
  subject?: string;
  /** Unidocente teacher acting as director (encargatura). */
  acting?: boolean;
  /** Arrived after the caseloads were drawn up: a "teacher without coach" warning. */
  noCoach?: boolean;
  /** Was in this coach's caseload until mid last year (continuity history). */
  previousCoach?: string;
}

export interface EnrollmentSeed {
  code: InterventionCode;
  /** Cohort start year relative to the current school year (0 = this year: year 1). */
  cohort: number;
  /** Relative exit year: the school finished its three years (egresada). */
  exit?: number;
}

export interface SchoolSeed {
  codigo: string;
  codlocal: string;
  name: string;
  level: Level;
  characteristic: Characteristic;
  area: 'urbana' | 'rural';
  district: District;
  network?: NetworkKey;
  lat: number;
  lon: number;
  students: number;
  enrollment?: EnrollmentSeed;
  /** The coach of every teacher (MULTIGRADO, SP_URBANO); SPI and SPSR derive theirs. */
  coach?: string;
  posts: PostSeed[];
}

// Order matters: teachers get DNIs 30000001… in this order, so the demo docente (30000001)
// is the first teacher of the first school.
export const SCHOOLS: SchoolSeed[] = [...MULTIGRADO_SCHOOLS, ...OTHER_SCHOOLS];

// SPSR: in these small secundarias the AP de comunicación also follows the humanities areas
// and the AP de matemática the sciences, so every teacher of an SPSR school has a coach.
export const SPSR_SPECIALTY: Record<string, 'comunicacion' | 'matematica'> = {
  Comunicación: 'comunicacion',
  'Ciencias Sociales': 'comunicacion',
  'Desarrollo Personal, Ciudadanía y Cívica': 'comunicacion',
  Matemática: 'matematica',
  'Ciencia y Tecnología': 'matematica',
  'Educación para el Trabajo': 'matematica',
};

export const EXIT_NOTE =
  'Docentes con progreso en los desempeños priorizados, liderazgo pedagógico de la dirección y GIA funcionando en la escuela.';
