import { delimiterName, type ImportReport, importKindName } from '@acompana/core';
import { ENCODING_LABEL, type TextEncoding } from './encoding.ts';

// The report as the command line prints it (Spanish, one fact per line).

function fileDescription(r: ImportReport): string {
  if (r.format === 'xlsx') return 'XLSX, primera hoja';
  const encoding = r.encoding ? ENCODING_LABEL[r.encoding as TextEncoding] : '¿?';
  return `CSV, ${encoding}, separador ${delimiterName(r.delimiter ?? ',')}`;
}

function conclusion(r: ImportReport, flags: { skipFlag: string; dryRunFlag: string }): string {
  if (r.applied) return 'Listo: los cambios se guardaron.';
  if (r.invalidRows > 0 && !r.dryRun) {
    return `No se importó nada: corrige las filas inválidas o usa ${flags.skipFlag} para importar solo las válidas.`;
  }
  const invalid = r.invalidRows > 0 ? ' El archivo tiene filas inválidas.' : '';
  return `Simulación (${flags.dryRunFlag}): no se guardó nada.${invalid}`;
}

export function formatReport(
  r: ImportReport,
  flags = { skipFlag: '--skip-invalid', dryRunFlag: '--dry-run' },
): string {
  const lines = [
    `Importación de ${importKindName(r.kind)}: ${r.file} (${fileDescription(r)})`,
    `Filas leídas: ${r.rows}`,
    `  creadas: ${r.created}`,
    `  actualizadas: ${r.updated}`,
    `  sin cambios: ${r.unchanged}`,
    `  omitidas: ${r.skipped}`,
    `  inválidas: ${r.invalidRows}`,
  ];
  if (r.regionsCreated + r.ugelsCreated > 0) {
    lines.push(`Territorio nuevo: ${r.regionsCreated} DRE y ${r.ugelsCreated} UGEL.`);
  }
  if (r.skippedReasons.length > 0) {
    lines.push('Filas omitidas:');
    for (const s of r.skippedReasons) lines.push(`  ${s.count} × ${s.reason}`);
  }
  if (r.invalid.length > 0) {
    const more =
      r.invalidIssues > r.invalid.length
        ? ` (se muestran ${r.invalid.length} de ${r.invalidIssues} problemas)`
        : '';
    lines.push(`Problemas${more}:`);
    for (const issue of r.invalid) lines.push(`  ${issue.message}`);
  }
  lines.push(conclusion(r, flags));
  return lines.join('\n');
}
