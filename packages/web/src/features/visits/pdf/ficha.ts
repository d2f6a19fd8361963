import { formatLimaDate, limaToday } from '@acompana/core';
import type { jsPDF } from 'jspdf';
import { formatDate, i18n } from '../../../app/i18n/index.ts';

// The "ficha de visita": a PDF of one visit, generated on the device (jsPDF, loaded only when
// asked for) so coach and teacher can have it without a connection. The model arrives already
// worded (names, level names, statuses); this module only lays it out.

export interface FichaModel {
  teacher: string;
  school: string;
  coach: string;
  intervention: string;
  date: string; // YYYY-MM-DD
  status: string;
  goals: string[];
  teacherConfirmedAt: string | null;
  rubric: {
    version: string;
    items: {
      code: string;
      name: string;
      level: number | null;
      levelName: string | null;
      evidence: string;
    }[];
  } | null;
  checklist: { score: number; max: number; lines: string[] } | null;
  notes: { at: string; text: string; tags: string[] }[];
  dialogue: {
    apertura: string;
    reflexion: string;
    alternativas: string;
    compromisos: string;
    reflectionLevel: 'tecnica' | 'practica' | 'critica' | null;
  } | null;
  commitments: { text: string; owner: string; status: string; dueDate: string | null }[];
  followUps: { text: string; status: string; note: string | null }[];
}

const MARGIN = 16;
const WIDTH = 210 - 2 * MARGIN; // A4, mm
const BOTTOM = 297 - 18;

class Writer {
  y = MARGIN;
  constructor(private readonly doc: jsPDF) {}

  private room(height: number) {
    if (this.y + height > BOTTOM) {
      this.doc.addPage();
      this.y = MARGIN;
    }
  }

  heading(text: string) {
    this.room(12);
    this.y += 3;
    this.doc.setFont('helvetica', 'bold').setFontSize(12).text(text, MARGIN, this.y);
    this.y += 6;
  }

  paragraph(text: string, options: { bold?: boolean; size?: number; indent?: number } = {}) {
    const size = options.size ?? 10;
    const indent = options.indent ?? 0;
    this.doc.setFont('helvetica', options.bold ? 'bold' : 'normal').setFontSize(size);
    const lines = this.doc.splitTextToSize(text, WIDTH - indent) as string[];
    const lineHeight = size * 0.45;
    for (const line of lines) {
      this.room(lineHeight);
      this.doc.text(line, MARGIN + indent, this.y);
      this.y += lineHeight;
    }
    this.y += 1.5;
  }

  field(label: string, value: string) {
    this.paragraph(`${label}: ${value}`);
  }
}

function layout(doc: jsPDF, m: FichaModel) {
  const t = i18n.t.bind(i18n);
  const w = new Writer(doc);
  w.paragraph(t('ficha.title'), { bold: true, size: 15 });
  w.paragraph(t('ficha.generatedOn', { date: formatDate(limaToday()) }), {
    size: 8,
  });
  w.field(t('ficha.teacher'), m.teacher);
  w.field(t('ficha.school'), m.school);
  w.field(t('ficha.coach'), m.coach);
  if (m.intervention) w.field(t('ficha.intervention'), m.intervention);
  w.field(t('ficha.date'), formatDate(m.date));
  w.field(t('ficha.status'), m.status);

  w.heading(t('ficha.goals'));
  if (m.goals.length === 0) w.paragraph(t('ficha.none'));
  for (const goal of m.goals) w.paragraph(`• ${goal}`, { indent: 2 });
  w.paragraph(
    m.teacherConfirmedAt
      ? t('ficha.confirmedByTeacher', { date: formatLimaDate(m.teacherConfirmedAt) })
      : t('ficha.notConfirmed'),
    { size: 8 },
  );

  if (m.followUps.length > 0) {
    w.heading(t('ficha.followUps'));
    for (const f of m.followUps) {
      w.paragraph(`• ${f.text} — ${f.status}${f.note ? `: ${f.note}` : ''}`, { indent: 2 });
    }
  }

  if (m.rubric) {
    w.heading(t('ficha.rubric', { version: m.rubric.version }));
    for (const item of m.rubric.items) {
      // The rubric's own words: "Nivel III Satisfactorio", never the stored number.
      const level =
        item.level === null || !item.levelName
          ? t('ficha.notObserved')
          : t('ficha.level', { level: item.levelName });
      w.paragraph(`${item.name}: ${level}`, { bold: true });
      if (item.evidence.trim())
        w.paragraph(`${t('ficha.evidence')}: ${item.evidence}`, { indent: 3 });
    }
  }

  if (m.checklist) {
    w.heading(t('ficha.checklist'));
    w.paragraph(t('ficha.checklistScore', { score: m.checklist.score, max: m.checklist.max }));
    for (const line of m.checklist.lines) w.paragraph(`• ${line}`, { indent: 2 });
  }

  w.heading(t('ficha.notes'));
  if (m.notes.length === 0) w.paragraph(t('ficha.none'));
  for (const note of m.notes) {
    const tags = note.tags.length ? ` (${note.tags.join(', ')})` : '';
    w.paragraph(`${note.at}${tags} ${note.text}`, { indent: 2 });
  }

  if (m.dialogue) {
    w.heading(t('ficha.dialogue'));
    for (const moment of ['apertura', 'reflexion', 'alternativas', 'compromisos'] as const) {
      if (m.dialogue[moment].trim()) {
        w.paragraph(t(`ficha.moments.${moment}`), { bold: true });
        w.paragraph(m.dialogue[moment], { indent: 3 });
      }
    }
    if (m.dialogue.reflectionLevel) {
      w.paragraph(
        t('ficha.reflectionLevel', {
          level: t(`ficha.reflectionLevels.${m.dialogue.reflectionLevel}`),
        }),
      );
    }
  }

  w.heading(t('ficha.commitments'));
  if (m.commitments.length === 0) w.paragraph(t('ficha.none'));
  for (const c of m.commitments) {
    w.paragraph(`• ${c.text}`, { indent: 2 });
    const due = c.dueDate ? t('ficha.due', { date: formatDate(c.dueDate) }) : '';
    w.paragraph(t('ficha.commitmentLine', { owner: c.owner, status: c.status, due }), {
      indent: 5,
      size: 8,
    });
  }

  const pages = doc.getNumberOfPages();
  for (let page = 1; page <= pages; page += 1) {
    doc.setPage(page);
    doc.setFont('helvetica', 'normal').setFontSize(7);
    doc.text(t('ficha.privacy'), MARGIN, 297 - 10, { maxWidth: WIDTH - 30 });
    doc.text(t('ficha.page', { page, pages }), 210 - MARGIN, 297 - 10, { align: 'right' });
  }
}

/** Builds the ficha as PDF bytes. jsPDF is imported on demand: it never weighs on start-up. */
export async function buildFichaPdf(
  model: FichaModel,
  options = { compress: true },
): Promise<Uint8Array> {
  const { jsPDF } = await import('jspdf');
  const doc = new jsPDF({ unit: 'mm', format: 'a4', compress: options.compress });
  doc.setProperties({ title: i18n.t('ficha.title'), subject: model.teacher, creator: 'Acompaña' });
  layout(doc, model);
  return new Uint8Array(doc.output('arraybuffer'));
}

export function fichaFileName(model: Pick<FichaModel, 'date' | 'teacher'>): string {
  const teacher = model.teacher
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();
  return i18n.t('ficha.fileName', { date: model.date, teacher });
}

/** Saves the PDF through the browser (works offline: nothing leaves the device). */
export async function downloadFicha(model: FichaModel): Promise<void> {
  const bytes = await buildFichaPdf(model);
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: 'application/pdf' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fichaFileName(model);
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
