import { type Actor, AppError, decide } from '@acompana/core';

// Who may read and configure an intervention's own activity types (docs/ACTIVITIES.md,
// "Types"). They are catalogue data (policy kind `catalog`): every role that reads the
// catalogue reads them (a coach's device needs them to offer and check the types offline);
// only equipo MINEDU writes them — any other writer gets its own stable code.

export function decideActivityTypeRead(actor: Actor): void {
  if (!decide(actor, 'read', { kind: 'catalog' }).allow) throw new AppError('FORBIDDEN');
}

export function decideActivityTypeWrite(actor: Actor): void {
  if (!decide(actor, 'update', { kind: 'catalog' }).allow) {
    throw new AppError('ACTIVITY_TYPE_WRITE_FORBIDDEN');
  }
}
