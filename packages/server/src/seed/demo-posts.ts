// Building blocks of the demo schools' teaching posts (demo-schools-*.ts).
import type { PostSeed } from './demo-data.ts';

export const p = (...grades: number[]): PostSeed => ({ grades });
export const sec = (subject: string, ...grades: number[]): PostSeed => ({ grades, subject });
export const ALL_PRIMARIA = [1, 2, 3, 4, 5, 6];
export const ALL_SECUNDARIA = [1, 2, 3, 4, 5];

// A small rural secundaria: teachers complete their hours across areas.
export const ruralSecundaria = (withDpcc: boolean): PostSeed[] => [
  sec('Comunicación', 1, 2, 3),
  sec('Comunicación', 4, 5),
  sec('Ciencias Sociales', ...ALL_SECUNDARIA),
  ...(withDpcc ? [sec('Desarrollo Personal, Ciudadanía y Cívica', ...ALL_SECUNDARIA)] : []),
  sec('Matemática', 1, 2, 3),
  sec('Matemática', 4, 5),
  sec('Ciencia y Tecnología', ...ALL_SECUNDARIA),
  sec('Educación para el Trabajo', ...ALL_SECUNDARIA),
];

export const URBAN_SECUNDARIA: [string, number][] = [
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
export const GRADE_SPLIT: Record<number, number[][]> = {
  1: [ALL_SECUNDARIA],
  2: [
    [1, 2, 3],
    [4, 5],
  ],
  3: [[1, 2], [3, 4], [5]],
};

export const MG1 = '20000001'; // the demo acompañante
export const MG2 = '20000002'; // carries more than 15 teachers: a roster warning
export const SP = '20000003';
