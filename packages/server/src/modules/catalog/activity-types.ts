import { type Actor, AppError, activityTypeCodeOf, type OwnActivityType } from '@acompana/core';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { decideActivityTypeRead, decideActivityTypeWrite } from '../../policy/catalog.ts';

// An intervention's own activity types (issue 15, migration 0018): equipo MINEDU lists, adds,
// renames and deactivates them; they reach the devices with the interventions
// (GET /interventions). Never deleted: activities recorded with a type keep its name.

/** Own types of all interventions (or the given ones), by intervention code. */
export async function ownTypesByIntervention(
  db: Kysely<DB>,
  codes?: readonly string[],
): Promise<Map<string, OwnActivityType[]>> {
  let query = db
    .selectFrom('intervention_activity_type')
    .select(['intervention_code', 'code', 'name', 'active'])
    .orderBy('intervention_code')
    .orderBy('name');
  if (codes) {
    if (codes.length === 0) return new Map();
    query = query.where('intervention_code', 'in', [...codes]);
  }
  const out = new Map<string, OwnActivityType[]>();
  for (const r of await query.execute()) {
    const list = out.get(r.intervention_code) ?? [];
    list.push({ code: r.code, name: r.name, active: r.active });
    out.set(r.intervention_code, list);
  }
  return out;
}

async function interventionOrRefuse(db: Kysely<DB>, code: string): Promise<void> {
  const row = await db
    .selectFrom('intervention')
    .select('code')
    .where('code', '=', code)
    .executeTakeFirst();
  if (!row) throw new AppError('INTERVENTION_NOT_FOUND', `No existe la intervención ${code}.`);
}

export async function listActivityTypes(
  db: Kysely<DB>,
  actor: Actor,
  code: string,
): Promise<OwnActivityType[]> {
  decideActivityTypeRead(actor);
  await interventionOrRefuse(db, code);
  return (await ownTypesByIntervention(db, [code])).get(code) ?? [];
}

function duplicate(code: string): AppError {
  return new AppError(
    'ACTIVITY_TYPE_DUPLICATE',
    `La intervención ${code} ya tiene un tipo de actividad con ese nombre o código.`,
  );
}

/** SQLSTATE 23505 on the key or the name index (both engines report the PostgreSQL code). */
const isUniqueViolation = (error: unknown) =>
  typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';

async function audit(db: Kysely<DB>, actor: Actor, id: string, detail: object): Promise<void> {
  await db
    .insertInto('audit_event')
    .values({
      actor_id: actor.personId,
      action: 'update',
      resource_kind: 'catalog',
      resource_id: `activity_type:${id}`,
      detail: JSON.stringify(detail),
    })
    .execute();
}

export async function createActivityType(
  db: Kysely<DB>,
  actor: Actor,
  code: string,
  body: { name: string; typeCode?: string | undefined },
): Promise<OwnActivityType> {
  decideActivityTypeWrite(actor);
  await interventionOrRefuse(db, code);
  const typeCode = body.typeCode ?? activityTypeCodeOf(body.name);
  const taken = await db
    .selectFrom('intervention_activity_type')
    .select('code')
    .where('intervention_code', '=', code)
    .where((eb) =>
      eb.or([
        eb('code', '=', typeCode),
        eb(eb.fn('lower', ['name']), '=', body.name.toLowerCase()),
      ]),
    )
    .executeTakeFirst();
  if (taken) throw duplicate(code);
  try {
    await db.transaction().execute(async (tx) => {
      await tx
        .insertInto('intervention_activity_type')
        .values({
          intervention_code: code,
          code: typeCode,
          name: body.name,
          created_by: actor.personId,
        })
        .execute();
      await audit(tx, actor, `${code}:${typeCode}`, { via: 'create', name: body.name });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicate(code);
    throw error;
  }
  return { code: typeCode, name: body.name, active: true };
}

/** Renames and/or (de)activates one own type; its code never changes (records hold it). */
export async function updateActivityType(
  db: Kysely<DB>,
  actor: Actor,
  code: string,
  typeCode: string,
  body: { name?: string | undefined; active?: boolean | undefined },
): Promise<OwnActivityType> {
  decideActivityTypeWrite(actor);
  await interventionOrRefuse(db, code);
  if (body.name !== undefined) {
    const name = body.name;
    const clash = await db
      .selectFrom('intervention_activity_type')
      .select('code')
      .where('intervention_code', '=', code)
      .where('code', '<>', typeCode)
      .where((eb) => eb(eb.fn('lower', ['name']), '=', name.toLowerCase()))
      .executeTakeFirst();
    if (clash) throw duplicate(code);
  }
  try {
    const row = await db.transaction().execute(async (tx) => {
      const updated = await tx
        .updateTable('intervention_activity_type')
        .set({
          ...(body.name !== undefined ? { name: body.name } : {}),
          ...(body.active !== undefined ? { active: body.active } : {}),
          updated_at: new Date(),
        })
        .where('intervention_code', '=', code)
        .where('code', '=', typeCode)
        .returning(['code', 'name', 'active'])
        .executeTakeFirst();
      if (updated) await audit(tx, actor, `${code}:${typeCode}`, { via: 'update', ...body });
      return updated;
    });
    if (!row) {
      throw new AppError('NOT_FOUND', `La intervención ${code} no tiene el tipo «${typeCode}».`);
    }
    return row;
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicate(code);
    throw error;
  }
}
