import type { AccountView, Actor } from '@acompana/core';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { authorize } from './admin.ts';
import { liveCodeExpiry } from './codes.ts';

// A person's account as their supervisors see it: status, roles, whether a code is waiting
// (its expiry, never the code) and the audited history of changes to the account — readable
// by the especialista of their UGEL and by equipo MINEDU (`account_admin` read).

const HISTORY_LIMIT = 50;

export async function accountView(
  db: Kysely<DB>,
  actor: Actor,
  personId: string,
): Promise<AccountView> {
  const target = await authorize(db, actor, personId, 'account_admin', 'read');
  const [expiry, history] = await Promise.all([
    liveCodeExpiry(db, personId),
    db
      .selectFrom('audit_event as e')
      .leftJoin('person as a', 'a.id', 'e.actor_id')
      .select(['e.at', 'e.action', 'e.detail', 'a.given_names', 'a.paternal_surname'])
      .where('e.resource_kind', '=', 'account')
      .where('e.resource_id', '=', personId)
      .orderBy('e.at', 'desc')
      .orderBy('e.id', 'desc')
      .limit(HISTORY_LIMIT)
      .execute(),
  ]);
  return {
    personId: target.id,
    dni: target.dni,
    displayName: `${target.givenNames} ${target.paternalSurname}`,
    roles: target.roles,
    status: target.status ?? 'none',
    codeExpiresAt: target.status === 'pending' && expiry ? expiry.toISOString() : null,
    history: history.map((h) => ({
      at: new Date(h.at).toISOString(),
      action: h.action,
      actorName: h.given_names ? `${h.given_names} ${h.paternal_surname}` : null,
      detail: (typeof h.detail === 'string' ? JSON.parse(h.detail) : (h.detail ?? {})) as Record<
        string,
        unknown
      >,
    })),
  };
}
