import { describe, expect, it } from 'vitest';
import { mapColumns, missingColumnsMessage, rowValues } from './columns.ts';
import { IssueCollector } from './report.ts';
import { SCHOOL_COLUMNS, type SchoolKey, validateSchoolRow } from './schools.ts';
import {
  gradesProblem,
  levelProblem,
  parseGrades,
  TEACHER_COLUMNS,
  validateTeacherRow,
} from './teachers.ts';
import { REGIONS, regionCodeOfUbigeo } from './territory.ts';
import { detectDelimiter, normalizeHeader, parseDecimal } from './text.ts';

const PADRON_HEADER = [
  'COD_MOD',
  'ANEXO',
  'CODLOCAL',
  'CEN_EDU',
  'NIV_MOD',
  'D_COD_CAR',
  'GESTION',
  'DAREACENSO',
  'CODGEO',
  'CODOOII',
  'D_DREUGEL',
  'NLAT_IE',
  'NLONG_IE',
  'D_ESTADO',
  'TALUMNO',
  'TDOCENTE',
  'DIRECTOR',
];

function school(overrides: Partial<Record<string, string>> = {}) {
  const map = mapColumns(SCHOOL_COLUMNS, PADRON_HEADER);
  const base: Record<string, string> = {
    COD_MOD: '512301',
    ANEXO: '0',
    CODLOCAL: '213542',
    CEN_EDU: 'IE N° 80412 Cascas',
    NIV_MOD: 'B0',
    D_COD_CAR: 'Polidocente Multigrado',
    GESTION: '1',
    DAREACENSO: 'Rural',
    CODGEO: '130301',
    CODOOII: '130012',
    D_DREUGEL: 'UGEL Gran Chimú',
    NLAT_IE: '-7,4789',
    NLONG_IE: '-78.8167',
    D_ESTADO: 'Activa',
    TALUMNO: '124',
    TDOCENTE: '6',
    DIRECTOR: 'Luz Marina Castillo',
    ...overrides,
  };
  return validateSchoolRow(
    rowValues(
      map,
      PADRON_HEADER.map((h) => base[h] ?? ''),
    ),
    map.label,
  );
}

describe('column mapping', () => {
  it('matches headers without regard to case, accents, spaces or BOM and ignores unknown ones', () => {
    expect(normalizeHeader('\uFEFF"Año escolar"')).toBe('ANO_ESCOLAR');
    const map = mapColumns(TEACHER_COLUMNS, [
      'dni',
      'Nombres',
      'Apellido paterno',
      'Cód. modular',
      'Año',
      'Observaciones',
    ]);
    expect(map.missing).toEqual([]);
    expect(map.index).toMatchObject({ dni: 0, nombres: 1, apellido_paterno: 2, anio: 4 });
    expect(map.label.apellido_paterno).toBe('Apellido paterno');
    expect(map.index.grados).toBeUndefined();
  });

  it('names the required columns a file lacks, and a coordinate without its pair', () => {
    const map = mapColumns(
      SCHOOL_COLUMNS,
      PADRON_HEADER.filter((h) => !['CODOOII', 'CODGEO', 'NLONG_IE'].includes(h)),
    );
    expect(map.missing).toEqual(['CODGEO', 'CODOOII', 'NLONG_IE']);
    expect(missingColumnsMessage(map.missing, 1, 'Línea')).toBe(
      'Línea 1 (encabezado): faltan las columnas obligatorias CODGEO, CODOOII y NLONG_IE.',
    );
    expect(missingColumnsMessage(['ANEXO'], 3, 'Fila')).toBe(
      'Fila 3 (encabezado): falta la columna obligatoria ANEXO.',
    );
  });
});

describe('padrón rows', () => {
  it('maps a padrón row to a school', () => {
    expect(school()).toEqual({
      status: 'ok',
      row: {
        codigoModular: '0512301',
        anexo: 0,
        codlocal: '213542',
        name: 'IE N° 80412 Cascas',
        level: 'B0',
        characteristic: 'polidocente_multigrado',
        management: 'Pública de gestión directa',
        area: 'rural',
        ubigeo: '130301',
        regionCode: '13',
        ugelCode: '130012',
        ugelName: 'UGEL Gran Chimú',
        language: null,
        latitude: -7.4789,
        longitude: -78.8167,
        active: true,
        students: 124,
        teachers: 6,
      },
    });
  });

  it('explains each wrong field in Spanish, naming what was read', () => {
    const out = school({
      COD_MOD: '12A4567',
      ANEXO: '12',
      CEN_EDU: '',
      D_COD_CAR: 'Bidocente',
      DAREACENSO: 'Periurbana',
      CODGEO: '991201',
      NLAT_IE: '7.1',
      TALUMNO: '-3',
      D_ESTADO: 'Cerrada',
    });
    expect(out).toEqual({
      status: 'invalid',
      problems: [
        {
          field: 'COD_MOD',
          text: 'el código modular debe tener hasta 7 dígitos (se leyó "12A4567").',
        },
        { field: 'ANEXO', text: 'el anexo debe ser un número de 0 a 9 (se leyó "12").' },
        { field: 'CEN_EDU', text: 'falta el nombre de la institución educativa.' },
        {
          field: 'D_COD_CAR',
          text: 'la característica debe ser Unidocente, Polidocente Multigrado o Polidocente Completo (se leyó "Bidocente").',
        },
        { field: 'DAREACENSO', text: 'el área debe ser Urbana o Rural (se leyó "Periurbana").' },
        {
          field: 'CODGEO',
          text: 'el ubigeo 991201 no corresponde a ningún departamento (01 a 25).',
        },
        { field: 'NLAT_IE', text: 'la latitud debe estar entre -18,4 y 0 (Perú) (se leyó "7.1").' },
        { field: 'D_ESTADO', text: 'el estado debe ser Activa o Inactiva (se leyó "Cerrada").' },
        {
          field: 'TALUMNO',
          text: 'el total de alumnos debe ser un número entero mayor o igual a 0 (se leyó "-3").',
        },
      ],
    });
  });

  it('skips services of levels Acompaña does not serve, with the reason', () => {
    expect(school({ NIV_MOD: 'L0', COD_MOD: 'basura' })).toEqual({
      status: 'skipped',
      reason:
        'NIV_MOD L0 (Técnico-Productiva (CETPRO)): Acompaña importa solo inicial, primaria y secundaria (A1, A2, A3, B0, F0)',
    });
    expect(school({ NIV_MOD: 'BX' })).toMatchObject({
      status: 'invalid',
      problems: [
        {
          field: 'NIV_MOD',
          text: 'el nivel/modalidad no es un código del padrón como A1, B0 o F0 (se leyó "BX").',
        },
      ],
    });
  });

  it('restores leading zeros, reads 0,0 as no coordinates and needs both coordinates', () => {
    const ok = school({ CODGEO: '10101', CODOOII: '10001', NLAT_IE: '0', NLONG_IE: '0' });
    expect(ok).toMatchObject({
      status: 'ok',
      row: { ubigeo: '010101', regionCode: '01', ugelCode: '010001', latitude: null },
    });
    expect(school({ NLONG_IE: '' })).toMatchObject({
      status: 'invalid',
      problems: [{ field: 'NLONG_IE' }],
    });
  });

  it('places Lima Metropolitana and Lima Provincias in their own DRE', () => {
    expect(Object.keys(REGIONS)).toHaveLength(26);
    expect(regionCodeOfUbigeo('150132')).toBe('1501');
    expect(regionCodeOfUbigeo('150801')).toBe('15');
    expect(regionCodeOfUbigeo('130301')).toBe('13');
    expect(regionCodeOfUbigeo('260101')).toBeNull();
  });

  it('accepts the characteristic and state as ESCALE writes them', () => {
    expect(school({ D_COD_CAR: 'POLIDOCENTE COMPLETO', D_ESTADO: 'INACTIVA' })).toMatchObject({
      row: { characteristic: 'polidocente_completo', active: false },
    });
    expect(school({ D_COD_CAR: 'No aplica', NIV_MOD: 'A2' })).toMatchObject({
      row: { characteristic: null, level: 'A2' },
    });
  });
});

describe('teacher rows', () => {
  const header = [
    'DNI',
    'NOMBRES',
    'APELLIDO_PATERNO',
    'APELLIDO_MATERNO',
    'COD_MOD',
    'ANEXO',
    'NIVEL',
    'GRADOS',
    'AREA',
    'AÑO',
  ];
  const map = mapColumns(TEACHER_COLUMNS, header);
  const teacher = (cells: string[]) => validateTeacherRow(rowValues(map, cells), map.label);

  it('maps a row to a person and a post', () => {
    expect(
      teacher([
        '30000001',
        'Ana María',
        'Gutiérrez',
        '',
        '512301',
        '',
        'Primaria',
        '1° y 2°',
        '',
        '2025',
      ]),
    ).toEqual({
      status: 'ok',
      row: {
        dni: '30000001',
        givenNames: 'Ana María',
        paternalSurname: 'Gutiérrez',
        maternalSurname: null,
        codigoModular: '0512301',
        anexo: 0,
        level: 'primaria',
        grades: [1, 2],
        subject: null,
        schoolYear: 2025,
        actingDirector: false,
      },
    });
  });

  it('explains wrong DNI, grades and year', () => {
    expect(
      teacher(['3000001', 'Ana', '', '', '512301', '0', 'Técnica', 'primero', '', '25']),
    ).toEqual({
      status: 'invalid',
      problems: [
        { field: 'DNI', text: 'el DNI debe tener exactamente 8 dígitos (se leyó "3000001").' },
        { field: 'APELLIDO_PATERNO', text: 'falta el apellido paterno.' },
        {
          field: 'NIVEL',
          text: 'el nivel debe ser Inicial, Primaria o Secundaria (o A1, A2, A3, B0, F0) (se leyó "Técnica").',
        },
        {
          field: 'GRADOS',
          text: 'los grados deben ser números como "1, 2" o "1-3" (se leyó "primero").',
        },
        {
          field: 'AÑO',
          text: 'el año escolar debe ser un año entre 2000 y 2100 (se leyó "25").',
        },
      ],
    });
  });

  it('parses grades and checks them against the level', () => {
    expect(parseGrades('1-3, 5')).toEqual([1, 2, 3, 5]);
    expect(parseGrades('3 años; 4 años')).toEqual([3, 4]);
    expect(parseGrades('')).toEqual([]);
    expect(parseGrades('3-1')).toBeNull();
    expect(gradesProblem('F0', [5, 6])).toBe('el grado 6 no existe en secundaria (1 a 5).');
    expect(gradesProblem('B0', [1, 6])).toBeNull();
    expect(levelProblem('secundaria', 'B0')).toBe(
      'el nivel secundaria no coincide con el de la IE (B0, primaria).',
    );
    expect(levelProblem('inicial', 'A2')).toBeNull();
  });
});

describe('helpers', () => {
  it('detects the delimiter from the header line', () => {
    expect(detectDelimiter('COD_MOD;ANEXO;CEN_EDU')).toBe(';');
    expect(detectDelimiter('COD_MOD,ANEXO,"CEN_EDU;X"')).toBe(',');
    expect(detectDelimiter('COD_MOD\tANEXO')).toBe('\t');
    expect(detectDelimiter('COD_MOD')).toBe(',');
  });

  it('reads decimal commas', () => {
    expect(parseDecimal('-7,25')).toBe(-7.25);
    expect(parseDecimal('-78.5')).toBe(-78.5);
    expect(parseDecimal('1.234,5')).toBeNull();
  });

  it('keeps the first problems by line even when found out of order, and counts all', () => {
    const issues = new IssueCollector('Línea', 3);
    issues.addRow(9, [{ field: 'A', text: 'x.' }]);
    issues.addRow(4, [{ text: 'y.' }]);
    issues.addRow(7, [
      { field: 'B', text: 'z.' },
      { field: 'C', text: 'w.' },
    ]);
    issues.addRow(2, [{ text: 'v.' }]);
    expect(issues.listed.map((i) => i.message)).toEqual([
      'Línea 2: v.',
      'Línea 4: y.',
      'Línea 7, B: z.',
    ]);
    expect(issues.rows).toBe(4);
    expect(issues.total).toBe(5);
  });
});

// Type check only: every school key has a column spec.
const _keys: SchoolKey[] = SCHOOL_COLUMNS.map((c) => c.key);
void _keys;
