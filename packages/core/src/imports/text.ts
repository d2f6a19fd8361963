// Small pure helpers shared by the import validators: text folding, numbers as people write them
// in Peruvian spreadsheets (decimal comma), delimiter sniffing and how a value is echoed back.

/** Upper-case, without accents, single spaces: "Polidocente  multigrado" → "POLIDOCENTE MULTIGRADO". */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toUpperCase();
}

/** How a header cell is compared with the known column names: "Año escolar" → "ANO_ESCOLAR". */
export function normalizeHeader(cell: string): string {
  return fold(cell.replace(/^\uFEFF/, '').replace(/^"(.*)"$/, '$1'))
    .replace(/[\s\-.]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

/** The value as read, quoted and cut short, for messages: se leyó "12A4567". */
export function shown(value: string): string {
  const cut = value.length > 40 ? `${value.slice(0, 40)}…` : value;
  return `"${cut}"`;
}

/** A decimal written with a point or a decimal comma ("-7,1234"); null when it is not a number. */
export function parseDecimal(value: string): number | null {
  const text = /^-?\d+,\d+$/.test(value) ? value.replace(',', '.') : value;
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(text)) return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : null;
}

/** A count such as TALUMNO: a non-negative integer (spreadsheets may write "12.0"). */
export function parseCount(value: string): number | null {
  if (/^\d{1,9}$/.test(value)) return Number(value);
  if (/^\d{1,9}[.,]0+$/.test(value)) return Number(value.split(/[.,]/)[0]);
  return null;
}

export const DELIMITERS = [',', ';', '\t', '|'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

/**
 * The field delimiter of a CSV, from its header line: the candidate that appears most often
 * outside quotes. Excel in Spanish locales writes ";" (the comma is the decimal separator).
 */
export function detectDelimiter(headerLine: string): Delimiter {
  const counts = new Map<string, number>();
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (DELIMITERS as readonly string[]).includes(ch)) {
      counts.set(ch, (counts.get(ch) ?? 0) + 1);
    }
  }
  let best: Delimiter = ',';
  let bestCount = 0;
  for (const d of DELIMITERS) {
    const n = counts.get(d) ?? 0;
    if (n > bestCount) {
      best = d;
      bestCount = n;
    }
  }
  return best;
}

export function delimiterName(d: string): string {
  return d === '\t' ? 'tabulador' : `"${d}"`;
}
