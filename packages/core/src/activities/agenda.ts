import { type ActivityType, isBuiltinActivityType } from './records.ts';

// The agenda by moments a new activity starts from, per type (issue 15: "a template per type,
// editable"). It is the coach's starting point, saved in the activity and edited there. The
// moments follow the strategy's description: a GIA reflects on the practice seen in the
// visits, a taller updates knowledge with theory and practice, a meeting with families agrees
// on how to support learning at home.

export interface AgendaMoment {
  moment: string;
  description: string;
}

const CLOSING: AgendaMoment = {
  moment: 'Cierre',
  description: 'Acuerdos, compromisos y evaluación de la reunión',
};

export const AGENDA_TEMPLATES: Record<ActivityType, readonly AgendaMoment[]> = {
  gia: [
    { moment: 'Inicio', description: 'Bienvenida, propósito y recojo de saberes' },
    { moment: 'Reflexión', description: 'Análisis de lo observado en las visitas al aula' },
    { moment: 'Profundización', description: 'Lectura o caso sobre el tema priorizado' },
    CLOSING,
  ],
  ria: [
    { moment: 'Inicio', description: 'Bienvenida, propósito y recojo de saberes' },
    { moment: 'Reflexión', description: 'Análisis de lo observado en las visitas al aula' },
    { moment: 'Profundización', description: 'Lectura o caso sobre el tema priorizado' },
    CLOSING,
  ],
  taller: [
    { moment: 'Inicio', description: 'Propósito del taller y saberes previos' },
    { moment: 'Desarrollo teórico', description: 'Presentación y discusión del tema' },
    { moment: 'Práctica', description: 'Aplicación en situaciones de aula' },
    { moment: 'Cierre', description: 'Conclusiones, compromisos y evaluación del día' },
  ],
  reunion_familias: [
    { moment: 'Bienvenida', description: 'Saludo y propósito de la reunión' },
    { moment: 'Diálogo', description: 'Cómo acompañar el aprendizaje en casa' },
    CLOSING,
  ],
  pasantia: [
    { moment: 'Preparación', description: 'Propósito y qué observar' },
    { moment: 'Observación', description: 'Visita a la institución anfitriona' },
    { moment: 'Reflexión', description: 'Lo aprendido y qué aplicar en el aula' },
  ],
  visita_pares: [
    { moment: 'Preparación', description: 'Propósito y qué observar' },
    { moment: 'Observación', description: 'Sesión del docente anfitrión' },
    { moment: 'Diálogo', description: 'Retroalimentación entre pares' },
  ],
  jornada: [
    { moment: 'Inicio', description: 'Propósito de la jornada' },
    { moment: 'Desarrollo', description: 'Trabajo colegiado sobre el tema' },
    CLOSING,
  ],
  otra: [
    { moment: 'Inicio', description: 'Propósito' },
    { moment: 'Desarrollo', description: 'Actividad principal' },
    CLOSING,
  ],
};

/** A fresh, editable copy of a type's template. */
export function agendaTemplate(type: string): AgendaMoment[] {
  // An intervention's own type starts from the general template.
  return AGENDA_TEMPLATES[isBuiltinActivityType(type) ? type : 'otra'].map((m) => ({ ...m }));
}

/** "Momento: descripción" per line (the agenda as one text field) → moments; blank lines
 *  are dropped and a line without a colon is a moment with no description. */
export function parseAgenda(text: string): AgendaMoment[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const at = line.indexOf(':');
      return at < 0
        ? { moment: line, description: '' }
        : { moment: line.slice(0, at).trim(), description: line.slice(at + 1).trim() };
    })
    .filter((m) => m.moment);
}

export function formatAgenda(agenda: readonly AgendaMoment[]): string {
  return agenda.map((m) => (m.description ? `${m.moment}: ${m.description}` : m.moment)).join('\n');
}
