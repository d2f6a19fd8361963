// Roles and the territorial scopes a role assignment can carry (docs/DOMAIN.md §5,
// docs/PRIVACY.md).

export const ROLES = [
  'docente',
  'acompanante',
  'formador',
  'director',
  'especialista',
  'minedu',
] as const;
export type Role = (typeof ROLES)[number];

export const SCOPE_LEVELS = ['national', 'region', 'ugel', 'network', 'school'] as const;
export type ScopeLevel = (typeof SCOPE_LEVELS)[number];

export interface Scope {
  level: ScopeLevel;
  /** Null only for the national scope. */
  id: string | null;
}

export interface RoleGrant {
  role: Role;
  scope: Scope;
}

/** Where a resource lives in the territory; every large table carries these ids. */
export interface Place {
  schoolId?: string | null;
  networkId?: string | null;
  ugelId?: string | null;
  regionId?: string | null;
}

export function scopeContains(scope: Scope, place: Place | undefined): boolean {
  if (scope.level === 'national') return true;
  if (!place || scope.id === null) return false;
  switch (scope.level) {
    case 'region':
      return place.regionId === scope.id;
    case 'ugel':
      return place.ugelId === scope.id;
    case 'network':
      return place.networkId === scope.id;
    case 'school':
      return place.schoolId === scope.id;
  }
}
