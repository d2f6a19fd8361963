import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError, type Delimiter, delimiterName, detectDelimiter } from '@acompana/core';
import type { CellValue } from '@cj-tech-master/excelts';
import { type Parser, parse } from 'csv-parse';
import iconv from 'iconv-lite';
import { decodeStream, detectEncoding, ICONV_NAME, type TextEncoding } from './encoding.ts';
import { head, type ImportSource } from './source.ts';

// A file as a header and a stream of rows of text cells, whatever its format: CSV (any
// delimiter and encoding) or XLSX (first sheet). Each row carries its line (CSV: line in the
// file) or row number (XLSX), so messages point where a person would look. The header is the
// first of the first HEADER_SEARCH_ROWS rows that holds the required columns (exports often
// carry a title row or two above it); when none does, the first non-blank row, so the
// missing-columns message names it.

export interface RawRow {
  line: number;
  cells: string[];
  /** A problem with the row as a whole (e.g. a CSV row with too few values). */
  problem?: string;
}

export interface Table {
  format: 'csv' | 'xlsx';
  encoding: TextEncoding | null;
  delimiter: Delimiter | null;
  /** How messages name a position: "Línea" in a CSV, "Fila" in a sheet. */
  unit: 'Línea' | 'Fila';
  header: RawRow;
  rows: AsyncIterable<RawRow>;
  /** Stops reading (closes the file) when the rows are not read to the end. */
  close(): Promise<void>;
}

const unreadable = (message: string) => new AppError('IMPORT_UNREADABLE_FILE', message);

const isBlank = (cells: readonly string[]) => cells.every((c) => c.trim() === '');

/** Rows (lines of a CSV, rows of a sheet) searched for the header. */
export const HEADER_SEARCH_ROWS = 10;

/** Whether a row is the header: it holds the columns the import needs. */
export type HeaderTest = (cells: readonly string[]) => boolean;

export async function openTable(
  source: ImportSource,
  isHeader: HeaderTest = () => true,
): Promise<Table> {
  const start = await head(source, 64 * 1024);
  if (start.length === 0) throw unreadable(`El archivo ${source.name} está vacío.`);
  if (start[0] === 0x50 && start[1] === 0x4b && start[2] === 0x03 && start[3] === 0x04) {
    return withHeader('xlsx', null, null, 'Fila', xlsxRows(source), isHeader);
  }
  if (start[0] === 0xd0 && start[1] === 0xcf && start[2] === 0x11 && start[3] === 0xe0) {
    throw unreadable(
      'Los archivos .xls (Excel 97-2003) no se pueden leer. Guárdalo como .xlsx o como CSV y vuelve a intentarlo.',
    );
  }
  const encoding = await detectEncoding(source);
  const lines = iconv
    .decode(Buffer.from(start), ICONV_NAME[encoding])
    .split(/\r\n|\n|\r/)
    .slice(0, HEADER_SEARCH_ROWS);
  // The delimiter of the header line: the first line that, split by its own most frequent
  // delimiter, holds the needed columns (a title line above it has none), else line 1's.
  const headerLine = lines.find((l) => isHeader(l.split(detectDelimiter(l)))) ?? lines[0] ?? '';
  const delimiter = detectDelimiter(headerLine);
  return withHeader(
    'csv',
    encoding,
    delimiter,
    'Línea',
    csvRows(source, encoding, delimiter),
    isHeader,
  );
}

async function withHeader(
  format: Table['format'],
  encoding: TextEncoding | null,
  delimiter: Delimiter | null,
  unit: Table['unit'],
  all: AsyncGenerator<RawRow>,
  isHeader: HeaderTest,
): Promise<Table> {
  // Rows read while looking for the header: when none qualifies, the first is the header and
  // the others are data, as if no search had been made.
  const seen: RawRow[] = [];
  let header: RawRow | undefined;
  for (;;) {
    const next = await all.next();
    if (next.done) break;
    if (isHeader(next.value.cells)) {
      header = next.value;
      seen.length = 0;
      break;
    }
    seen.push(next.value);
    if (next.value.line >= HEADER_SEARCH_ROWS) break;
  }
  if (!header) header = seen.shift();
  if (!header) throw unreadable('El archivo no tiene filas: falta al menos el encabezado.');
  const width = header.cells.length;
  async function* rows(): AsyncGenerator<RawRow> {
    for (const row of seen) {
      if (delimiter) checkWidth(row, width, delimiter);
      yield row;
    }
    for await (const row of { [Symbol.asyncIterator]: () => all }) {
      if (delimiter) checkWidth(row, width, delimiter);
      yield row;
    }
  }
  const close = async () => {
    await all.return(undefined);
  };
  return { format, encoding, delimiter, unit, header, rows: rows(), close };
}

/** A CSV row with fewer values than the header, or extra non-empty ones, has shifted columns. */
function checkWidth(row: RawRow, width: number, delimiter: Delimiter): void {
  const n = row.cells.length;
  if (n === width || (n > width && isBlank(row.cells.slice(width)))) return;
  row.problem =
    n < width
      ? `la fila tiene ${n} valores y el encabezado ${width} columnas (¿falta un valor o un separador ${delimiterName(delimiter)}?).`
      : `la fila tiene ${n} valores y el encabezado ${width} columnas (¿sobra un separador ${delimiterName(delimiter)} o faltan comillas?).`;
}

const LINE_BREAKS = /\r\n|\n|\r/g;

async function* csvRows(
  source: ImportSource,
  encoding: TextEncoding,
  delimiter: Delimiter,
): AsyncGenerator<RawRow> {
  const parser = parse({
    delimiter,
    record_delimiter: ['\r\n', '\n', '\r'],
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
    // Blank lines come through as records so that line numbers can be counted here:
    // csv-parse's own line counter drifts on CRLF inside quoted fields.
    skip_empty_lines: false,
  });
  const feeding = pipeline(Readable.from(source.open()), decodeStream(encoding), parser).catch(
    () => undefined, // the parser's own iteration reports the error
  );
  let line = 1;
  try {
    for await (const cells of records(parser)) {
      const at = line;
      line += 1;
      for (const cell of cells) {
        if (cell.includes('\n') || cell.includes('\r'))
          line += cell.match(LINE_BREAKS)?.length ?? 0;
      }
      if (!isBlank(cells)) yield { line: at, cells };
    }
  } catch (error) {
    throw csvError(error, line);
  } finally {
    parser.destroy();
    await feeding;
  }
}

/**
 * The parser's records in order, then its error if any. (A stream's async iterator drops the
 * records still buffered when the error arrives, and those tell which line is at fault.)
 */
async function* records(parser: Parser): AsyncGenerator<string[]> {
  let queue: string[][] = [];
  let next = 0;
  let failure: { error: unknown } | null = null;
  let ended = false;
  let wake: (() => void) | null = null;
  const notify = () => {
    wake?.();
    wake = null;
  };
  parser.on('data', (record: string[]) => {
    queue.push(record);
    if (queue.length - next >= 1000) parser.pause(); // backpressure while the database works
    notify();
  });
  parser.on('error', (error) => {
    failure = { error };
    notify();
  });
  parser.on('end', () => {
    ended = true;
    notify();
  });
  for (;;) {
    if (next < queue.length) {
      yield queue[next++] as string[];
    } else if (failure) {
      throw (failure as { error: unknown }).error;
    } else if (ended) {
      return;
    } else {
      queue = [];
      next = 0;
      if (parser.isPaused()) parser.resume();
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
    }
  }
}

function csvError(error: unknown, line: number): AppError {
  if (error instanceof AppError) return error;
  const code = (error as { code?: string }).code;
  if (code === 'CSV_QUOTE_NOT_CLOSED') {
    return unreadable(
      `Línea ${line}: unas comillas (") se abren y no se cierran hasta el final del archivo.`,
    );
  }
  return unreadable(
    `Línea ${line}: el archivo no se pudo leer como CSV (${(error as Error).message}).`,
  );
}

type Cell = CellValue;

/** The text a person sees in a cell (numbers as typed, formulas by their result). */
export function cellText(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'VERDADERO' : 'FALSO';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((t) => t.text).join('');
  if ('formula' in value || 'sharedFormula' in value) {
    return cellText((value as { result?: Cell }).result ?? null);
  }
  if ('hyperlink' in value) return String(value.text ?? '');
  if ('error' in value) return '';
  return String(value);
}

async function* xlsxRows(source: ImportSource): AsyncGenerator<RawRow> {
  const input = Readable.from(source.open());
  // Loaded on first use: most imports are CSV, and the server and CLI start faster without it.
  const { WorkbookReader } = await import('@cj-tech-master/excelts');
  const reader = new WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    entries: 'ignore',
  });
  try {
    for await (const sheet of reader) {
      for await (const row of sheet) {
        const values = Array.isArray(row.values) ? row.values : [];
        // Rows are 1-based as in ExcelJS, whose API excelts keeps: values[1] is column A.
        const cells = Array.from({ length: Math.max(values.length - 1, 0) }, (_, i) =>
          cellText(values[i + 1] as Cell),
        );
        if (!isBlank(cells)) yield { line: row.number, cells };
      }
      return; // only the first sheet is read
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw unreadable(
      `El archivo XLSX está dañado o no es una hoja de cálculo de Excel (${(error as Error).message}).`,
    );
  } finally {
    input.destroy();
  }
}
