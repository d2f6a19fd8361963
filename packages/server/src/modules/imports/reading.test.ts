import { Workbook } from '@cj-tech-master/excelts';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { detectEncoding } from './encoding.ts';
import { blobSource } from './source.ts';
import { openTable, type RawRow } from './table.ts';

// Reading files: encodings, delimiters, XLSX, line numbers and unreadable files. No database.

const source = (bytes: Uint8Array | string, name = 'archivo.csv') =>
  blobSource(new Blob([typeof bytes === 'string' ? Buffer.from(bytes) : Buffer.from(bytes)]), name);

async function read(bytes: Uint8Array | string) {
  const table = await openTable(source(bytes));
  const rows: RawRow[] = [];
  for await (const row of table.rows) rows.push(row);
  await table.close();
  return { ...table, rows };
}

const SPANISH = 'CEN_EDU;D_DREUGEL\r\nIE N° 82001 Ñaña;UGEL Jaén\r\nPEÑA BLANCA;JOSÉ GÁLVEZ\r\n';

describe('encoding detection', () => {
  it.each([
    ['UTF-8', Buffer.from(SPANISH, 'utf8'), 'utf-8'],
    [
      'UTF-8 with BOM',
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SPANISH)]),
      'utf-8',
    ],
    ['Latin-1', iconv.encode(SPANISH, 'latin1'), 'latin1'],
    ['IBM850', iconv.encode(SPANISH, 'cp850'), 'ibm850'],
    ['plain ASCII', Buffer.from('COD_MOD,ANEXO\n0512301,0\n'), 'utf-8'],
  ])('recognises %s', async (_name, bytes, expected) => {
    expect(await detectEncoding(source(bytes))).toBe(expected);
  });

  it.each([
    ['Ñaña', 'latin1'],
    ['Ñaña', 'cp850'],
    ['Jaén', 'latin1'],
    ['Jaén', 'cp850'],
    ['CAJAMARCA JAÉN', 'cp850'],
    ['Cajamarca–Jaén', 'win1252'],
    ['Huánuco', 'cp850'],
    ['MUÑOZ', 'latin1'],
  ])('tells %s in %s from the other code page, even alone', async (word, codePage) => {
    const detected = await detectEncoding(source(iconv.encode(`NOMBRE\n${word}\n`, codePage)));
    expect(detected).toBe(codePage === 'cp850' ? 'ibm850' : 'latin1');
  });

  it.each([
    ['utf8', 'utf-8'],
    ['win1252', 'latin1'],
    ['cp850', 'ibm850'],
  ])('reads accents back exactly from %s', async (codePage, encoding) => {
    const text = 'CEN_EDU;LUGAR\nIE Ñaña;Cajamarca – Jaén\nIE José Gálvez;Huánuco\n';
    const bytes =
      codePage === 'cp850'
        ? iconv.encode(text.replace('–', '-'), codePage)
        : iconv.encode(text, codePage);
    const table = await read(bytes);
    expect(table.encoding).toBe(encoding);
    expect(table.rows.map((r) => r.cells)).toEqual([
      ['IE Ñaña', codePage === 'cp850' ? 'Cajamarca - Jaén' : 'Cajamarca – Jaén'],
      ['IE José Gálvez', 'Huánuco'],
    ]);
  });
});

describe('CSV', () => {
  it('detects comma and semicolon delimiters and respects quotes', async () => {
    const comma = await read('COD_MOD,CEN_EDU,TALUMNO\n0512301,"IE 80412, Cascas",120\n');
    expect(comma.delimiter).toBe(',');
    expect(comma.rows).toEqual([{ line: 2, cells: ['0512301', 'IE 80412, Cascas', '120'] }]);
    const semicolon = await read('COD_MOD;CEN_EDU;NLAT_IE\r\n0512301;IE 80412; Cascas;-7,47\r\n');
    expect(semicolon.delimiter).toBe(';');
    expect(semicolon.rows[0]?.problem).toBe(
      'la fila tiene 4 valores y el encabezado 3 columnas (¿sobra un separador ";" o faltan comillas?).',
    );
  });

  it('numbers rows by file line, across blank lines and line breaks inside quotes', async () => {
    const table = await read('A;B\r\n1;2\r\n\r\n;\r\n"dos\r\nlíneas";3\r\n4;5\r\n6\r\n7;8;;\r\n');
    expect(table.header).toEqual({ line: 1, cells: ['A', 'B'] });
    expect(table.rows.map((r) => [r.line, r.cells.join('|'), r.problem ?? ''])).toEqual([
      [2, '1|2', ''],
      [5, 'dos\r\nlíneas|3', ''],
      [7, '4|5', ''],
      [
        8,
        '6',
        'la fila tiene 1 valores y el encabezado 2 columnas (¿falta un valor o un separador ";"?).',
      ],
      // Trailing empty values (Excel leaves them) are not a problem.
      [9, '7|8||', ''],
    ]);
  });

  it('reads Excel\'s "Unicode text" (UTF-16 with BOM, tab-separated)', async () => {
    const bytes = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      iconv.encode('COD_MOD\tCEN_EDU\r\n0512301\tIE Ñaña\r\n', 'utf16le'),
    ]);
    const table = await read(bytes);
    expect([table.encoding, table.delimiter]).toEqual(['utf-16le', '\t']);
    expect(table.header.cells).toEqual(['COD_MOD', 'CEN_EDU']);
    expect(table.rows).toEqual([{ line: 2, cells: ['0512301', 'IE Ñaña'] }]);
  });

  it('refuses files it cannot read, saying why in Spanish', async () => {
    await expect(read('')).rejects.toMatchObject({
      code: 'IMPORT_UNREADABLE_FILE',
      message: 'El archivo archivo.csv está vacío.',
    });
    await expect(
      read(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0])),
    ).rejects.toMatchObject({ code: 'IMPORT_UNREADABLE_FILE', message: /\.xls \(Excel 97-2003\)/ });
    await expect(read('A;B\n1;2\n3;"sin cerrar\n4;5\n')).rejects.toMatchObject({
      code: 'IMPORT_UNREADABLE_FILE',
      message: 'Línea 3: unas comillas (") se abren y no se cierran hasta el final del archivo.',
    });
    await expect(
      read(Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)])),
    ).rejects.toMatchObject({ code: 'IMPORT_UNREADABLE_FILE', message: /XLSX está dañado/ });
  });
});

describe('XLSX', () => {
  it('reads the first sheet, numbering rows as the sheet does', async () => {
    const book = new Workbook();
    const sheet = book.addWorksheet('Padrón');
    sheet.addRow(['COD_MOD', 'ANEXO', 'CEN_EDU', 'TALUMNO', 'NLAT_IE']);
    sheet.addRow([512301, 0, 'IE N° 80412 Ñaña', 124, -7.4789]);
    sheet.addRow([]);
    sheet.addRow([
      '0512318',
      0,
      { richText: [{ text: 'IE José ' }, { text: 'Gálvez', font: { bold: true } }] },
      { formula: '100+24', result: 124 },
      null,
    ]);
    book.addWorksheet('Otra').addRow(['ignorada']);
    const bytes = new Uint8Array(await book.xlsx.writeBuffer());

    const table = await read(bytes);
    expect(table.format).toBe('xlsx');
    expect(table.unit).toBe('Fila');
    expect(table.encoding).toBeNull();
    expect(table.header.cells).toEqual(['COD_MOD', 'ANEXO', 'CEN_EDU', 'TALUMNO', 'NLAT_IE']);
    expect(table.rows).toEqual([
      { line: 2, cells: ['512301', '0', 'IE N° 80412 Ñaña', '124', '-7.4789'] },
      { line: 4, cells: ['0512318', '0', 'IE José Gálvez', '124'] },
    ]);
  });
});
