// Internal codes must never reach a person (issue 12.15): what a screen, a PDF or a catalogue
// text shows is Spanish words, not `momento_critico`, `involucra_estudiantes` or an
// intervention code such as MULTIGRADO or SPI. This finds them in visible text: snake_case
// tokens and ALL-CAPS tokens, except the few real Spanish acronyms a person reads every day.

/** Acronyms people in Peruvian schools use as words (kept short and explicit on purpose). */
export const SPANISH_ACRONYMS: readonly string[] = [
  'DNI', // documento nacional de identidad
  'UGEL', // unidad de gestión educativa local
  'DRE', // dirección regional de educación
  'GIA', // grupo de interaprendizaje
  'RIA', // reunión de interaprendizaje (secundaria)
  'IE', // institución educativa
  'EE', // as in "II. EE." (instituciones educativas)
  'PDF',
  'ESCALE', // the ministry's statistics system, by name ("padrón ESCALE")
  'MINEDU', // Ministerio de Educación
  'EIB', // educación intercultural bilingüe
  'RER', // red educativa rural, part of a network's own name ("RER Lucma")
  'QR', // código QR, as everyone says it (the activation sheet)
  'CSV',
  'XLSX',
  'JSON',
];

const ROMAN = /^(?:I|II|III|IV|V|VI|VII|VIII|IX|X)$/;
const SNAKE = /(?<![\p{L}\p{N}_])[a-z][a-z0-9]*(?:_[a-z0-9]+)+(?![\p{L}\p{N}_])/gu;
const CAPS = /(?<![\p{L}\p{N}_])[A-ZÁÉÍÓÚÑ][A-ZÁÉÍÓÚÑ0-9]*(?:_[A-Z0-9]+)*(?![\p{L}\p{N}_])/gu;

/** The raw codes in a visible text, in order of appearance (empty when the text is clean).
 *  `{{placeholders}}` of the i18n catalogue are not text and are skipped. */
export function findRawCodes(text: string, allow: readonly string[] = SPANISH_ACRONYMS): string[] {
  const visible = text.replace(/\{\{[^}]*\}\}/g, ' ');
  const found = [...visible.matchAll(SNAKE)].map((m) => m[0]);
  for (const m of visible.matchAll(CAPS)) {
    const token = m[0];
    // One capital (a sentence start, a roman I) is a word; a roman level I–X is the rubric's.
    if (token.length < 2 || ROMAN.test(token) || allow.includes(token)) continue;
    found.push(token);
  }
  return found;
}
