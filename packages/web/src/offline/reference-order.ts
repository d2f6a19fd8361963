// Kept apart from reference.ts (which fetches) so screens can sort without loading it.

/** Reference teachers in the caseload's order: by surname, as the server sorted them. */
export function bySurname<T extends { data: Record<string, unknown> }>(items: T[]): T[] {
  const order = (item: T) => {
    const value = item.data.order;
    return typeof value === 'number' ? value : Number.MAX_SAFE_INTEGER;
  };
  return [...items].sort((a, b) => order(a) - order(b));
}
