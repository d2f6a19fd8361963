import { type RawBuilder, sql } from 'kysely';

// SQL building blocks of the synthetic national set (synthetic.ts): a deterministic
// pseudo-random number and UUID per (seed, key), so the same seed gives the same rows on
// PostgreSQL and PGlite, without a random() call or a row-by-row loop anywhere.

export interface SynthParams {
  seed: number;
  teachers: number;
  /** School years loaded, oldest first; the last is the current one. */
  years: number[];
  /** Lima's today: visits after it are still planned, none is done in the future. */
  today: string;
}

/** A number in [0, 1) fixed by the seed and the key (a text SQL expression). */
export function rnd(p: SynthParams, key: RawBuilder<unknown>): RawBuilder<number> {
  return sql<number>`((hashtextextended(${key}, ${sql.lit(p.seed)}) & 2147483647)::float8 / 2147483648.0)`;
}

/** An integer in [0, n) fixed by the seed and the key. */
export function pick(p: SynthParams, key: RawBuilder<unknown>, n: number): RawBuilder<number> {
  return sql<number>`floor(${rnd(p, key)} * ${sql.lit(n)})::int`;
}

/** A UUID (version 4 layout, RFC variant: what zod's z.uuid() accepts) fixed by seed and key. */
export function uid(p: SynthParams, key: RawBuilder<unknown>): RawBuilder<string> {
  return sql<string>`overlay(overlay(md5(${sql.lit(`${p.seed}:`)} || ${key}) placing '4' from 13) placing '8' from 17)::uuid`;
}

/** core's attendanceIdOf(activity, teacher) in SQL: the bytes XORed, version 8, RFC variant. */
export function attendanceIdSql(
  activity: RawBuilder<unknown>,
  teacher: RawBuilder<unknown>,
): RawBuilder<string> {
  const half = (col: RawBuilder<unknown>, from: number) =>
    sql`('x' || substr(replace(${col}::text, '-', ''), ${sql.lit(from)}, 16))::bit(64)::bigint`;
  const hex = sql`(lpad(to_hex(${half(activity, 1)} # ${half(teacher, 1)}), 16, '0')
      || lpad(to_hex(${half(activity, 17)} # ${half(teacher, 17)}), 16, '0'))`;
  return sql<string>`(SELECT (substr(h, 1, 12) || '8' || substr(h, 14, 3)
      || lpad(to_hex((('x' || substr(h, 17, 2))::bit(8)::int & 63) | 128), 2, '0')
      || substr(h, 19))::uuid FROM (SELECT ${hex} AS h) x)`;
}

/** The 26 regions (DRE/GRE) with weights for urban and rural schools and their UGEL count
 *  at national scale (220 in all). Weights follow the rough size of each region's teaching
 *  force; rural weights favour the highlands and the Amazon. */
export const REGIONS: [code: string, name: string, urban: number, rural: number, ugels: number][] =
  [
    ['01', 'Amazonas', 1, 4, 7],
    ['02', 'Áncash', 3, 5, 20],
    ['03', 'Apurímac', 1, 4, 8],
    ['04', 'Arequipa', 5, 2, 10],
    ['05', 'Ayacucho', 2, 5, 11],
    ['06', 'Cajamarca', 3, 9, 13],
    ['07', 'Callao', 4, 0.1, 2],
    ['08', 'Cusco', 4, 7, 14],
    ['09', 'Huancavelica', 1, 5, 7],
    ['10', 'Huánuco', 2, 5, 11],
    ['11', 'Ica', 3, 1, 5],
    ['12', 'Junín', 4, 5, 11],
    ['13', 'La Libertad', 6, 4, 13],
    ['14', 'Lambayeque', 4, 2, 3],
    ['15', 'Lima Metropolitana', 22, 0.2, 7],
    ['16', 'Lima Provincias', 3, 2, 9],
    ['17', 'Loreto', 3, 6, 9],
    ['18', 'Madre de Dios', 1, 1, 3],
    ['19', 'Moquegua', 1, 0.5, 3],
    ['20', 'Pasco', 1, 2, 3],
    ['21', 'Piura', 6, 6, 10],
    ['22', 'Puno', 4, 8, 14],
    ['23', 'San Martín', 3, 4, 10],
    ['24', 'Tacna', 1, 0.5, 4],
    ['25', 'Tumbes', 1, 0.3, 3],
    ['26', 'Ucayali', 2, 3, 4],
  ];

/** Share of teachers per intervention and the school sizes (teachers per school) it has. */
export const INTERVENTIONS: [
  code: string,
  share: number,
  minSize: number,
  maxSize: number,
  rural: boolean,
  /** Teachers per coach: caseloads are cut in chunks of this size within a UGEL. */
  caseload: number,
][] = [
  ['SP_URBANO', 0.4, 6, 18, false, 12],
  ['MULTIGRADO', 0.2, 1, 6, true, 10],
  ['SPI', 0.1, 1, 6, true, 12],
  ['SPSR', 0.1, 5, 11, true, 11],
  ['JEC', 0.2, 14, 26, false, 13],
];

export const GIVEN_NAMES = [
  'María',
  'Rosa',
  'Juana',
  'Carmen',
  'Ana',
  'Luz',
  'Elena',
  'Julia',
  'Gladys',
  'Nélida',
  'Yolanda',
  'Isabel',
  'Sonia',
  'Flor',
  'Norma',
  'José',
  'Juan',
  'Luis',
  'Carlos',
  'Jorge',
  'Víctor',
  'César',
  'Miguel',
  'Édgar',
  'Walter',
  'Raúl',
  'Alberto',
  'Hugo',
  'Wilber',
  'Teodoro',
];

export const SURNAMES = [
  'Quispe',
  'Flores',
  'Sánchez',
  'Rodríguez',
  'García',
  'Mamani',
  'Huamán',
  'Chávez',
  'Ramos',
  'Rojas',
  'Torres',
  'Díaz',
  'Vargas',
  'Mendoza',
  'Castillo',
  'Espinoza',
  'Condori',
  'Ccama',
  'Vásquez',
  'Gutiérrez',
  'Cruz',
  'Pérez',
  'Ticona',
  'Apaza',
  'Huanca',
  'Salazar',
  'Cárdenas',
  'Palomino',
  'Villanueva',
  'Yupanqui',
];

/** A text[] literal of a list, for `(${textArray(list)})[i]` picks. */
export function textArray(list: readonly string[]): RawBuilder<string[]> {
  return sql<string[]>`ARRAY[${sql.join(list.map((s) => sql.lit(s)))}]::text[]`;
}
