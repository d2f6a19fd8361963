import { normalizeHeader } from './text.ts';

// Which file column feeds which field. Headers are matched without regard to case, accents,
// spaces or hyphens ("Año escolar" = "ANO_ESCOLAR"); unknown columns are ignored, so a full
// ESCALE padrón with ~50 columns imports as is.

export interface ColumnSpec<K extends string = string> {
  key: K;
  /** Accepted header names, normalized; the first is the one messages use. */
  names: readonly string[];
  required?: boolean;
  /** Only meaningful together with this other column (latitude needs longitude). */
  pairedWith?: K;
  /** A required column that this other one may replace (NIV_MOD codes or D_NIV_MOD labels). */
  orElse?: K;
}

export interface ColumnMap<K extends string = string> {
  /** Position of each known column in the file. */
  index: Partial<Record<K, number>>;
  /** The header as written in the file, for messages ("Línea 7, COD_MOD: …"). */
  label: Record<K, string>;
  /** Required (or paired) columns the file lacks, by their canonical names. */
  missing: string[];
}

export function canonicalName(spec: ColumnSpec): string {
  return spec.names[0] ?? spec.key;
}

export function mapColumns<K extends string>(
  specs: readonly ColumnSpec<K>[],
  headerCells: readonly string[],
): ColumnMap<K> {
  const positions = new Map<string, number>();
  headerCells.forEach((cell, i) => {
    const name = normalizeHeader(cell);
    // The first of two same-named columns wins, as a person reading the sheet would expect.
    if (name && !positions.has(name)) positions.set(name, i);
  });
  const index: Partial<Record<K, number>> = {};
  const label = {} as Record<K, string>;
  for (const spec of specs) {
    label[spec.key] = canonicalName(spec);
    for (const name of spec.names) {
      const at = positions.get(name);
      if (at !== undefined) {
        index[spec.key] = at;
        label[spec.key] = headerCells[at]?.replace(/^\uFEFF/, '').trim() || canonicalName(spec);
        break;
      }
    }
  }
  const missing: string[] = [];
  for (const spec of specs) {
    if (index[spec.key] !== undefined) continue;
    const partnerPresent = spec.pairedWith !== undefined && index[spec.pairedWith] !== undefined;
    const replacement = spec.orElse && specs.find((s) => s.key === spec.orElse);
    if (replacement) {
      if (spec.required && index[replacement.key] === undefined) {
        missing.push(`${canonicalName(spec)} o ${canonicalName(replacement)}`);
      }
    } else if (spec.required || partnerPresent) missing.push(canonicalName(spec));
  }
  return { index, label, missing };
}

export function hasColumn<K extends string>(map: ColumnMap<K>, key: K): boolean {
  return map.index[key] !== undefined;
}

/** The row's values by field, trimmed; '' for absent columns and empty cells. */
export function rowValues<K extends string>(
  map: ColumnMap<K>,
  cells: readonly string[],
): Record<K, string> {
  const out = {} as Record<K, string>;
  for (const key of Object.keys(map.label) as K[]) {
    const at = map.index[key];
    const raw = at === undefined ? '' : (cells[at] ?? '');
    out[key] = raw.replace(/^[\s\u00a0]+|[\s\u00a0]+$/g, '');
  }
  return out;
}

/** "Línea 1 (encabezado): faltan las columnas obligatorias CODGEO y CODOOII." */
export function missingColumnsMessage(missing: readonly string[], line: number, unit: string) {
  const names =
    missing.length === 1
      ? missing[0]
      : `${missing.slice(0, -1).join(', ')} y ${missing[missing.length - 1]}`;
  const what =
    missing.length === 1 ? 'falta la columna obligatoria' : 'faltan las columnas obligatorias';
  return `${unit} ${line} (encabezado): ${what} ${names}.`;
}
