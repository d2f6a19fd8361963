import type { AttendanceMark } from './records.ts';

// The Spanish (es-PE) texts of the acta, in core because the device and the server print the
// same document. They are the one source: the web catalogue (es-PE.activities.ts) reuses them
// rather than copying. Placeholders use the catalogue's {{name}} syntax. The type and family
// labels are in labels.ts (the coach's home shows type names without the acta's texts).

export const ACTA_TEXTS = {
  heading: 'Acta de actividad colectiva',
  type: 'Tipo',
  intervention: 'Intervención',
  date: 'Fecha',
  place: 'Lugar',
  organisers: 'Organiza',
  agenda: 'Agenda',
  agreements: 'Acuerdos',
  desempenos: 'Desempeños que trabaja',
  topics: 'Temas surgidos de las visitas',
  none: 'Sin acuerdos registrados.',
  families: 'Asistencia de familias',
  attendees: 'Asistentes',
  number: 'N.º',
  teacher: 'Docente',
  attendance: 'Asistencia',
  signature: 'Firma',
  page: 'Página {{page}} de {{pages}}',
  generated: 'Generada el {{date}} a las {{time}}, hora de Lima',
  marks: { present: 'A', absent: 'F', justified: 'J', none: '–' },
} as const satisfies Record<string, string | Record<AttendanceMark | 'none', string>>;

/** Fills {{name}} placeholders (the catalogue's syntax) outside i18next. */
export function fillText(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}
