// Calendar time of Acompaña. Schools, visits, targets and reports live on Peru's calendar,
// whatever the time zone of the device or the server (servers usually run in UTC, phones may
// be set to anything): "today", the month of a visit, the school year and every date or time
// shown to a person are those of America/Lima. Intl does the time-zone work; nothing here adds
// or subtracts hours by hand. Calendar dates travel as 'YYYY-MM-DD' strings.

export const SCHOOL_TIME_ZONE = 'America/Lima';

const LOCALE = 'es-PE';

// en-CA formats a date as YYYY-MM-DD; the parts are read by type, never by position.
const limaParts = new Intl.DateTimeFormat('en-CA', {
  timeZone: SCHOOL_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

function toDate(at: Date | string | number): Date {
  return at instanceof Date ? at : new Date(at);
}

/** The Lima calendar date of an instant, as YYYY-MM-DD (an instant: a Date or ISO timestamp). */
export function limaDateOf(at: Date | string | number): string {
  const date = toDate(at);
  const ms = date.getTime();
  if (Number.isNaN(ms)) throw new RangeError(`Not an instant: ${String(at)}`);
  // The server asks for today's date several times per request (the school year of a session,
  // a scope, each write): formatToParts was ~2.5 % of its CPU under sync load. Time-zone
  // offsets since 2000 are whole minutes, so one minute of UTC is one Lima date.
  const minute = Math.floor(ms / 60_000);
  if (minute === lastDate.minute) return lastDate.date;
  const parts = Object.fromEntries(limaParts.formatToParts(date).map((p) => [p.type, p.value]));
  const result = `${parts.year}-${parts.month}-${parts.day}`;
  if (ms >= SINCE_2000_MS) lastDate = { minute, date: result };
  return result;
}

const SINCE_2000_MS = Date.UTC(2000, 0, 1);
let lastDate = { minute: Number.NaN, date: '' };

const limaClock = new Intl.DateTimeFormat('en-CA', {
  timeZone: SCHOOL_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** The instant at which Lima's clocks show `time` (HH:MM) on `date`, as ISO UTC. Intl tells
 *  how far Lima's wall clock is from UTC at that moment; no offset is written here. */
export function limaInstant(date: string, time: string): string {
  const guess = Date.parse(`${date}T${time}:00Z`);
  if (Number.isNaN(guess)) throw new RangeError(`Not a date and time: ${date} ${time}`);
  const p = Object.fromEntries(limaClock.formatToParts(guess).map((x) => [x.type, x.value]));
  const wall = Date.parse(`${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}Z`);
  return new Date(guess - (wall - guess)).toISOString();
}

/** Today in Lima (the school day), as YYYY-MM-DD. */
export function limaToday(now: Date = new Date()): string {
  return limaDateOf(now);
}

/** The month of a calendar date (or of today in Lima), as YYYY-MM: visits count in it. */
export function limaMonth(dateOrNow: string | Date = new Date()): string {
  return (typeof dateOrNow === 'string' ? dateOrNow : limaToday(dateOrNow)).slice(0, 7);
}

/** Peru's school year is the calendar year of the date, in Lima. */
export function schoolYearOf(date: string): number {
  return Number(date.slice(0, 4));
}

/** The school year running now (Lima time). */
export function currentSchoolYear(now: Date = new Date()): number {
  return schoolYearOf(limaToday(now));
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date written YYYY-MM-DD (2025-02-30 is not one). */
export function isCalendarDate(date: string): boolean {
  const m = DATE_RE.exec(date);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === date;
}

/** Calendar arithmetic on a YYYY-MM-DD date (no time zone involved: a date has none). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Day of the week of a YYYY-MM-DD date: 0 Sunday … 6 Saturday. */
export function dayOfWeek(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

/** Whole days from `from` to `to` (both YYYY-MM-DD); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

// A calendar date is shown as written (it has no time zone); an instant is shown in Lima.
const dateFormat = new Intl.DateTimeFormat(LOCALE, {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});
const instantDateFormat = new Intl.DateTimeFormat(LOCALE, {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: SCHOOL_TIME_ZONE,
});
const timeFormat = new Intl.DateTimeFormat(LOCALE, {
  hour: '2-digit',
  minute: '2-digit',
  timeZone: SCHOOL_TIME_ZONE,
});
const dateTimeFormat = new Intl.DateTimeFormat(LOCALE, {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: SCHOOL_TIME_ZONE,
});

/** "2025-08-01" → "1 de agosto de 2025" (anything else is returned as it came). */
export function formatCalendarDate(date: string): string {
  return isCalendarDate(date) ? dateFormat.format(new Date(`${date}T00:00:00Z`)) : date;
}

function formatInstant(format: Intl.DateTimeFormat, at: Date | string | number): string {
  const date = toDate(at);
  return Number.isNaN(date.getTime()) ? String(at) : format.format(date);
}

/** An instant as its Lima date: "2025-12-02T01:00:00Z" → "1 de diciembre de 2025". */
export function formatLimaDate(at: Date | string | number): string {
  return formatInstant(instantDateFormat, at);
}

/** An instant as its Lima time of day: "14:05". */
export function formatLimaTime(at: Date | string | number): string {
  return formatInstant(timeFormat, at);
}

/** An instant as Lima date and time: "1 dic 2025, 20:00". */
export function formatLimaDateTime(at: Date | string | number): string {
  return formatInstant(dateTimeFormat, at);
}
