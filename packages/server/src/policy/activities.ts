import { type Actor, AppError, decide, type Place, reachOf } from '@acompana/core';

// Who may print a collective activity's acta (GET /activities/{id}/acta.pdf, docs/ACTIVITIES.md
// "Acta"). The acta carries the agreements and every invitee's marks, so it takes the whole
// activity record (`activity_record` read) as its organisers hold it: the facts handed to the
// policy are the organisers alone. An invited teacher and an invitee's coach read the record
// too, but only their own attendance (or their caseload's): the acta would show them the other
// teachers' marks. A UGEL specialist organising a UGEL-wide taller gets it too, at a venue
// (`place`) inside their UGEL. A role that never reads activity records answers 403; a role
// that could, but not this activity (or an id that does not exist), 404 — never revealing it.

export function decideActa(
  actor: Actor,
  organiserIds: readonly string[] | null,
  place?: Place,
): void {
  if (reachOf(actor, 'activity_record', 'read').length === 0) throw new AppError('FORBIDDEN');
  const allowed =
    organiserIds !== null &&
    decide(actor, 'read', { kind: 'activity_record', coachIds: organiserIds, place }).allow;
  if (!allowed) throw new AppError('NOT_FOUND');
}
