import { Workbook } from '@cj-tech-master/excelts';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { testTargets } from '../../test/databases.ts';
import { importHarness, latin1, schoolsLike } from './testing.ts';

// Padrón exports as they come (issue 12): level labels instead of codes (D_NIV_MOD), title
// rows above the header, and a file with a header and no data.

const LABEL_HEADER = 'COD_MOD;ANEXO;CEN_EDU;D_NIV_MOD;CODGEO;CODOOII;D_DREUGEL;DAREACENSO';
const row = (codMod: string, name: string, level: string) =>
  `${codMod};0;${name};${level};080601;080006;UGEL Canchis;Rural`;

const auditImports = async (db: Parameters<typeof schoolsLike>[0]) =>
  Number(
    (
      await sql<{
        n: string;
      }>`SELECT count(*) AS n FROM audit_event WHERE action = 'import'`.execute(db)
    ).rows[0]?.n,
  );

describe.each(testTargets())('padrón formats on $engine', (target) => {
  const h = importHarness(target);

  it('imports a padrón with level labels only, skipping the levels Acompaña does not serve', async () => {
    const file = latin1([
      LABEL_HEADER,
      row('0813001', 'IE Inicial Ñuñoa', 'Inicial - Jardín'),
      row('0813002', 'IE Cuna-jardín Sicuani', 'Inicial - Cuna-jardín'),
      row('0813003', 'IE 56001 Sicuani', 'Primaria'),
      row('0813004', 'IE Mateo Pumacahua', 'Secundaria'),
      row('0813005', 'CEBA Sicuani', 'Básica Alternativa-Avanzado'),
      row('0813006', 'CETPRO Canchis', 'Técnico Productiva'),
      row('0813007', 'CEBE Sicuani', 'Básica Especial-Primaria'),
      row('0813008', 'ODEC Sicuani', 'No aplica'),
    ]);
    const { status, body } = await h.upload('schools', file);
    expect(status).toBe(200);
    expect(body).toMatchObject({ applied: true, rows: 8, created: 4, skipped: 4, invalidRows: 0 });
    expect(body.skippedReasons.map((s: { reason: string }) => s.reason).sort()).toEqual([
      'D_NIV_MOD "Básica Alternativa-Avanzado" (D2): Acompaña importa solo inicial, primaria y secundaria (A1, A2, A3, B0, F0)',
      'D_NIV_MOD "Básica Especial-Primaria" (E2): Acompaña importa solo inicial, primaria y secundaria (A1, A2, A3, B0, F0)',
      'D_NIV_MOD "Técnico Productiva": Acompaña importa solo inicial, primaria y secundaria (A1, A2, A3, B0, F0)',
      'nivel/modalidad "No aplica": no es un servicio educativo (por ejemplo, una oficina ODEC)',
    ]);
    const schools = await schoolsLike(h.db, '08130');
    expect(schools.map((s) => [s.codigo_modular, s.level])).toEqual([
      ['0813001', 'A2'],
      ['0813002', 'A3'],
      ['0813003', 'B0'],
      ['0813004', 'F0'],
    ]);
  });

  it('says on the line when NIV_MOD and D_NIV_MOD disagree, and imports nothing', async () => {
    const header = `${LABEL_HEADER};NIV_MOD`;
    const file = latin1([
      header,
      `${row('0813101', 'IE 56101', 'Primaria')};B0`,
      `${row('0813102', 'IE 56102', 'Secundaria')};B0`,
    ]);
    const { status, body } = await h.upload('schools', file);
    expect(status).toBe(422);
    expect(body.error.details.invalid).toEqual([
      {
        line: 3,
        field: 'D_NIV_MOD',
        message:
          'Línea 3, D_NIV_MOD: no coincide con NIV_MOD: NIV_MOD dice B0 y D_NIV_MOD dice "Secundaria" (F0); corrige una de las dos.',
      },
    ]);
    expect(await schoolsLike(h.db, '081310')).toEqual([]);
  });

  it('finds the header below title rows of an XLSX and of a CSV, numbering rows as the file does', async () => {
    const book = new Workbook();
    const sheet = book.addWorksheet('Padrón');
    sheet.addRow(['Padrón de instituciones educativas — UGEL Canchis']);
    sheet.addRow(['Fuente: ESCALE, fecha de corte 30/06']);
    sheet.addRow(LABEL_HEADER.split(';'));
    sheet.addRow(row('0813201', 'IE 56201', 'Primaria').split(';'));
    sheet.addRow(row('0813202', 'IE 56202', 'Preprimaria').split(';'));
    const xlsx = new Uint8Array(await book.xlsx.writeBuffer());
    const fromXlsx = await h.upload('schools', xlsx, 'minedu', '?dryRun=true', 'padron.xlsx');
    expect(fromXlsx.status).toBe(422);
    expect(fromXlsx.body.error.details).toMatchObject({ rows: 2, created: 1, invalidRows: 1 });
    expect(fromXlsx.body.error.details.invalid).toEqual([
      {
        line: 5,
        field: 'D_NIV_MOD',
        message:
          'Fila 5, D_NIV_MOD: el nivel/modalidad no es uno de los del padrón, como "Inicial - Jardín", "Primaria" o "Secundaria" (se leyó "Preprimaria").',
      },
    ]);

    const csv = latin1([
      'Padrón de IIEE - UGEL Canchis',
      '',
      LABEL_HEADER,
      row('0813203', 'IE 56203', 'Primaria'),
      row('0813204', 'IE 56204', 'Nivel raro'),
    ]);
    const fromCsv = await h.upload('schools', csv, 'minedu', '?dryRun=true');
    expect(fromCsv.status).toBe(422);
    expect(fromCsv.body.error.details).toMatchObject({ delimiter: ';', rows: 2, created: 1 });
    expect(fromCsv.body.error.details.invalid[0].line).toBe(5);
  });

  it('refuses a file with a header and no data, saving and recording nothing', async () => {
    const before = await auditImports(h.db);
    for (const [bytes, name, position] of [
      [latin1([LABEL_HEADER]), 'padron.csv', 'línea 1'],
      [latin1(['Padrón 2026', LABEL_HEADER, ';;;;;;;', '']), 'padron.csv', 'línea 2'],
    ] as const) {
      const { status, body } = await h.upload('schools', bytes, 'minedu', '', name);
      expect(status).toBe(422);
      expect(body.error).toEqual({
        code: 'IMPORT_NO_ROWS',
        message: `El archivo no tiene filas de datos: solo el encabezado (${position}). No se importó nada.`,
        details: { line: Number(position.split(' ')[1]) },
      });
    }
    expect(await auditImports(h.db)).toBe(before);
  });
});
