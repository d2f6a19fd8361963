// Spanish names of the field-record fields, so a rejected sync mutation names the field the
// way the person knows it ("Revisa el campo «fecha planificada»: …").

export const ENTITY_FIELD_LABELS: Record<string, string> = {
  teacherId: 'docente',
  schoolId: 'institución educativa',
  interventionCode: 'intervención',
  kind: 'tipo de visita',
  status: 'estado',
  plannedDate: 'fecha planificada',
  startedAt: 'hora de inicio',
  endedAt: 'hora de término',
  cancelReason: 'motivo de cancelación',
  cancelNote: 'nota de cancelación',
  goals: 'propósitos de la visita',
  focus: 'desempeños priorizados',
  teacherConfirmedAt: 'confirmación del docente',
  visitId: 'visita',
  owner: 'responsable',
  desempeno: 'desempeño',
  text: 'texto',
  dueDate: 'fecha límite',
  followUpNote: 'nota de seguimiento',
  instrumentVersionId: 'versión del instrumento',
  answers: 'respuestas',
  dialogue: 'diálogo reflexivo',
  apertura: 'apertura',
  reflexion: 'reflexión',
  alternativas: 'alternativas',
  compromisos: 'compromisos',
  reflectionLevel: 'nivel de reflexión',
  schoolYear: 'año escolar',
  practiceStrengths: 'fortalezas de la práctica',
  practiceWeaknesses: 'aspectos por mejorar de la práctica',
  managementStrengths: 'fortalezas de la gestión',
  managementWeaknesses: 'aspectos por mejorar de la gestión',
  learningBaseline: 'línea de base de aprendizajes',
  strategies: 'estrategias',
  plannedModelling: 'modelamiento planificado',
  targetStage: 'etapa meta',
  fromMonth: 'mes de inicio',
  toMonth: 'mes de término',
  visitDates: 'fechas de visita',
  skippedMonths: 'meses sin visita',
  date: 'fecha',
  notes: 'notas',
  suggested: 'etapa sugerida',
  stage: 'etapa',
  note: 'nota',
  decidedAt: 'fecha de la decisión',
};

/** "plannedDate" → "fecha planificada"; "goals.2" → "propósitos de la visita (3)". */
export function entityFieldLabel(path: string): string {
  const [head = path, index] = path.split('.');
  const label = ENTITY_FIELD_LABELS[head] ?? head;
  return index !== undefined && /^\d+$/.test(index) ? `${label} (${Number(index) + 1})` : label;
}
