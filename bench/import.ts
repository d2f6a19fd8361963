// Measures `acompana import schools FILE` on PGlite: generates a 100,000-row padrón-format CSV
// (ESCALE columns, realistic códigos, ubigeos, ~200 UGELs in 25 departamentos, accents),
// migrates a fresh temporary data dir (not timed: that is `acompana start`'s job), then times
// the CLI's own code path (open data dir, import in one transaction, close). Prints one JSON
// object on stdout; the import report goes to stderr. Budget (issue 4): seconds ≤ 60.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../packages/server/src/config.ts';
import { openDatabase } from '../packages/server/src/db/database.ts';
import { migrate } from '../packages/server/src/db/migrate.ts';
import { importCommand } from '../packages/server/src/modules/imports/command.ts';

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000);

const HEADER = [
  'COD_MOD',
  'ANEXO',
  'CODLOCAL',
  'CEN_EDU',
  'NIV_MOD',
  'D_NIV_MOD',
  'D_FORMA',
  'D_COD_CAR',
  'GESTION',
  'D_GESTION',
  'DIRECTOR',
  'DIR_CEN',
  'CEN_POB',
  'DAREACENSO',
  'CODGEO',
  'D_DPTO',
  'D_PROV',
  'D_DIST',
  'CODOOII',
  'D_DREUGEL',
  'NLAT_IE',
  'NLONG_IE',
  'D_ESTADO',
  'TALUMNO',
  'TDOCENTE',
  'TSECCION',
];

const LEVELS = [
  ['A2', 'Inicial - Jardín'],
  ['B0', 'Primaria'],
  ['B0', 'Primaria'],
  ['F0', 'Secundaria'],
  ['A1', 'Inicial - Cuna'],
  ['A3', 'Inicial - Cuna-jardín'],
] as const;
const CHARACTERISTICS = ['Unidocente', 'Polidocente Multigrado', 'Polidocente Completo'];
const PLACES = ['Señor de los Milagros', 'San Martín de Porres', 'José María Arguedas', 'Ñuñoa'];
const TOWNS = ['Jaén', 'Cascas', 'Huancané', 'Ccorca', 'Yungay', 'Chachapoyas', 'Moyobamba'];
const GIVEN = ['María', 'José', 'Ángel', 'Rosa', 'Héctor', 'Lucía'];

// A small deterministic generator (mulberry32) so every run imports the same file.
let seed = 20240401;
function rand(): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;

function row(i: number): string {
  const dept = String(1 + (i % 25)).padStart(2, '0');
  const ugel = `${dept}00${String(1 + (Math.floor(i / 25) % 8)).padStart(2, '0')}`;
  const ubigeo = `${dept}${String(1 + Math.floor(rand() * 9)).padStart(2, '0')}${String(1 + Math.floor(rand() * 15)).padStart(2, '0')}`;
  const [level, levelName] = pick(LEVELS);
  const rural = rand() < 0.6;
  const town = pick(TOWNS);
  return [
    String(200000 + i).padStart(7, '0'),
    '0',
    String(100000 + Math.floor(i / 2)),
    `IE N° ${10000 + (i % 90000)} ${pick(PLACES)} – ${town}`,
    level,
    levelName,
    'Escolarizada',
    rural ? pick(CHARACTERISTICS.slice(0, 2)) : 'Polidocente Completo',
    '1',
    'Pública de gestión directa',
    `${pick(GIVEN)} Quispe Huamán`,
    `Jr. ${town} ${Math.floor(rand() * 900)}`,
    town,
    rural ? 'Rural' : 'Urbana',
    ubigeo,
    'DEPARTAMENTO',
    'PROVINCIA',
    town.toUpperCase(),
    ugel,
    `UGEL ${ugel.slice(-2)} ${town}`,
    (-3.5 - rand() * 14.5).toFixed(6),
    (-70 - rand() * 10).toFixed(6),
    rand() < 0.97 ? 'Activa' : 'Inactiva',
    String(Math.floor(rand() * 800)),
    String(1 + Math.floor(rand() * 40)),
    String(1 + Math.floor(rand() * 20)),
  ].join(';');
}

async function writeCsv(file: string): Promise<void> {
  const out = fs.createWriteStream(file);
  out.write(`${HEADER.join(';')}\r\n`);
  for (let i = 0; i < ROWS; i++) {
    if (!out.write(`${row(i)}\r\n`)) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  await new Promise<void>((resolve, reject) =>
    out.end((e?: Error | null) => (e ? reject(e) : resolve())),
  );
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'acompana-bench-import-'));
try {
  const file = path.join(dir, 'padron.csv');
  await writeCsv(file);
  console.error(`padrón sintético: ${ROWS} filas, ${(fs.statSync(file).size / 1e6).toFixed(1)} MB`);
  const config = { ...loadConfig({}), databaseUrl: null, dataDir: path.join(dir, 'data') };
  const fresh = await openDatabase(config);
  await migrate(fresh);
  await fresh.close();

  const started = performance.now();
  const code = await importCommand('schools', file, {}, config, (text) => console.error(text));
  const seconds = (performance.now() - started) / 1000;

  const check = await openDatabase(config);
  const { n } = await check.db
    .selectFrom('school')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  await check.close();
  if (code !== 0 || Number(n) !== ROWS) {
    throw new Error(`la importación no cargó todo: código ${code}, ${n} IIEE de ${ROWS}`);
  }
  console.log(
    JSON.stringify({
      rows: ROWS,
      seconds: Math.round(seconds * 100) / 100,
      rows_per_s: Math.round(ROWS / seconds),
    }),
  );
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
