import { AppError } from '@acompana/core';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

// The one place a new person row is written by a registration (web, import of coaches, the
// command line). Callers look the DNI up first and answer DNI_TAKEN themselves; two
// registrations of the same new DNI at the same instant both pass that look-up, and the
// database's unique constraint stops the second: that is turned into the same 409 here, on
// PGlite and PostgreSQL alike, instead of a 500. The caller's transaction is then rolled back
// as a whole (PostgreSQL aborts it anyway), so nothing is half-saved.

export interface NewPerson {
  dni: string;
  given_names: string;
  paternal_surname: string;
  maternal_surname: string | null;
}

/** SQLSTATE 23505 on `person.dni` (both engines report the PostgreSQL code and constraint). */
function isDniTaken(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, constraint } = error as { code?: unknown; constraint?: unknown };
  return code === '23505' && (constraint === undefined || constraint === 'person_dni_key');
}

export async function insertPerson(db: Kysely<DB>, values: NewPerson): Promise<string> {
  try {
    const row = await db
      .insertInto('person')
      .values(values)
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  } catch (error) {
    if (!isDniTaken(error)) throw error;
    throw new AppError(
      'DNI_TAKEN',
      `Se acaba de registrar a otra persona con el DNI ${values.dni}. Búscala en «Personas» antes de volver a intentarlo.`,
      { fields: [{ path: 'dni', message: 'Este DNI ya está registrado.' }] },
    );
  }
}
