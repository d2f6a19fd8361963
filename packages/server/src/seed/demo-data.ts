// Declarative demo territory: UGEL Gran Chimú (La Libertad). The four districts and their
// ubigeos are real; schools, names, códigos modulares, locales, coordinates and figures are
// synthetic. demo.ts turns these rows into inserts; demo-people.ts holds the people.

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

const p = (...grades: number[]): PostSeed => ({ grades });
const sec = (subject: string, ...grades: number[]): PostSeed => ({ grades, subject });
const ALL_PRIMARIA = [1, 2, 3, 4, 5, 6];
const ALL_SECUNDARIA = [1, 2, 3, 4, 5];

// A small rural secundaria: teachers complete their hours across areas.
const ruralSecundaria = (withDpcc: boolean): PostSeed[] => [
  sec('Comunicación', 1, 2, 3),
  sec('Comunicación', 4, 5),
  sec('Ciencias Sociales', ...ALL_SECUNDARIA),
  ...(withDpcc ? [sec('Desarrollo Personal, Ciudadanía y Cívica', ...ALL_SECUNDARIA)] : []),
  sec('Matemática', 1, 2, 3),
  sec('Matemática', 4, 5),
  sec('Ciencia y Tecnología', ...ALL_SECUNDARIA),
  sec('Educación para el Trabajo', ...ALL_SECUNDARIA),
];

const URBAN_SECUNDARIA: [string, number][] = [
  ['Comunicación', 3],
  ['Matemática', 3],
  ['Inglés', 2],
  ['Ciencias Sociales', 2],
  ['Desarrollo Personal, Ciudadanía y Cívica', 2],
  ['Ciencia y Tecnología', 2],
  ['Educación para el Trabajo', 2],
  ['Educación Física', 2],
  ['Arte y Cultura', 1],
  ['Educación Religiosa', 1],
];
// Teachers of an area split the grades among them (3 → 1–2, 3–4, 5; 2 → 1–3, 4–5).
const GRADE_SPLIT: Record<number, number[][]> = {
  1: [ALL_SECUNDARIA],
  2: [
    [1, 2, 3],
    [4, 5],
  ],
  3: [[1, 2], [3, 4], [5]],
};

const MG1 = '20000001'; // the demo acompañante
const MG2 = '20000002'; // carries more than 15 teachers: a roster warning
const SP = '20000003';

// Order matters: teachers get DNIs 30000001… in this order, so the demo docente (30000001)
// is the first teacher of the first school.
export const SCHOOLS: SchoolSeed[] = [
  // MULTIGRADO, acompañante 20000001: Cascas (rural caseríos) and Lucma.
  {
    codigo: '0512301',
    codlocal: '431852',
    name: 'IE N° 80412 Cascas',
    level: 'B0',
    characteristic: 'polidocente_multigrado',
    area: 'rural',
    district: 'cascas',
    lat: -7.4921,
    lon: -78.8432,
    students: 96,
    enrollment: { code: 'MULTIGRADO', cohort: -1 },
    coach: MG1,
    posts: [p(1, 2), p(3), p(4), p(5, 6)],
  },
  {
    codigo: '0512318',
    codlocal: '431869',
    name: 'IE N° 80418 Santa Rosa',
    level: 'B0',
    characteristic: 'polidocente_multigrado',
    area: 'rural',
    district: 'cascas',
    lat: -7.4655,
    lon: -78.871,
    students: 58,
    enrollment: { code: 'MULTIGRADO', cohort: -1 },
    coach: MG1,
    posts: [p(1, 2), p(3, 4), p(5, 6)],
  },
  {
    codigo: '0512325',
    codlocal: '431875',
    name: 'IE N° 80431 La Colpa',
    level: 'B0',
    characteristic: 'unidocente',
    area: 'rural',
    district: 'cascas',
    lat: -7.5189,
    lon: -78.8894,
    students: 14,
    enrollment: { code: 'MULTIGRADO', cohort: -2 },
    coach: MG1,
    posts: [{ grades: ALL_PRIMARIA, acting: true }],
  },
  {
    codigo: '0531447',
    codlocal: '456210',
    name: 'IE N° 80437 Chuquillanqui',
    level: 'B0',
    characteristic: 'polidocente_multigrado',
    area: 'rural',
    district: 'lucma',
    network: 'lucma',
    lat: -7.561,
    lon: -78.6395,
    students: 104,
    enrollment: { code: 'MULTIGRADO', cohort: -2 },
    coach: MG1,
    posts: [p(1), p(2), p(3, 4), p(5), p(6)],
  },
  {
    codigo: '0531454',
    codlocal: '456227',
    name: 'IE N° 80440 El Molino',
    level: 'B0',
    characteristic: 'unidocente',
    area: 'rural',
    district: 'lucma',
    network: 'lucma',
    lat: -7.5832,
    lon: -78.6121,
    students: 17,
    enrollment: { code: 'MULTIGRADO', cohort: -2 },
    coach: MG1,
    // Moved from MG2 to MG1 mid last year to ease MG2's load.
    posts: [{ grades: ALL_PRIMARIA, acting: true, previousCoach: MG2 }],
  },
  // MULTIGRADO, acompañante 20000002: Marmot and Lucma, 17 teachers.
  {
    codigo: '0538921',
    codlocal: '461503',
    name: 'IE N° 80452 Compín',
    level: 'B0',
    characteristic: 'polidocente_multigrado',
    area: 'rural',
    district: 'marmot',
    network: 'marmot',
    lat: -7.4112,
    lon: -78.6547,
    students: 112,
    enrollment: { code: 'MULTIGRADO', cohort: -2 },
    coach: MG2,
    posts: [p(1), p(2), p(3), p(4), p(5, 6)],
  },
  {
    codigo: '0538938',
    codlocal: '461510',
    name: 'IE N° 80455 Pampa Grande',
    level: 'B0',
    characteristic: 'polidocente_multigrado',
    area: 'rural',
    district: 'marmot',
    network: 'marmot',
    lat: -7.4358,
    lon: -78.6813,
    students: 84,
    enrollment: { code: 'MULTIGRADO', cohort: -2 },
    coach: MG2,
    posts: [p(1), p(2, 3), p(4), p(5, 6)],
  },
  {
    codigo: '0538945',
    codlocal: '461527',
    name: 'IE N° 80460 Huayobamba',
    level: 'B0',
    characteristic: 'unidocente',
    area: 'rural',
    district: 'marmot',
    network: 'marmot',
    lat: -7.3976,
    lon: -78.6234,
    students: 11,
    enrollment: { code: 'MULTIGRADO', cohort: -1 },
    coach: MG2,
    posts: [{ grades: ALL_PRIMARIA, acting: true }],
  },
  {
    codigo: '0531461',
    codlocal: '456234',
    name: 'IE N° 80471 San Isidro',
    level: 'B0',
    characteristic: 'polidocente_multigrado',
    area: 'rural',
    district: 'lucma',
    network: 'lucma',
    lat: -7.5417,
    lon: -78.6589,
    students: 88,
    enrollment: { code: 'MULTIGRADO', cohort: -1 },
    coach: MG2,
    posts: [p(1, 2), p(3), p(4), p(5, 6)],
  },
  {
    codigo: '0531478',
    codlocal: '456241',
    name: 'IE N° 80476 La Florida',
    level: 'B0',
    characteristic: 'polidocente_multigrado',
    area: 'rural',
    district: 'lucma',
    network: 'lucma',
    lat: -7.5703,
    lon: -78.6702,
    students: 61,
    enrollment: { code: 'MULTIGRADO', cohort: -1 },
    coach: MG2,
    posts: [p(1, 2), p(3, 4), p(5, 6)],
  },
  // MULTIGRADO, enrolled this year; no coach assigned yet: two teachers without coach.
  {
    codigo: '0538952',
    codlocal: '461534',
    name: 'IE N° 82218 Shiracmaca',
    level: 'B0',
    characteristic: 'polidocente_multigrado',
    area: 'rural',
    district: 'marmot',
    network: 'marmot',
    lat: -7.3894,
    lon: -78.6702,
    students: 39,
    enrollment: { code: 'MULTIGRADO', cohort: 0 },
    posts: [p(1, 2, 3), p(4, 5, 6)],
  },
  // MULTIGRADO, finished its three years (egresada): no coaching now.
  {
    codigo: '0512349',
    codlocal: '431899',
    name: 'IE N° 80429 Chicoden',
    level: 'B0',
    characteristic: 'polidocente_multigrado',
    area: 'rural',
    district: 'cascas',
    lat: -7.5012,
    lon: -78.7954,
    students: 63,
    enrollment: { code: 'MULTIGRADO', cohort: -5, exit: -3 },
    posts: [p(1, 2), p(3, 4), p(5, 6)],
  },
  // SP_URBANO: Cascas town, primaria polidocente completa; acompañante 20000003.
  {
    codigo: '0512356',
    codlocal: '431905',
    name: 'IE N° 80407 Señor de los Milagros',
    level: 'B0',
    characteristic: 'polidocente_completo',
    area: 'urbana',
    district: 'cascas',
    lat: -7.4801,
    lon: -78.8205,
    students: 226,
    enrollment: { code: 'SP_URBANO', cohort: -1 },
    coach: SP,
    posts: [p(1), p(1), p(2), p(2), p(3), p(4), p(5), p(6)],
  },
  {
    codigo: '0512363',
    codlocal: '431912',
    name: 'IE N° 81024 Ramón Castilla',
    level: 'B0',
    characteristic: 'polidocente_completo',
    area: 'urbana',
    district: 'cascas',
    lat: -7.4789,
    lon: -78.8237,
    students: 189,
    enrollment: { code: 'SP_URBANO', cohort: -1 },
    coach: SP,
    posts: [p(1), p(2), p(3), p(3), p(4), { grades: [5], noCoach: true }, p(6)],
  },
  // Not enrolled in any intervention: not every school of a UGEL receives coaching.
  {
    codigo: '0512370',
    codlocal: '431929',
    name: 'IE N° 1234 Inicial Cascas',
    level: 'A2',
    characteristic: 'polidocente_completo',
    area: 'urbana',
    district: 'cascas',
    lat: -7.4812,
    lon: -78.8191,
    students: 92,
    posts: [p(3), p(4), p(5), p(5)],
  },
  {
    codigo: '0512387',
    codlocal: '431936',
    name: 'IE César Vallejo',
    level: 'F0',
    characteristic: 'polidocente_completo',
    area: 'urbana',
    district: 'cascas',
    lat: -7.4795,
    lon: -78.8226,
    students: 412,
    posts: URBAN_SECUNDARIA.flatMap(([subject, n]) =>
      (GRADE_SPLIT[n] ?? []).map((grades) => sec(subject, ...grades)),
    ),
  },
  // SPI: the EIB network of Sayapullo (inicial + primaria), covered by a team of five ASPI.
  {
    codigo: '0545013',
    codlocal: '470118',
    name: 'IE N° 1752 Inicial Sayapullo',
    level: 'A2',
    characteristic: 'polidocente_completo',
    area: 'rural',
    district: 'sayapullo',
    network: 'sayapullo',
    lat: -7.3468,
    lon: -78.7012,
    students: 48,
    enrollment: { code: 'SPI', cohort: -2 },
    posts: [p(3), p(4), p(5)],
  },
  {
    codigo: '0545020',
    codlocal: '470125',
    name: 'IE N° 2108 Cuna Jardín Las Delicias',
    level: 'A3',
    characteristic: 'polidocente_completo',
    area: 'rural',
    district: 'sayapullo',
    network: 'sayapullo',
    lat: -7.3321,
    lon: -78.7245,
    students: 61,
    enrollment: { code: 'SPI', cohort: -2 },
    posts: [p(3), p(4), p(5), p(5)],
  },
  {
    codigo: '0545037',
    codlocal: '470132',
    name: 'IE N° 1768 Inicial Cayanchal',
    level: 'A2',
    characteristic: 'polidocente_multigrado',
    area: 'rural',
    district: 'sayapullo',
    network: 'sayapullo',
    lat: -7.3657,
    lon: -78.6831,
    students: 27,
    enrollment: { code: 'SPI', cohort: -2 },
    posts: [p(3, 4), p(5)],
  },
  {
    codigo: '0545044',
    codlocal: '470156',
    name: 'IE N° 80520 Sayapullo',
    level: 'B0',
    characteristic: 'polidocente_multigrado',
    area: 'rural',
    district: 'sayapullo',
    network: 'sayapullo',
    lat: -7.3475,
    lon: -78.7031,
    students: 118,
    enrollment: { code: 'SPI', cohort: -2 },
    posts: [p(1), p(2), p(3, 4), p(5), p(6)],
  },
  {
    // Shares its local with the inicial of Cayanchal (same CODLOCAL, two services).
    codigo: '0545051',
    codlocal: '470132',
    name: 'IE N° 80524 Cayanchal',
    level: 'B0',
    characteristic: 'polidocente_multigrado',
    area: 'rural',
    district: 'sayapullo',
    network: 'sayapullo',
    lat: -7.3659,
    lon: -78.6828,
    students: 79,
    enrollment: { code: 'SPI', cohort: -2 },
    posts: [p(1, 2), p(3, 4), p(5), p(6)],
  },
  {
    codigo: '0545068',
    codlocal: '470163',
    name: 'IE N° 80531 Huacamarcanga',
    level: 'B0',
    characteristic: 'polidocente_multigrado',
    area: 'rural',
    district: 'sayapullo',
    network: 'sayapullo',
    lat: -7.3102,
    lon: -78.7563,
    students: 74,
    enrollment: { code: 'SPI', cohort: -2 },
    posts: [p(1, 2), p(3), p(4), p(5, 6)],
  },
  // SPSR: rural secundaria, AP de comunicación and AP de matemática.
  {
    codigo: '0531485',
    codlocal: '456258',
    name: 'IE José Carlos Mariátegui',
    level: 'F0',
    characteristic: 'polidocente_completo',
    area: 'rural',
    district: 'lucma',
    lat: -7.5523,
    lon: -78.645,
    students: 164,
    enrollment: { code: 'SPSR', cohort: -2 },
    posts: ruralSecundaria(true),
  },
  {
    codigo: '0538969',
    codlocal: '461541',
    name: 'IE Virgen del Carmen',
    level: 'F0',
    characteristic: 'polidocente_completo',
    area: 'rural',
    district: 'marmot',
    lat: -7.4089,
    lon: -78.6601,
    students: 141,
    enrollment: { code: 'SPSR', cohort: -1 },
    posts: ruralSecundaria(true),
  },
  {
    codigo: '0545075',
    codlocal: '470170',
    name: 'IE San Juan Bautista',
    level: 'F0',
    characteristic: 'polidocente_completo',
    area: 'rural',
    district: 'sayapullo',
    lat: -7.3512,
    lon: -78.7088,
    students: 132,
    enrollment: { code: 'SPSR', cohort: -1 },
    posts: ruralSecundaria(false),
  },
];

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
