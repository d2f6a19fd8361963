import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { testTargets } from '../../test/databases.ts';
import { formatReport } from './format.ts';
import { CLI_OPERATOR, runImport } from './run.ts';
import { fileSource } from './source.ts';
import { importHarness, latin1, HEADER as PADRON_HEADER, ROW } from './testing.ts';

// `import coaches` (issue 14): the same registration as the web app, row by row in one
// transaction — people by DNI or new, a dated coach role in a UGEL —, with line-numbered
// Spanish errors, nothing saved when a row is wrong, idempotent, scoped by the policy through
// the API and unrestricted for the operator (CLI, with --dry-run).

const HEADER =
  'DNI;NOMBRES;APELLIDO_PATERNO;APELLIDO_MATERNO;CODOOII;INTERVENCIÓN;FECHA_INICIO;FECHA_FIN;TIPO';

describe.each(testTargets())('coach imports on $engine', (target) => {
  const h = importHarness(target);
  let ugel = '';
  beforeAll(async () => {
    const row = await h.db
      .selectFrom('role_assignment as ra')
      .innerJoin('person as p', 'p.id', 'ra.person_id')
      .innerJoin('ugel as u', 'u.id', 'ra.scope_id')
      .select('u.code')
      .where('p.dni', '=', '50000001')
      .executeTakeFirstOrThrow();
    ugel = row.code;
    // A UGEL outside the especialista's (the padrón rows' UGEL Jaén).
    const padron = await h.upload('schools', latin1([PADRON_HEADER, ROW.naña]));
    if (padron.status !== 200) throw new Error(JSON.stringify(padron.body));
  });

  it('reports every wrong row by line and saves nothing', async () => {
    const lines = [
      HEADER,
      `48200001;Julia;Condori;Apaza;${ugel};MULTIGRADO;01/03/2026;;Acompañante pedagógico`,
      `4820002;Rosa;Mamani;;${ugel};MULTIGRADO;2026-03-01;;`,
      `48200003;Luis;Huamán;;${ugel};MULTIGRADO;2026-03-01;2026-02-01;`,
      `48200001;Julia;Condori;Apaza;${ugel};MULTIGRADO;2026-03-01;;`,
      `48200005;Ana;Soto;;999999;MULTIGRADO;2026-03-01;;`,
      `48200006;;;;${ugel};MULTIGRADO;2026-03-01;;`,
      `48200007;Eva;Ramos;;${ugel};NOEXISTE;2026-03-01;;`,
      `48200008;Iván;Rojas;;${ugel};MULTIGRADO;30/02/2026;;`,
    ];
    const bad = await h.upload('coaches', latin1(lines), 'especialista');
    expect(bad.status).toBe(422);
    expect(bad.body.error.code).toBe('IMPORT_INVALID_ROWS');
    expect(bad.body.error.details.invalid.map((i: { message: string }) => i.message)).toEqual([
      'Línea 3, DNI: el DNI debe tener exactamente 8 dígitos (se leyó "4820002").',
      'Línea 4, FECHA_FIN: la fecha de fin (2026-02-01) es anterior a la de inicio (2026-03-01).',
      'Línea 5, DNI: el DNI 48200001 ya aparece en la línea 2.',
      'Línea 6, CODOOII: la UGEL 999999 no está registrada en Acompaña; importa primero el padrón.',
      'Línea 7, NOMBRES: no hay nadie con el DNI 48200006 en las listas: escribe sus nombres y apellidos para registrarla.',
      'Línea 8, INTERVENCIÓN: la intervención NOEXISTE no existe.',
      'Línea 9, FECHA_INICIO: la fecha de inicio debe ser una fecha como 2027-03-01 o 01/03/2027 (se leyó "30/02/2026").',
    ]);
    const people = await h.db
      .selectFrom('person')
      .select('id')
      .where('dni', 'like', '482000%')
      .execute();
    expect(people).toEqual([]);
  });

  it('registers the coaches of the especialista UGEL, refuses another UGEL, and is idempotent', async () => {
    const outside = await h.upload(
      'coaches',
      latin1([HEADER, `48200011;Ana;Soto;;060008;MULTIGRADO;2026-03-01;;`]),
      'especialista',
    );
    expect(outside.status).toBe(422);
    expect(outside.body.error.details.invalid[0].message).toMatch(
      /^Línea 2, CODOOII: eso está fuera de tu ámbito/,
    );

    const good = [
      HEADER,
      `48200001;Julia;Condori;Apaza;${ugel};MULTIGRADO;01/03/2026;;Acompañante pedagógico`,
      `48200002;Rosa;Mamani;;${ugel};MULTIGRADO;2026-03-01;2026-12-31;`,
    ];
    const dry = await h.upload('coaches', latin1(good), 'especialista', '?dryRun=true');
    expect(dry.body).toMatchObject({ created: 2, applied: false });
    expect(
      await h.db.selectFrom('person').select('id').where('dni', 'like', '482000%').execute(),
    ).toEqual([]);

    const first = await h.upload('coaches', latin1(good), 'especialista');
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ kind: 'coaches', created: 2, unchanged: 0, applied: true });
    const roles = await h.db
      .selectFrom('role_assignment as ra')
      .innerJoin('person as p', 'p.id', 'ra.person_id')
      .select(['p.dni', 'ra.role', 'ra.valid_from', 'ra.valid_to'])
      .where('p.dni', 'like', '482000%')
      .orderBy('p.dni')
      .execute();
    expect(roles.map((r) => [r.dni, r.role, String(r.valid_to === null ? null : 'end')])).toEqual([
      ['48200001', 'acompanante', 'null'],
      ['48200002', 'acompanante', 'end'],
    ]);
    const again = await h.upload('coaches', latin1(good), 'especialista');
    expect(again.body).toMatchObject({ created: 0, unchanged: 2 });

    // Overlapping a role that is there is a row error, not a silent change.
    const overlap = await h.upload(
      'coaches',
      latin1([HEADER, `48200001;Julia;Condori;Apaza;${ugel};MULTIGRADO;2026-06-01;;`]),
      'especialista',
    );
    expect(overlap.body.error.details.invalid[0].message).toMatch(
      /^Línea 2, DNI: esta persona ya tiene ese rol/,
    );
    const denied = await h.upload('coaches', latin1(good), 'director');
    expect(denied.status).toBe(403);
  });
});

describe.each(testTargets())('acompana import coaches (the operator) on $engine', (target) => {
  const h = importHarness(target);

  it('validates with --dry-run, then registers in any UGEL without a policy, audited as the operator', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'acompana-coaches-'));
    try {
      const file = path.join(dir, 'acompanantes.csv');
      await fs.writeFile(
        file,
        iconv.encode(
          `${HEADER}\r\n48300001;Nélida;Ccori;;060008;SPI;2026-03-01;;ASPI\r\n`,
          'latin1',
        ),
      );
      // What `acompana import coaches FILE [--dry-run]` runs (command.ts), on this database.
      const padron = await h.upload('schools', latin1([PADRON_HEADER, ROW.naña]));
      expect(padron.status).toBe(200);
      const options = { skipInvalid: false, auditActorId: null };
      const dry = await runImport(h.db, CLI_OPERATOR, 'coaches', await fileSource(file), {
        ...options,
        dryRun: true,
      });
      expect(dry).toMatchObject({ created: 1, applied: false });
      expect(formatReport(dry)).toContain('acompañantes');
      const done = await runImport(h.db, CLI_OPERATOR, 'coaches', await fileSource(file), {
        ...options,
        dryRun: false,
      });
      expect(done).toMatchObject({ created: 1, applied: true });
      const rows = await h.db
        .selectFrom('coach_profile as cp')
        .innerJoin('person as p', 'p.id', 'cp.person_id')
        .select(['p.dni', 'p.given_names', 'cp.kind', 'cp.intervention_code'])
        .where('p.dni', '=', '48300001')
        .execute();
      expect(rows).toEqual([
        { dni: '48300001', given_names: 'Nélida', kind: 'aspi', intervention_code: 'SPI' },
      ]);
      const audit = await h.db
        .selectFrom('audit_event')
        .select(['action', 'actor_id', 'detail'])
        .where('resource_kind', '=', 'person')
        .where('detail', 'is not', null)
        .orderBy('id', 'desc')
        .limit(2)
        .execute();
      expect(audit.map((a) => [a.action, a.actor_id])).toEqual([
        ['role.assign', null],
        ['person.create', null],
      ]);
      expect(JSON.stringify(audit[0]?.detail)).toContain('cli');
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
