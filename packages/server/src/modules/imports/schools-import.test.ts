import { Workbook } from '@cj-tech-master/excelts';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { testTargets } from '../../test/databases.ts';
import {
  FIXED_ROW,
  HEADER,
  importHarness,
  latin1,
  ROW,
  SHORT_ROW,
  schoolsLike,
  WRONG_CODE,
} from './testing.ts';

// School imports through the API on both engines: the "done when" scenario of the issue (wrong
// código modular, a missing column and Latin-1 accents → exact line-numbered errors and
// nothing imported; the corrected file imports; importing it again changes nothing), dry runs,
// skipInvalid, authorization, XLSX, large uploads and the OpenAPI entry.

describe.each(testTargets())('school imports on $engine', (target) => {
  const h = importHarness(target);

  it('refuses a file with a wrong código modular and a missing value, naming line and field, and imports nothing', async () => {
    const file = latin1([HEADER, ROW.naña, WRONG_CODE, SHORT_ROW, ROW.josé, ROW.cetpro]);
    const { status, body } = await h.upload('schools', file);
    expect(status).toBe(422);
    expect(body.error.code).toBe('IMPORT_INVALID_ROWS');
    expect(body.error.message).toBe(
      'El archivo tiene 2 filas inválidas; no se importó nada. Corrige el archivo o impórtalo omitiendo las filas inválidas.',
    );
    expect(body.error.details.invalid).toEqual([
      {
        line: 3,
        field: 'COD_MOD',
        message:
          'Línea 3, COD_MOD: el código modular debe tener hasta 7 dígitos (se leyó "12A4567").',
      },
      {
        line: 4,
        message:
          'Línea 4: la fila tiene 15 valores y el encabezado 16 columnas (¿falta un valor o un separador ";"?).',
      },
    ]);
    expect(body.error.details).toMatchObject({
      kind: 'schools',
      encoding: 'latin1',
      delimiter: ';',
      applied: false,
      rows: 5,
      created: 2,
      skipped: 1,
      invalidRows: 2,
      invalidIssues: 2,
      ugelsCreated: 1,
    });
    expect(await schoolsLike(h.db, '0712')).toEqual([]);
    const ugel = await h.db.selectFrom('ugel').select('id').where('code', '=', '060008').execute();
    expect(ugel).toEqual([]);
  });

  it('refuses a cell holding U+0000 with its line and column, never a server error', async () => {
    const withNul = ROW.naña.replace('IE N° 82001 Ñaña', 'IE N° 82001 \u0000Ñaña');
    const { status, body } = await h.upload('schools', latin1([HEADER, withNul, ROW.josé]));
    expect(status).toBe(422);
    expect(body.error.code).toBe('IMPORT_INVALID_ROWS');
    expect(body.error.details.invalid).toEqual([
      {
        line: 2,
        field: 'CEN_EDU',
        message:
          'Línea 2, CEN_EDU: contiene un carácter no permitido (U+0000). Bórralo y vuelve a intentarlo.',
      },
    ]);
    expect(await schoolsLike(h.db, '0712')).toEqual([]);
  });

  it('names a missing required column (line 1, the header) and imports nothing', async () => {
    const drop = (line: string) =>
      line.split(';').slice(0, 9).concat(line.split(';').slice(10)).join(';');
    const file = latin1([HEADER, ROW.naña].map(drop));
    const { status, body } = await h.upload('schools', file);
    expect(status).toBe(422);
    expect(body.error).toEqual({
      code: 'IMPORT_MISSING_COLUMNS',
      message: 'Línea 1 (encabezado): falta la columna obligatoria CODOOII.',
      details: { missing: ['CODOOII'], line: 1 },
    });
    expect(await schoolsLike(h.db, '0712')).toEqual([]);
  });

  it('dry-runs the corrected file, imports it with its accents, and re-importing changes nothing', async () => {
    const file = latin1([HEADER, ROW.naña, FIXED_ROW, ROW.señor, ROW.josé, ROW.cetpro]);

    const dry = await h.upload('schools', file, 'minedu', '?dryRun=true');
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ dryRun: true, applied: false, created: 4, skipped: 1 });
    expect(await schoolsLike(h.db, '0712')).toEqual([]);

    const first = await h.upload('schools', file);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      kind: 'schools',
      file: 'padron.csv',
      format: 'csv',
      encoding: 'latin1',
      dryRun: false,
      applied: true,
      rows: 5,
      created: 4,
      updated: 0,
      unchanged: 0,
      skipped: 1,
      invalidRows: 0,
      invalid: [],
      regionsCreated: 1,
      ugelsCreated: 1,
    });
    expect(first.body.skippedReasons).toEqual([
      {
        reason:
          'NIV_MOD L0 (Técnico-Productiva (CETPRO)): Acompaña importa solo inicial, primaria y secundaria (A1, A2, A3, B0, F0)',
        count: 1,
      },
    ]);
    const schools = await schoolsLike(h.db, '0712');
    expect(schools.map((s) => s.name)).toEqual([
      'IE N° 82001 Ñaña',
      'IE Señor de Huamantanga',
      'IE Túpac Amaru',
      'IE José Gálvez Egúsquiza',
    ]);
    expect(schools[0]).toMatchObject({
      codigo_modular: '0712001',
      anexo: 0,
      codlocal: '612001',
      level: 'B0',
      characteristic: 'unidocente',
      area: 'rural',
      ubigeo: '060801',
      management: 'Pública de gestión directa',
      active: true,
      students: 18,
      teachers: 1,
    });
    expect(Number(schools[0]?.latitude)).toBe(-5.7081);
    const territory = await sql<{ ugel: string; region: string; code: string }>`
      SELECT u.name AS ugel, r.name AS region, r.code FROM ugel u JOIN region r ON r.id = u.region_id
      WHERE u.code = '060008'`.execute(h.db);
    expect(territory.rows).toEqual([{ ugel: 'UGEL Jaén', region: 'Cajamarca', code: '06' }]);

    const audit = await h.db
      .selectFrom('audit_event as a')
      .innerJoin('person as p', 'p.id', 'a.actor_id')
      .select(['p.dni', 'a.resource_kind', 'a.detail'])
      .where('a.action', '=', 'import')
      .execute();
    expect(audit).toEqual([
      {
        dni: '10000001',
        resource_kind: 'school',
        detail: {
          file: 'padron.csv',
          rows: 5,
          created: 4,
          updated: 0,
          unchanged: 0,
          skipped: 1,
          invalidRows: 0,
        },
      },
    ]);

    const again = await h.upload('schools', file);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ created: 0, updated: 0, unchanged: 4, skipped: 1 });
    expect(again.body.regionsCreated + again.body.ugelsCreated).toBe(0);

    const changed = latin1([HEADER, ROW.naña.replace(';18;1', ';19;1'), FIXED_ROW]);
    const third = await h.upload('schools', changed);
    expect(third.body).toMatchObject({ created: 0, updated: 1, unchanged: 1 });
    expect((await schoolsLike(h.db, '0712001'))[0]?.students).toBe(19);
  });

  it('with skipInvalid imports the valid rows and still reports the invalid ones', async () => {
    const file = latin1([
      HEADER,
      ROW.naña.replace('0712001', '0712101'),
      WRONG_CODE,
      ROW.josé.replace('0712004', '0712104'),
    ]);
    const { status, body } = await h.upload('schools', file, 'minedu', '?skipInvalid=true');
    expect(status).toBe(200);
    expect(body).toMatchObject({ applied: true, created: 2, invalidRows: 1 });
    expect(body.invalid[0].message).toMatch(/^Línea 3, COD_MOD: /);
    expect((await schoolsLike(h.db, '07121')).map((s) => s.codigo_modular)).toEqual([
      '0712101',
      '0712104',
    ]);
  });

  it('lets a UGEL specialist import only inside their UGEL; other roles are refused', async () => {
    const file = latin1([
      HEADER,
      '0512901;0;;IE N° 80999 Sayapullo;B0;Unidocente;1;Rural;130303;130012;;-7.6;-78.5;Activa;12;1',
      ROW.naña.replace('0712001', '0712201'),
      '0712202;0;;IE Lejana;B0;Unidocente;1;Rural;060801;060099;;-5.7;-78.8;Activa;12;1',
    ]);
    const refused = await h.upload('schools', file, 'especialista');
    expect(refused.status).toBe(422);
    expect(refused.body.error.details.invalid.map((i: { message: string }) => i.message)).toEqual([
      'Línea 3, CODOOII: fuera de tu ámbito: no puedes crear IIEE de la UGEL 060008.',
      'Línea 4, CODOOII: fuera de tu ámbito: la UGEL 060099 no está entre las que puedes administrar.',
    ]);
    const partial = await h.upload('schools', file, 'especialista', '?skipInvalid=true');
    expect(partial.body).toMatchObject({
      applied: true,
      created: 1,
      invalidRows: 2,
      ugelsCreated: 0,
    });
    expect((await schoolsLike(h.db, '0512901'))[0]?.name).toBe('IE N° 80999 Sayapullo');
    expect(await schoolsLike(h.db, '07122')).toEqual([]);

    for (const role of ['docente', 'director']) {
      for (const kind of ['schools', 'teachers'] as const) {
        const res = await h.upload(kind, file, role);
        expect(res.status).toBe(403);
        expect(res.body.error.code).toBe('FORBIDDEN');
      }
    }
    const anonymous = await h.upload('schools', file, 'nadie');
    expect(anonymous.status).toBe(401);
  });

  it('reads XLSX (rows by sheet number), accepts uploads above 1 MiB and caps the listed problems', async () => {
    const book = new Workbook();
    const sheet = book.addWorksheet('Padrón');
    sheet.addRow(HEADER.split(';'));
    sheet.addRow([
      712301,
      0,
      '612301',
      'IE Xlsx Ñandú',
      'B0',
      'Unidocente',
      1,
      'Rural',
      '060801',
      '060008',
      'UGEL Jaén',
      -5.7,
      -78.8,
      'Activa',
      10,
      1,
    ]);
    sheet.addRow([
      'X',
      0,
      '612302',
      'IE Mala',
      'B0',
      '',
      1,
      'Rural',
      '060801',
      '060008',
      '',
      -5.7,
      -78.8,
      'Activa',
      10,
      1,
    ]);
    const xlsx = new Uint8Array(await book.xlsx.writeBuffer());
    const partial = new Workbook();
    partial.addWorksheet('Padrón').addRow(['COD_MOD', 'ANEXO', 'CEN_EDU', 'NIV_MOD']);
    const noColumns = await h.upload(
      'schools',
      new Uint8Array(await partial.xlsx.writeBuffer()),
      'minedu',
      '',
      'incompleto.xlsx',
    );
    expect(noColumns.body.error.message).toBe(
      'Fila 1 (encabezado): faltan las columnas obligatorias CODGEO y CODOOII.',
    );
    const res = await h.upload('schools', xlsx, 'minedu', '', 'padron.xlsx');
    expect(res.status).toBe(422);
    expect(res.body.error.details).toMatchObject({ format: 'xlsx', encoding: null, created: 1 });
    expect(res.body.error.details.invalid[0].message).toBe(
      'Fila 3, COD_MOD: el código modular debe tener hasta 7 dígitos (se leyó "X").',
    );

    const rows = [HEADER];
    for (let i = 0; i < 11_000; i++) {
      const code = String(800000 + i).padStart(7, '0');
      rows.push(i < 1200 ? WRONG_CODE : `${code}${ROW.naña.slice(7)}`);
    }
    const big = latin1(rows);
    expect(big.length).toBeGreaterThan(1024 * 1024);
    const capped = await h.upload('schools', big);
    expect(capped.status).toBe(422);
    const details = capped.body.error.details;
    expect(details).toMatchObject({
      rows: 11_000,
      created: 9800,
      invalidRows: 1200,
      invalidIssues: 1200,
    });
    expect(details.invalid).toHaveLength(1000);
    expect(details.invalid[999].line).toBe(1001);
  });

  it('documents the import routes in OpenAPI', async () => {
    const { body } = await h.client.getJson('/api/v1/openapi.json', h.cookies.minedu ?? '');
    const post = body.paths['/imports/schools'].post;
    expect(Object.keys(post.requestBody.content)).toEqual(['multipart/form-data']);
    expect(post.responses['200'].content['application/json'].schema).toBeDefined();
    expect(body.paths['/imports/teachers']).toBeDefined();
  });
});
