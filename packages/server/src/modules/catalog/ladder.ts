import type { Actor, Intervention, StageLadder } from '@acompana/core';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { authorizeEdit, interventionOr404, listInterventions } from './targets.ts';

// PUT /interventions/{code}/stage-ladder: equipo MINEDU configures the progress-stage ladder
// of an intervention (null goes back to the default). The body was checked by core's
// stageLadderSchema; the change is audited like the targets.

export async function putStageLadder(
  db: Kysely<DB>,
  actor: Actor,
  code: string,
  ladder: StageLadder | null,
): Promise<Intervention> {
  authorizeEdit(actor);
  await interventionOr404(db, code);
  await db.transaction().execute(async (tx) => {
    await tx
      .updateTable('intervention')
      .set({ stage_ladder: ladder === null ? null : JSON.stringify(ladder) })
      .where('code', '=', code)
      .execute();
    await tx
      .insertInto('audit_event')
      .values({
        actor_id: actor.personId,
        action: 'update',
        resource_kind: 'catalog',
        resource_id: `stage_ladder:${code}`,
        detail: JSON.stringify({ stages: ladder?.stages.map((s) => s.code) ?? 'default' }),
      })
      .execute();
  });
  const updated = (await listInterventions(db, actor)).find((i) => i.code === code);
  if (!updated) throw new Error(`intervention ${code} vanished`);
  return updated;
}
