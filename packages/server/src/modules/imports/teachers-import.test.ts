import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { testTargets } from '../../test/databases.ts';
import { HEADER, importHarness, latin1, ROW } from './testing.ts';

// Teacher imports through the API on both engines: people by DNI and their posts by school and
// year, exact errors, idempotency and the importer's scope.

describe.each(testTargets())('teacher imports on $engine', (target) => {
  const h = importHarness(target);
  beforeAll(async () => {
    const padron = await h.upload('schools', latin1([HEADER, ROW.naña, ROW.josé]));
    if (padron.status !== 200) throw new Error(JSON.stringify(padron.body));
  });

  it('imports teachers and their posts, with exact errors and idempotency', async () => {
    const header =
      'DNI;NOMBRES;APELLIDO_PATERNO;APELLIDO_MATERNO;COD_MOD;ANEXO;NIVEL;GRADOS;AREA;AÑO';
    const rosa = '70000001;Rosa;Ñahui;Quispe;0712001;0;Primaria;1-2;;2025';
    const lines = [
      header,
      rosa,
      '70000002;José;Pérez;;0712004;0;Primaria;1;Matemática;2025',
      '70000003;Ana;Díaz;;0799999;0;;;;2025',
      rosa,
      '70000004;Luz;Rojas;;0712004;0;Secundaria;5-6;Comunicación;2025',
    ];
    const bad = await h.upload('teachers', latin1(lines));
    expect(bad.status).toBe(422);
    expect(bad.body.error.details.invalid.map((i: { message: string }) => i.message)).toEqual([
      'Línea 3, NIVEL: el nivel primaria no coincide con el de la IE (F0, secundaria).',
      'Línea 4, COD_MOD: la IE 0799999-0 no está registrada en Acompaña; importa primero el padrón de instituciones educativas.',
      'Línea 5, DNI: el DNI 70000001 ya aparece en la línea 2 con la misma IE y año.',
      'Línea 6, GRADOS: el grado 6 no existe en secundaria (1 a 5).',
    ]);
    expect(
      await h.db.selectFrom('person').select('id').where('dni', 'like', '7000000%').execute(),
    ).toEqual([]);

    const good = [
      header,
      rosa,
      '70000002;José;Pérez;;0712004;0;Secundaria;1;Matemática;2025',
      '70000002;José;Pérez;;0712004;0;Secundaria;2;Matemática;2026',
      '70000004;Luz;Rojas;;0712004;0;F0;4-5;Comunicación;2025',
    ];
    const first = await h.upload('teachers', latin1(good));
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ created: 4, updated: 0, unchanged: 0, invalidRows: 0 });
    const posts = await sql<{
      dni: string;
      surname: string;
      year: number;
      grades: number[];
      subject: string | null;
      level: string;
    }>`
      SELECT p.dni, p.paternal_surname AS surname, tp.school_year AS year, tp.grades, tp.subject, tp.level
      FROM teacher_post tp JOIN person p ON p.id = tp.person_id
      WHERE p.dni LIKE '7000000%' ORDER BY p.dni, tp.school_year`.execute(h.db);
    expect(posts.rows).toEqual([
      { dni: '70000001', surname: 'Ñahui', year: 2025, grades: [1, 2], subject: null, level: 'B0' },
      {
        dni: '70000002',
        surname: 'Pérez',
        year: 2025,
        grades: [1],
        subject: 'Matemática',
        level: 'F0',
      },
      {
        dni: '70000002',
        surname: 'Pérez',
        year: 2026,
        grades: [2],
        subject: 'Matemática',
        level: 'F0',
      },
      {
        dni: '70000004',
        surname: 'Rojas',
        year: 2025,
        grades: [4, 5],
        subject: 'Comunicación',
        level: 'F0',
      },
    ]);

    const again = await h.upload('teachers', latin1(good));
    expect(again.body).toMatchObject({ created: 0, updated: 0, unchanged: 4 });
    const renamed = good.map((l) => l.replace('Rojas', 'Rojas Vda. de Paz'));
    const third = await h.upload('teachers', latin1(renamed));
    expect(third.body).toMatchObject({ created: 0, updated: 1, unchanged: 3 });

    // The specialist of UGEL Gran Chimú cannot place teachers in a school of UGEL Jaén.
    const outside = await h.upload(
      'teachers',
      latin1([header, rosa.replace('70000001', '70000009')]),
      'especialista',
    );
    expect(outside.body.error.details.invalid[0].message).toBe(
      'Línea 2, COD_MOD: fuera de tu ámbito: la IE 0712001-0 no está entre las que puedes administrar.',
    );
  });
});
