import iconv from 'iconv-lite';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll } from 'vitest';
import type { Database } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import type { TestTarget } from '../../test/databases.ts';
import { ORIGIN, TestClient } from '../../test/http.ts';

// Shared by the import tests: padrón rows (Latin-1 accents on purpose) and a harness that
// logs the demo accounts in and uploads files as a browser would (multipart, Origin, cookie).

export const HEADER =
  'COD_MOD;ANEXO;CODLOCAL;CEN_EDU;NIV_MOD;D_COD_CAR;GESTION;DAREACENSO;CODGEO;CODOOII;D_DREUGEL;NLAT_IE;NLONG_IE;D_ESTADO;TALUMNO;TDOCENTE';
export const ROW = {
  naña: '0712001;0;612001;IE N° 82001 Ñaña;B0;Unidocente;1;Rural;060801;060008;UGEL Jaén;-5,7081;-78,8077;Activa;18;1',
  señor:
    '0712002;0;612002;IE Señor de Huamantanga;B0;Polidocente Multigrado;1;Rural;060801;060008;UGEL Jaén;-5,71;-78,80;Activa;64;3',
  josé: '0712004;0;612004;IE José Gálvez Egúsquiza;F0;Polidocente Completo;1;Urbana;060801;060008;UGEL Jaén;-5,7;-78,81;Activa;320;18',
  cetpro:
    '0712005;0;612005;CETPRO Jaén;L0;No aplica;1;Urbana;060801;060008;UGEL Jaén;-5,7;-78,81;Activa;80;6',
};
export const WRONG_CODE =
  '12A4567;0;612003;IE Túpac Amaru;A2;No aplica;1;Rural;060801;060008;UGEL Jaén;-5,7;-78,8;Activa;25;1';
// One value short: the row has no CODLOCAL at all.
export const SHORT_ROW =
  '0712003;0;IE Túpac Amaru;A2;No aplica;1;Rural;060801;060008;UGEL Jaén;-5,7;-78,8;Activa;25;1';
export const FIXED_ROW =
  '0712003;0;612003;IE Túpac Amaru;A2;No aplica;1;Rural;060801;060008;UGEL Jaén;-5,7;-78,8;Activa;25;1';

export const latin1 = (lines: string[]) => iconv.encode(`${lines.join('\r\n')}\r\n`, 'latin1');

export interface Harness {
  db: Kysely<DB>;
  client: TestClient;
  cookies: Record<string, string>;
  upload(
    kind: 'schools' | 'teachers' | 'coaches',
    bytes: Uint8Array,
    role?: string,
    query?: string,
    name?: string,
    // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON
  ): Promise<{ status: number; body: any }>;
}

/** Registers beforeAll/afterAll on the calling describe block; fields are set before tests run. */
export function importHarness(target: TestTarget): Harness {
  let database: Database;
  const h = { cookies: {} } as Harness;
  beforeAll(async () => {
    database = await target.open();
    h.db = database.db;
    h.client = new TestClient(database);
    for (const [role, dni] of Object.entries({
      minedu: '10000001',
      especialista: '50000001',
      director: '40000001',
      docente: '30000001',
    })) {
      h.cookies[role] = await h.client.login(dni);
    }
  });
  afterAll(async () => {
    await database.close();
  });
  h.upload = async (kind, bytes, role = 'minedu', query = '', name = 'padron.csv') => {
    const form = new FormData();
    form.append('file', new File([Buffer.from(bytes)], name));
    const res = await h.client.request(`/api/v1/imports/${kind}${query}`, {
      method: 'POST',
      headers: { origin: ORIGIN, cookie: h.cookies[role] ?? '' },
      body: form,
    });
    return { status: res.status, body: await res.json() };
  };
  return h;
}

export function schoolsLike(db: Kysely<DB>, prefix: string) {
  return db
    .selectFrom('school')
    .selectAll()
    .where('codigo_modular', 'like', `${prefix}%`)
    .orderBy('codigo_modular')
    .execute();
}
