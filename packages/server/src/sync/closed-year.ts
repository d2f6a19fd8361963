import { AppError, addDays, limaToday, schoolYearOf } from '@acompana/core';

// A school year closes for field records (issue 14 item 6): once the next year has run for the
// grace period (app_setting 'closed_year_grace_days', default 60), the sync write check — the
// one place field records are written — refuses every write to a record anchored in a closed
// year with SYNC_YEAR_CLOSED. Nothing is lost: the records stay readable, and the refused
// change stays on the device with its reason.

export const DEFAULT_GRACE_DAYS = 60;

export function graceDaysOf(setting: unknown): number {
  const n = typeof setting === 'number' ? setting : Number(setting);
  return Number.isInteger(n) && n >= 0 && n <= 366 ? n : DEFAULT_GRACE_DAYS;
}

/** The oldest school year whose field records may still be written, on `today` (Lima). */
export function oldestWritableYear(graceDays: number, today = limaToday()): number {
  const year = schoolYearOf(today);
  return today > addDays(`${year}-01-01`, graceDays - 1) ? year : year - 1;
}

export function yearClosed(schoolYear: number, oldestWritable: number): AppError | null {
  if (schoolYear >= oldestWritable) return null;
  return new AppError(
    'SYNC_YEAR_CLOSED',
    `El año escolar ${schoolYear} ya está cerrado: sus registros de campo solo se pueden consultar. El cambio queda en tu dispositivo; avisa a tu especialista de UGEL.`,
    { schoolYear },
  );
}
