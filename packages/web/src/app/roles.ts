import type { Me, Role } from '@acompana/core';

// Which home a person lands on, and what their navigation offers. The server still decides
// every read; these helpers only shape the UI from `Me.roles` and `Me.abilities`.

/** When a person holds several roles, the home of the first one in this order is shown. */
export const ROLE_PRIORITY: readonly Role[] = [
  'acompanante',
  'docente',
  'director',
  'formador',
  'especialista',
  'minedu',
];

export function rolesOf(me: Me): Role[] {
  const held = new Set(me.roles.map((grant) => grant.role));
  return ROLE_PRIORITY.filter((role) => held.has(role));
}

export function primaryRole(me: Me): Role | null {
  return rolesOf(me)[0] ?? null;
}

export function isRole(value: string | undefined): value is Role {
  return ROLE_PRIORITY.some((role) => role === value);
}

/** Names of the territories where the person holds `role`, e.g. "UGEL Gran Chimú". */
export function scopeNameOf(me: Me, role: Role): string {
  const names = me.roles.filter((grant) => grant.role === role).map((grant) => grant.scope.name);
  return [...new Set(names)].join(', ');
}

export function can(me: Me, ability: string): boolean {
  return me.abilities.includes(ability);
}
