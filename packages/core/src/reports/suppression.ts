// Small-cell suppression of the monitoring reports (docs/REPORTS.md, "Privacy"), pure: no
// figure may describe fewer than MIN_TEACHERS teachers, directly or as a difference.

export const MIN_TEACHERS = 5;

/** A count that describes 1–4 teachers: too few to publish. */
export const isSmall = (n: number) => n > 0 && n < MIN_TEACHERS;

export interface Cell {
  id: string;
  /** The teachers the cell's figures describe, one count per population the figures use
   *  (e.g. teachers in the month, teachers up to the month). */
  counts: readonly number[];
  /** The same counts for the same cell with some of the request's filters lifted (area, level,
   *  characteristic, intervention): "lifted minus filtered" must not describe 1–4 teachers. */
  relaxed?: readonly (readonly number[])[];
}

/** Primary suppression of one cell: it describes 1–4 teachers, or differs by 1–4 from itself
 *  with a filter lifted. */
export function isPrimarySuppressed(cell: Cell): boolean {
  if (cell.counts.some(isSmall)) return true;
  return (cell.relaxed ?? []).some((r) => r.some((n, i) => isSmall(n - (cell.counts[i] ?? 0))));
}

export interface Suppression {
  /** Ids of the rows whose numbers are withheld. */
  rows: Set<string>;
  total: boolean;
}

/**
 * Suppression for one answer: the rows (siblings under one parent) and their parent total.
 * Primary: each cell on its own. Complementary: while the published total minus the published
 * rows would reveal the suppressed rows' sum and that sum describes 1–4 teachers (or a single
 * row is suppressed), the smallest published row is suppressed too.
 */
export function suppress(rows: readonly Cell[], total: Cell): Suppression {
  const hidden = new Set(rows.filter(isPrimarySuppressed).map((r) => r.id));
  const totalHidden = isPrimarySuppressed(total);
  if (totalHidden) return { rows: hidden, total: true };
  const width = total.counts.length;
  const recoverable = () => {
    if (hidden.size === 0) return false;
    if (hidden.size === 1) return true;
    for (let i = 0; i < width; i++) {
      let sum = 0;
      for (const r of rows) if (hidden.has(r.id)) sum += r.counts[i] ?? 0;
      if (isSmall(sum)) return true;
    }
    return false;
  };
  while (recoverable()) {
    const open = rows
      .filter((r) => !hidden.has(r.id) && (r.counts[0] ?? 0) > 0)
      .sort((a, b) => (a.counts[0] ?? 0) - (b.counts[0] ?? 0) || a.id.localeCompare(b.id));
    const next = open[0];
    if (!next) break;
    hidden.add(next.id);
  }
  // Nothing left to hide among the rows, yet still recoverable: hide the total.
  return { rows: hidden, total: recoverable() };
}
