// Lifecycle of an instrument version: draft → published (immutable) → retired. A record names
// the exact version it was filled with, so a published definition must never change; new
// content always means a new version. The database enforces the same rule with a trigger.

export const VERSION_STATUSES = ['draft', 'published', 'retired'] as const;
export type VersionStatus = (typeof VERSION_STATUSES)[number];

const NEXT: Record<VersionStatus, readonly VersionStatus[]> = {
  draft: ['published'],
  published: ['retired'],
  retired: [],
};

export function canTransition(from: VersionStatus, to: VersionStatus): boolean {
  return NEXT[from].includes(to);
}

/** Only drafts may change their definition or be deleted. */
export function isEditable(status: VersionStatus): boolean {
  return status === 'draft';
}

/** New records may be filled only with a published version; retired ones stay readable. */
export function isFillable(status: VersionStatus): boolean {
  return status === 'published';
}
