import { formatCalendarDate, formatLimaDate, formatLimaTime } from '../time.ts';
import { ACTA_TEXTS, fillText } from './acta-texts.ts';
import { activityTypeName, FAMILY_COUNT_LABELS } from './labels.ts';
import type { ActivityRecord, AttendanceDay } from './records.ts';
import { activityDates } from './rules.ts';

// The "acta" of a collective activity (docs/ACTIVITIES.md, "Acta"): the paper record schools
// are used to — activity, date, place, agenda, agreements and the list of attendees with a
// blank column for signatures. ONE model and ONE layout for the device (offline, from its
// store) and the server (GET /activities/{id}/acta.pdf, from its records): each side gathers
// its records, `actaModelOf` words them and `layoutActa` draws them on a jsPDF document that
// the caller creates (core does not depend on jsPDF: ActaDoc is the part of it we use).

export interface ActaModel {
  title: string; // "GIA: Preguntas que promueven el razonamiento"
  type: string;
  intervention: string;
  school: string;
  place: string | null;
  dates: string[]; // AAAA-MM-DD, one per day
  time: string | null;
  organisers: string[];
  agenda: { moment: string; description: string }[];
  agreements: string[];
  /** Desempeños it works on, by name (a code the rubric does not name prints as is). */
  desempenos: string[];
  /** Topics drawn from the visits. */
  topics: string[];
  /** One row per invited teacher: name and the marks of each day, worded. */
  attendees: { name: string; marks: string[] }[];
  /** Counts only: never a family's personal data. */
  families: { label: string; count: number }[] | null;
  /** When it was printed, worded in Lima time («Generada el 3 de junio de 2026 a las 10:15…»). */
  generated: string;
}

/** What either side knows of one activity, before it is worded. */
export interface ActaSource {
  activity: Pick<
    ActivityRecord,
    | 'type'
    | 'theme'
    | 'interventionCode'
    | 'place'
    | 'startDate'
    | 'endDate'
    | 'startTime'
    | 'endTime'
    | 'agenda'
    | 'agreements'
    | 'desempenos'
    | 'topics'
    | 'inviteeIds'
    | 'familyCounts'
  >;
  school: string;
  organisers: string[];
  /** Invited teacher id → display name (a teacher missing here prints as «Docente»). */
  names: ReadonlyMap<string, string>;
  /** Invited teacher id → their attendance days. */
  attendance: ReadonlyMap<string, readonly AttendanceDay[]>;
  /** Desempeño code → name, from the rubric (device: its stored rubric; server: its versions). */
  desempenoNames: ReadonlyMap<string, string>;
  /** The name of the intervention's own type, when the activity has one (built-ins: labels). */
  typeName?: string | null;
  /** The intervention's name from the catalogue (the code prints only if it is unknown). */
  interventionName?: string | null;
  generatedAt: Date;
}

export function actaModelOf(s: ActaSource): ActaModel {
  const a = s.activity;
  const dates = activityDates(a);
  const type = activityTypeName(a.type, s.typeName);
  return {
    title: `${type}: ${a.theme}`,
    type,
    intervention: s.interventionName || a.interventionCode,
    school: s.school,
    place: a.place,
    dates,
    time: a.startTime && a.endTime ? `${a.startTime}–${a.endTime}` : a.startTime,
    organisers: s.organisers,
    agenda: a.agenda,
    agreements: a.agreements,
    desempenos: a.desempenos.map((code) => s.desempenoNames.get(code) ?? code),
    topics: a.topics,
    attendees: a.inviteeIds.map((id) => ({
      name: s.names.get(id) || ACTA_TEXTS.teacher,
      marks: dates.map((date) => {
        const mark = s.attendance.get(id)?.find((d) => d.date === date)?.mark;
        return ACTA_TEXTS.marks[mark ?? 'none'];
      }),
    })),
    families: a.familyCounts
      ? (['mothers', 'fathers', 'relatives', 'community'] as const).map((key) => ({
          label: FAMILY_COUNT_LABELS[key],
          count: a.familyCounts?.[key] ?? 0,
        }))
      : null,
    generated: fillText(ACTA_TEXTS.generated, {
      date: formatLimaDate(s.generatedAt),
      time: formatLimaTime(s.generatedAt),
    }),
  };
}

/** The part of a jsPDF document the acta draws with (jsPDF satisfies it). */
export interface ActaDoc {
  setProperties(properties: { title: string; creator: string }): unknown;
  setFont(name: string, style: string): unknown;
  setFontSize(size: number): unknown;
  // biome-ignore lint/suspicious/noExplicitAny: jsPDF declares its result as any
  splitTextToSize(text: string, width: number): any;
  text(text: string, x: number, y: number, options?: { align?: 'right' }): unknown;
  line(x1: number, y1: number, x2: number, y2: number): unknown;
  addPage(): unknown;
  getNumberOfPages(): number;
  setPage(page: number): unknown;
}

/** The document options both sides create it with (A4, millimetres). */
export const ACTA_PAGE = { unit: 'mm', format: 'a4' } as const;

const MARGIN = 16;
const WIDTH = 210 - 2 * MARGIN;
const BOTTOM = 297 - 18;

/** Draws the acta on a fresh A4 document in millimetres (ACTA_PAGE). */
export function layoutActa(doc: ActaDoc, m: ActaModel): void {
  const t = ACTA_TEXTS;
  doc.setProperties({ title: m.title, creator: 'Acompaña' });
  let y = MARGIN;
  const room = (h: number) => {
    if (y + h > BOTTOM) {
      doc.addPage();
      y = MARGIN;
    }
  };
  const font = (size: number, bold = false) => {
    doc.setFont('helvetica', bold ? 'bold' : 'normal');
    doc.setFontSize(size);
  };
  const text = (value: string, size = 10, bold = false, indent = 0) => {
    font(size, bold);
    for (const line of doc.splitTextToSize(value, WIDTH - indent) as string[]) {
      room(size * 0.45);
      doc.text(line, MARGIN + indent, y);
      y += size * 0.45;
    }
    y += 1.5;
  };
  text(t.heading, 14, true);
  text(m.title, 12, true);
  text(`${t.type}: ${m.type}`);
  if (m.intervention) text(`${t.intervention}: ${m.intervention}`);
  const when =
    m.dates.length > 1
      ? `${formatCalendarDate(m.dates[0] ?? '')} – ${formatCalendarDate(m.dates.at(-1) ?? '')}`
      : formatCalendarDate(m.dates[0] ?? '');
  text(`${t.date}: ${when}${m.time ? ` · ${m.time}` : ''}`);
  text(`${t.place}: ${[m.school, m.place].filter(Boolean).join(' · ')}`);
  if (m.organisers.length > 0) text(`${t.organisers}: ${m.organisers.join(', ')}`);
  if (m.agenda.length > 0) {
    text(t.agenda, 12, true);
    for (const a of m.agenda) text(`${a.moment}: ${a.description}`, 10, false, 4);
  }
  if (m.desempenos.length > 0) {
    text(t.desempenos, 12, true);
    for (const d of m.desempenos) text(`• ${d}`, 10, false, 4);
  }
  if (m.topics.length > 0) {
    text(t.topics, 12, true);
    for (const topic of m.topics) text(`• ${topic}`, 10, false, 4);
  }
  text(t.agreements, 12, true);
  if (m.agreements.length === 0) text(t.none);
  m.agreements.forEach((a, i) => {
    text(`${i + 1}. ${a}`, 10, false, 4);
  });
  if (m.families) {
    text(t.families, 12, true);
    text(m.families.map((f) => `${f.label}: ${f.count}`).join(' · '));
  }
  // Attendees: N.º, name, marks per day, and a blank signature column.
  text(t.attendees, 12, true);
  const cols = { n: MARGIN, name: MARGIN + 10, marks: MARGIN + 90, sign: MARGIN + 130 };
  const row = (cells: [string, string, string], bold = false) => {
    room(10);
    font(9, bold);
    doc.text(cells[0], cols.n, y + 5);
    doc.text(doc.splitTextToSize(cells[1], 78)[0] as string, cols.name, y + 5);
    doc.text(doc.splitTextToSize(cells[2], 38)[0] as string, cols.marks, y + 5);
    if (bold) doc.text(t.signature, cols.sign, y + 5);
    doc.line(MARGIN, y + 8, MARGIN + WIDTH, y + 8);
    y += 9;
  };
  row([t.number, t.teacher, t.attendance], true);
  m.attendees.forEach((a, i) => {
    row([String(i + 1), a.name, a.marks.join(' ')]);
  });
  const pages = doc.getNumberOfPages();
  for (let page = 1; page <= pages; page++) {
    doc.setPage(page);
    font(7);
    doc.text(m.generated, MARGIN, 297 - 10);
    doc.text(fillText(t.page, { page, pages }), 210 - MARGIN, 297 - 10, { align: 'right' });
  }
}

/** «acta-taller-de-actualizacion-2026-05-18.pdf»: the type without accents, and the first day. */
export function actaFileName(model: Pick<ActaModel, 'dates' | 'type'>): string {
  const type = model.type
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();
  return `acta-${type}-${model.dates[0] ?? ''}.pdf`;
}
