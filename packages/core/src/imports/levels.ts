import { SCHOOL_LEVELS, type SchoolLevel } from '../api/common.ts';
import { fold, shown } from './text.ts';

// The level of a padrón row, from its NIV_MOD code, its D_NIV_MOD label ("Inicial - Jardín",
// "Primaria", "Básica Alternativa-Avanzado"…), or both. ESCALE exports carry one or the other
// or both; labels are the ESCALE ones (docs/IMPORTS.md lists them). Services of levels
// Acompaña does not serve (alternativa, especial, técnico-productiva, superior, programas no
// escolarizados) are skipped with their reason; "No aplica" marks rows that are not a school
// service at all (an ODEC office), also skipped.

/** What a D_NIV_MOD label means: one NIV_MOD code, or a family (first letter) of codes. */
interface LabelMeaning {
  code?: string;
  family?: string;
}

/** D_NIV_MOD labels of the ESCALE padrón, keyed by `labelKey` (folded, hyphens tight). */
export const LEVEL_LABELS: Readonly<Record<string, LabelMeaning>> = {
  'INICIAL-CUNA': { code: 'A1' },
  'INICIAL-JARDIN': { code: 'A2' },
  'INICIAL-CUNA-JARDIN': { code: 'A3' },
  'INICIAL-PROGRAMA NO ESCOLARIZADO': { code: 'A5' },
  'INICIAL NO ESCOLARIZADO': { code: 'A5' },
  'INICIAL-NO ESCOLARIZADO': { code: 'A5' },
  PRIMARIA: { code: 'B0' },
  'PRIMARIA DE ADULTOS': { code: 'C0' },
  'BASICA ALTERNATIVA': { family: 'D' },
  'BASICA ALTERNATIVA-INICIAL E INTERMEDIO': { code: 'D1' },
  'BASICA ALTERNATIVA-AVANZADO': { code: 'D2' },
  'BASICA ESPECIAL': { family: 'E' },
  'BASICA ESPECIAL-INICIAL': { code: 'E1' },
  'BASICA ESPECIAL-PRIMARIA': { code: 'E2' },
  SECUNDARIA: { code: 'F0' },
  'SECUNDARIA DE ADULTOS': { code: 'G0' },
  'SUPERIOR PEDAGOGICA': { family: 'K' },
  'ESCUELA SUPERIOR PEDAGOGICA': { family: 'K' },
  'INSTITUTO SUPERIOR PEDAGOGICO': { family: 'K' },
  'TECNICO PRODUCTIVA': { family: 'L' },
  'TECNICO-PRODUCTIVA': { family: 'L' },
  'EDUCACION OCUPACIONAL': { family: 'L' },
  'SUPERIOR ARTISTICA': { family: 'M' },
  'ESCUELA SUPERIOR DE FORMACION ARTISTICA': { family: 'M' },
  'SUPERIOR TECNOLOGICA': { family: 'T' },
  'INSTITUTO SUPERIOR TECNOLOGICO': { family: 'T' },
};

/** How a label is looked up: folded (case, accents, spaces) with hyphens written tight. */
export function labelKey(label: string): string {
  return fold(label).replace(/\s*-\s*/g, '-');
}

const NOT_APPLICABLE = new Set(['NO APLICA', 'NO APLICABLE', '-']);

/** What the other NIV_MOD families are, for the "skipped" summary. */
const OTHER_LEVELS: Readonly<Record<string, string>> = {
  A: 'Inicial no escolarizado',
  C: 'Primaria de adultos',
  D: 'Básica Alternativa',
  E: 'Básica Especial',
  G: 'Secundaria de adultos',
  K: 'Superior Pedagógica',
  L: 'Técnico-Productiva (CETPRO)',
  M: 'Superior Artística',
  T: 'Superior Tecnológica',
};

const SERVED = 'Acompaña importa solo inicial, primaria y secundaria (A1, A2, A3, B0, F0)';

export function skippedLevelReason(code: string): string {
  const family = OTHER_LEVELS[code.charAt(0)];
  return `NIV_MOD ${code}${family ? ` (${family})` : ''}: ${SERVED}`;
}

const isServed = (code: string): code is SchoolLevel =>
  (SCHOOL_LEVELS as readonly string[]).includes(code);

export type LevelOutcome =
  | { status: 'ok'; level: SchoolLevel }
  | { status: 'skipped'; reason: string }
  | { status: 'invalid'; column: 'niv_mod' | 'd_niv_mod'; text: string };

const agrees = (code: string, meaning: LabelMeaning) =>
  meaning.code ? meaning.code === code : code.charAt(0) === meaning.family;

/**
 * The level of a row from its NIV_MOD code and/or D_NIV_MOD label (either may be '').
 * `columns` names them as the file writes them, for messages.
 */
export function resolveLevel(
  code: string,
  label: string,
  columns: { niv_mod: string; d_niv_mod: string },
): LevelOutcome {
  const upper = code.trim().toUpperCase();
  const labelText = label.trim();
  const meaning = labelText ? LEVEL_LABELS[labelKey(labelText)] : undefined;
  const notApplicable = NOT_APPLICABLE.has(fold(labelText)) || NOT_APPLICABLE.has(fold(upper));

  if (upper !== '' && !notApplicable && !/^[A-Z]\d$/.test(upper)) {
    return {
      status: 'invalid',
      column: 'niv_mod',
      text: `el nivel/modalidad no es un código del padrón como A1, B0 o F0 (se leyó ${shown(code)}).`,
    };
  }
  if (upper !== '' && !notApplicable && labelText && meaning && !agrees(upper, meaning)) {
    const said = meaning.code ? `${shown(labelText)} (${meaning.code})` : shown(labelText);
    return {
      status: 'invalid',
      column: 'd_niv_mod',
      text: `no coincide con ${columns.niv_mod}: ${columns.niv_mod} dice ${upper} y ${columns.d_niv_mod} dice ${said}; corrige una de las dos.`,
    };
  }
  if (notApplicable) {
    return {
      status: 'skipped',
      reason: `nivel/modalidad "No aplica": no es un servicio educativo (por ejemplo, una oficina ODEC)`,
    };
  }
  if (upper !== '') return isServed(upper) ? { status: 'ok', level: upper } : skipped(upper);
  if (labelText === '') {
    return {
      status: 'invalid',
      column: 'niv_mod',
      text: `falta el nivel/modalidad (${columns.niv_mod}).`,
    };
  }
  if (!meaning) {
    return {
      status: 'invalid',
      column: 'd_niv_mod',
      text: `el nivel/modalidad no es uno de los del padrón, como "Inicial - Jardín", "Primaria" o "Secundaria" (se leyó ${shown(labelText)}).`,
    };
  }
  if (meaning.code && isServed(meaning.code)) return { status: 'ok', level: meaning.code };
  const code_ = meaning.code ? ` (${meaning.code})` : '';
  return {
    status: 'skipped',
    reason: `${columns.d_niv_mod} ${shown(labelText)}${code_}: ${SERVED}`,
  };
}

function skipped(code: string): LevelOutcome {
  return { status: 'skipped', reason: skippedLevelReason(code) };
}
