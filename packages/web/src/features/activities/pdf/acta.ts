import type { jsPDF } from 'jspdf';
import { formatDate, i18n } from '../../../app/i18n/index.ts';

// The "acta" of a collective activity: the paper record schools are used to — activity, date,
// place, agenda, agreements and the list of attendees with a blank column for signatures.
// Generated on the device with jsPDF (loaded only when asked for, precached), so it works
// offline. The model arrives already worded; this module only lays it out.

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
  /** Desempeños it works on, by name, and topics drawn from the visits (optional: older
   *  callers and an activity without them print neither). */
  desempenos?: string[];
  topics?: string[];
  /** One row per invited teacher: name and the marks of each day, worded. */
  attendees: { name: string; marks: string[] }[];
  families: { label: string; count: number }[] | null;
}

const MARGIN = 16;
const WIDTH = 210 - 2 * MARGIN;
const BOTTOM = 297 - 18;

function layout(doc: jsPDF, m: ActaModel) {
  const t = i18n.t.bind(i18n);
  let y = MARGIN;
  const room = (h: number) => {
    if (y + h > BOTTOM) {
      doc.addPage();
      y = MARGIN;
    }
  };
  const text = (value: string, size = 10, bold = false, indent = 0) => {
    doc.setFont('helvetica', bold ? 'bold' : 'normal').setFontSize(size);
    for (const line of doc.splitTextToSize(value, WIDTH - indent) as string[]) {
      room(size * 0.45);
      doc.text(line, MARGIN + indent, y);
      y += size * 0.45;
    }
    y += 1.5;
  };
  text(t('activities.acta.heading'), 14, true);
  text(m.title, 12, true);
  text(`${t('activities.acta.type')}: ${m.type}`);
  if (m.intervention) text(`${t('activities.acta.intervention')}: ${m.intervention}`);
  const when =
    m.dates.length > 1
      ? `${formatDate(m.dates[0] ?? '')} – ${formatDate(m.dates.at(-1) ?? '')}`
      : formatDate(m.dates[0] ?? '');
  text(`${t('activities.acta.date')}: ${when}${m.time ? ` · ${m.time}` : ''}`);
  text(`${t('activities.acta.place')}: ${[m.school, m.place].filter(Boolean).join(' · ')}`);
  if (m.organisers.length > 0)
    text(`${t('activities.acta.organisers')}: ${m.organisers.join(', ')}`);
  if (m.agenda.length > 0) {
    text(t('activities.acta.agenda'), 12, true);
    for (const a of m.agenda) text(`${a.moment}: ${a.description}`, 10, false, 4);
  }
  if (m.desempenos?.length) {
    text(t('activities.acta.desempenos'), 12, true);
    for (const d of m.desempenos) text(`• ${d}`, 10, false, 4);
  }
  if (m.topics?.length) {
    text(t('activities.acta.topics'), 12, true);
    for (const topic of m.topics) text(`• ${topic}`, 10, false, 4);
  }
  text(t('activities.acta.agreements'), 12, true);
  if (m.agreements.length === 0) text(t('activities.acta.none'));
  m.agreements.forEach((a, i) => {
    text(`${i + 1}. ${a}`, 10, false, 4);
  });
  if (m.families) {
    text(t('activities.page.families'), 12, true);
    text(m.families.map((f) => `${f.label}: ${f.count}`).join(' · '));
  }
  // Attendees: N.º, name, marks per day, and a blank signature column.
  text(t('activities.acta.attendees'), 12, true);
  const cols = { n: MARGIN, name: MARGIN + 10, marks: MARGIN + 90, sign: MARGIN + 130 };
  const row = (cells: [string, string, string], bold = false) => {
    room(10);
    doc.setFont('helvetica', bold ? 'bold' : 'normal').setFontSize(9);
    doc.text(cells[0], cols.n, y + 5);
    doc.text(doc.splitTextToSize(cells[1], 78)[0] as string, cols.name, y + 5);
    doc.text(doc.splitTextToSize(cells[2], 38)[0] as string, cols.marks, y + 5);
    if (bold) doc.text(t('activities.acta.signature'), cols.sign, y + 5);
    doc.line(MARGIN, y + 8, MARGIN + WIDTH, y + 8);
    y += 9;
  };
  row(['N.º', t('activities.acta.teacher'), t('activities.page.attendance')], true);
  m.attendees.forEach((a, i) => {
    row([String(i + 1), a.name, a.marks.join(' ')]);
  });
  const pages = doc.getNumberOfPages();
  for (let page = 1; page <= pages; page++) {
    doc.setPage(page);
    doc.setFont('helvetica', 'normal').setFontSize(7);
    doc.text(t('activities.acta.page', { page, pages }), 210 - MARGIN, 297 - 10, {
      align: 'right',
    });
  }
}

/** The acta as PDF bytes (jsPDF imported on demand). */
export async function buildActaPdf(
  model: ActaModel,
  options = { compress: true },
): Promise<Uint8Array> {
  const { jsPDF } = await import('jspdf');
  const doc = new jsPDF({ unit: 'mm', format: 'a4', compress: options.compress });
  doc.setProperties({ title: model.title, creator: 'Acompaña' });
  layout(doc, model);
  return new Uint8Array(doc.output('arraybuffer'));
}

export function actaFileName(model: Pick<ActaModel, 'dates' | 'type'>): string {
  const type = model.type
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();
  return `acta-${type}-${model.dates[0] ?? ''}.pdf`;
}

/** Saves the acta through the browser (offline: nothing leaves the device). */
export async function downloadActa(model: ActaModel): Promise<void> {
  const bytes = await buildActaPdf(model);
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: 'application/pdf' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = actaFileName(model);
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
