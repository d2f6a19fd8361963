import { fieldLabel } from '../errors.ts';

// Spanish names of the roster and catalogue request fields, so a validation message names
// the field the way a person knows it ("Revisa el campo «año escolar»: …"). Falls back to the
// labels of errors.ts (DNI, contraseña, límite, búsqueda…).

const LABELS: Record<string, string> = {
  id: 'identificador',
  code: 'código de intervención',
  region: 'región (DRE)',
  ugel: 'UGEL',
  network: 'red educativa',
  school: 'institución educativa',
  level: 'nivel',
  characteristic: 'característica',
  area: 'área',
  intervention: 'intervención',
  active: 'activa',
  withoutCoach: 'sin acompañante',
  total: 'total',
  teacher: 'docente',
  coach: 'acompañante',
  kind: 'tipo de acompañante',
  specialty: 'especialidad',
  aboveRange: 'por encima del rango',
  status: 'estado',
  cohortYear: 'año de inicio de la cohorte',
  year: 'año escolar',
  fromYear: 'año de origen',
  toYear: 'año de destino',
  since: 'desde',
  rules: 'metas',
  coachId: 'acompañante',
  teacherIds: 'docentes',
  schoolId: 'institución educativa',
  schoolYear: 'año escolar',
  validFrom: 'fecha de inicio',
  validTo: 'fecha de fin',
  date: 'fecha',
  reason: 'motivo',
  typeCode: 'código del tipo',
  name: 'nombre',
};

/** Fields of one target rule (`rules.<n>.<field>` in the body of PUT …/targets). */
const RULE_LABELS: Record<string, string> = {
  level: 'nivel',
  gradeFrom: 'grado inicial',
  gradeTo: 'grado final',
  activityKind: 'actividad',
  perYear: 'metas por año',
  minPerMonth: 'mínimo por mes',
  note: 'nota',
};

export function apiFieldLabel(path: string): string {
  const parts = path.split('.');
  const [head, index, field] = parts;
  if (head === 'rules' && index !== undefined && /^\d+$/.test(index)) {
    const row = Number(index) + 1;
    const name = field ? (RULE_LABELS[field] ?? field) : 'meta';
    return `${name} (fila ${row})`;
  }
  const label = head ? LABELS[head] : undefined;
  return label ?? fieldLabel(path);
}
