import {
  type Actor,
  type CoachKey,
  type CoachRow,
  type ColumnMap,
  isAppError,
  rowValues,
  validateCoachRow,
} from '@acompana/core';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { registerCoach } from '../people/roles.ts';
import type { RawRow } from './table.ts';
import type { Tally } from './tally.ts';

// Coach rows → the same registration as «Registrar acompañante» in the web app (people/roles.ts:
// person by DNI or new, dated role «acompañante» in the UGEL, coach profile), row by row inside
// the import's one transaction. The same role with the same dates already there is
// "unchanged", so importing a file again changes nothing. `actor` null: the operator (CLI).

export class CoachImporter {
  private readonly seen = new Map<string, number>();
  private readonly ugels = new Map<string, string | null>();

  constructor(
    private readonly db: Kysely<DB>,
    private readonly actor: Actor | null,
    private readonly map: ColumnMap<CoachKey>,
    private readonly tally: Tally,
  ) {}

  async add(raw: RawRow): Promise<void> {
    this.tally.rows += 1;
    if (raw.problem) return this.tally.invalid(raw.line, [{ text: raw.problem }]);
    const label = this.map.label;
    const outcome = validateCoachRow(rowValues(this.map, raw.cells), label);
    if (outcome.status === 'invalid') return this.tally.invalid(raw.line, outcome.problems);
    if (outcome.status === 'skipped') return this.tally.skip(outcome.reason);
    const { row } = outcome;
    const first = this.seen.get(row.dni);
    if (first !== undefined) {
      return this.tally.invalid(raw.line, [
        {
          field: label.dni,
          text: `el DNI ${row.dni} ya aparece en la ${this.tally.where(first)}.`,
        },
      ]);
    }
    this.seen.set(row.dni, raw.line);
    const ugelId = await this.ugel(row.ugelCode);
    if (!ugelId) {
      return this.tally.invalid(raw.line, [
        {
          field: label.codooii,
          text: `la UGEL ${row.ugelCode} no está registrada en Acompaña; importa primero el padrón.`,
        },
      ]);
    }
    if (await this.same(row, ugelId)) {
      this.tally.unchanged += 1;
      return;
    }
    try {
      await registerCoach(this.db, this.actor, {
        dni: row.dni,
        givenNames: row.givenNames ?? undefined,
        paternalSurname: row.paternalSurname ?? undefined,
        maternalSurname: row.maternalSurname ?? undefined,
        interventionCode: row.interventionCode,
        ugelId,
        kind: row.kind ?? undefined,
        specialty: row.specialty ?? undefined,
        validFrom: row.validFrom,
        validTo: row.validTo ?? undefined,
      });
      this.tally.created += 1;
    } catch (error) {
      // The registration checks everything before it writes: a refusal leaves the
      // transaction usable, and the row is reported with the same Spanish message.
      if (!isAppError(error) || error.status >= 500) throw error;
      const fields = (error.details?.fields ?? []) as { path: string }[];
      const column = fields[0] ? this.columnOf(fields[0].path) : label.dni;
      this.tally.invalid(raw.line, [{ field: column, text: lowerFirst(error.message) }]);
    }
  }

  async finish(): Promise<void> {}

  private columnOf(path: string): string {
    const label = this.map.label;
    const keys: Record<string, CoachKey> = {
      givenNames: 'nombres',
      paternalSurname: 'apellido_paterno',
      interventionCode: 'intervencion',
      ugelId: 'codooii',
      validTo: 'fecha_fin',
      validFrom: 'fecha_inicio',
    };
    return label[keys[path] ?? 'dni'];
  }

  private async ugel(code: string): Promise<string | null> {
    if (!this.ugels.has(code)) {
      const row = await this.db
        .selectFrom('ugel')
        .select('id')
        .where('code', '=', code)
        .executeTakeFirst();
      this.ugels.set(code, row?.id ?? null);
    }
    return this.ugels.get(code) ?? null;
  }

  /** The person already holds exactly this role (same UGEL and dates). */
  private async same(row: CoachRow, ugelId: string): Promise<boolean> {
    const hit = await this.db
      .selectFrom('role_assignment as ra')
      .innerJoin('person as p', 'p.id', 'ra.person_id')
      .select('ra.id')
      .where('p.dni', '=', row.dni)
      .where('ra.role', '=', 'acompanante')
      .where('ra.scope_id', '=', ugelId)
      .where('ra.valid_from', '=', row.validFrom)
      .where((eb) =>
        row.validTo ? eb('ra.valid_to', '=', row.validTo) : eb('ra.valid_to', 'is', null),
      )
      .executeTakeFirst();
    return hit !== undefined;
  }
}

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);
