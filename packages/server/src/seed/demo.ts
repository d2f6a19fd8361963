import type { Kysely } from 'kysely';
import { hashPassword } from '../auth/passwords.ts';
import type { DB } from '../db/schema.ts';
import { currentSchoolYear } from '../modules/rosters/queries.ts';

// Demo data: a small, believable corner of UGEL Gran Chimú (La Libertad). Names, DNIs and
// códigos modulares are synthetic. Every demo account's password is "acompana".

export const DEMO_PASSWORD = 'acompana';

export const DEMO_ACCOUNTS = [
  { dni: '10000001', role: 'minedu', label: 'Equipo MINEDU' },
  { dni: '50000001', role: 'especialista', label: 'Especialista UGEL' },
  { dni: '60000001', role: 'formador', label: 'Formador' },
  { dni: '20000001', role: 'acompanante', label: 'Acompañante pedagógico' },
  { dni: '40000001', role: 'director', label: 'Director(a)' },
  { dni: '30000001', role: 'docente', label: 'Docente' },
] as const;

interface PersonSeed {
  dni: string;
  given: string;
  paternal: string;
  maternal: string;
}

const STAFF: PersonSeed[] = [
  { dni: '10000001', given: 'Rosa Elena', paternal: 'Quispe', maternal: 'Huamán' },
  { dni: '50000001', given: 'Jorge Luis', paternal: 'Alvarado', maternal: 'Rengifo' },
  { dni: '60000001', given: 'Carmen Julia', paternal: 'Vásquez', maternal: 'Salazar' },
  { dni: '20000001', given: 'Miguel Ángel', paternal: 'Rodríguez', maternal: 'Cruz' },
  { dni: '40000001', given: 'Luz Marina', paternal: 'Castillo', maternal: 'Paredes' },
];

// Teachers of the demo schools; the first is the demo docente. School index into SCHOOLS.
const TEACHERS: (PersonSeed & { school: number; coached: boolean })[] = [
  {
    dni: '30000001',
    given: 'Ana María',
    paternal: 'Gutiérrez',
    maternal: 'Lozano',
    school: 0,
    coached: true,
  },
  {
    dni: '30000002',
    given: 'Pedro Pablo',
    paternal: 'Chávez',
    maternal: 'Mendoza',
    school: 0,
    coached: true,
  },
  {
    dni: '30000003',
    given: 'Gladys',
    paternal: 'Reyes',
    maternal: 'Sánchez',
    school: 0,
    coached: true,
  },
  {
    dni: '30000004',
    given: 'Wilmer',
    paternal: 'Benites',
    maternal: 'Ávila',
    school: 1,
    coached: true,
  },
  {
    dni: '30000005',
    given: 'Yolanda',
    paternal: 'Cabrera',
    maternal: 'Rojas',
    school: 1,
    coached: true,
  },
  {
    dni: '30000006',
    given: 'Segundo',
    paternal: 'Polo',
    maternal: 'Gamboa',
    school: 2,
    coached: true,
  },
  {
    dni: '30000007',
    given: 'Milagros',
    paternal: 'Ruiz',
    maternal: 'Florián',
    school: 2,
    coached: false,
  },
  {
    dni: '30000008',
    given: 'Héctor',
    paternal: 'Zavaleta',
    maternal: 'León',
    school: 0,
    coached: false,
  },
];

const SCHOOLS = [
  { codigo: '0512301', name: 'IE N° 80412 Cascas', level: 'B0', inNetwork: false },
  { codigo: '0512302', name: 'IE N° 80437 Lucma', level: 'B0', inNetwork: true },
  { codigo: '0512303', name: 'IE N° 81720 Marmot', level: 'B0', inNetwork: true },
];

export async function hasDemoData(db: Kysely<DB>): Promise<boolean> {
  const row = await db
    .selectFrom('person')
    .select('id')
    .where('dni', '=', '10000001')
    .executeTakeFirst();
  return row !== undefined;
}

export async function isEmpty(db: Kysely<DB>): Promise<boolean> {
  const row = await db.selectFrom('person').select('id').limit(1).executeTakeFirst();
  return row === undefined;
}

export async function seedDemo(db: Kysely<DB>): Promise<void> {
  const year = currentSchoolYear();
  // Assignments start last year so the demo works on any date, including January.
  const from = `${year - 1}-01-01`;
  // Hash outside the transaction: argon2 is deliberately slow and PGlite has one connection.
  const hashes = await Promise.all(DEMO_ACCOUNTS.map(() => hashPassword(DEMO_PASSWORD)));

  await db.transaction().execute(async (tx) => {
    const region = await tx
      .insertInto('region')
      .values({ code: '13', name: 'La Libertad' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const ugel = await tx
      .insertInto('ugel')
      .values({ region_id: region.id, code: '130012', name: 'UGEL Gran Chimú' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const network = await tx
      .insertInto('network')
      .values({
        region_id: region.id,
        ugel_id: ugel.id,
        code: 'RER-GC-01',
        name: 'RER Lucma–Marmot',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const schools = await tx
      .insertInto('school')
      .values(
        SCHOOLS.map((s) => ({
          region_id: region.id,
          ugel_id: ugel.id,
          network_id: s.inNetwork ? network.id : null,
          codigo_modular: s.codigo,
          name: s.name,
          level: s.level,
        })),
      )
      .returning(['id', 'codigo_modular'])
      .execute();
    const schoolId = (i: number) => {
      const s = schools.find((row) => row.codigo_modular === SCHOOLS[i]?.codigo);
      if (!s) throw new Error(`demo school ${i} missing`);
      return s.id;
    };

    const people = await tx
      .insertInto('person')
      .values(
        [...STAFF, ...TEACHERS].map((p) => ({
          dni: p.dni,
          given_names: p.given,
          paternal_surname: p.paternal,
          maternal_surname: p.maternal,
        })),
      )
      .returning(['id', 'dni'])
      .execute();
    const id = (dni: string) => {
      const p = people.find((row) => row.dni === dni);
      if (!p) throw new Error(`demo person ${dni} missing`);
      return p.id;
    };

    await tx
      .insertInto('user_account')
      .values(
        DEMO_ACCOUNTS.map((a, i) => ({ person_id: id(a.dni), password_hash: hashes[i] as string })),
      )
      .execute();

    await tx
      .insertInto('role_assignment')
      .values([
        {
          person_id: id('10000001'),
          role: 'minedu',
          scope_level: 'national',
          scope_id: null,
          valid_from: from,
        },
        {
          person_id: id('50000001'),
          role: 'especialista',
          scope_level: 'ugel',
          scope_id: ugel.id,
          valid_from: from,
        },
        {
          person_id: id('60000001'),
          role: 'formador',
          scope_level: 'region',
          scope_id: region.id,
          valid_from: from,
        },
        {
          person_id: id('20000001'),
          role: 'acompanante',
          scope_level: 'ugel',
          scope_id: ugel.id,
          valid_from: from,
        },
        {
          person_id: id('40000001'),
          role: 'director',
          scope_level: 'school',
          scope_id: schoolId(0),
          valid_from: from,
        },
        {
          person_id: id('30000001'),
          role: 'docente',
          scope_level: 'school',
          scope_id: schoolId(0),
          valid_from: from,
        },
      ])
      .execute();

    await tx
      .insertInto('teacher_post')
      .values(
        TEACHERS.map((t) => ({
          person_id: id(t.dni),
          school_id: schoolId(t.school),
          region_id: region.id,
          ugel_id: ugel.id,
          school_year: year,
        })),
      )
      .execute();

    await tx
      .insertInto('caseload')
      .values(
        TEACHERS.filter((t) => t.coached).map((t) => ({
          coach_id: id('20000001'),
          teacher_id: id(t.dni),
          intervention_code: 'MULTIGRADO',
          region_id: region.id,
          ugel_id: ugel.id,
          valid_from: from,
        })),
      )
      .execute();

    await tx
      .insertInto('coach_training')
      .values({ formador_id: id('60000001'), coach_id: id('20000001'), valid_from: from })
      .execute();
  });
}
