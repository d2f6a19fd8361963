import { describe, expect, it } from 'vitest';
import {
  programmeYear,
  targetRulesSchema,
  targetsCopyBodySchema,
  targetYearRequiredSchema,
} from './catalog.ts';
import { caseloadLimit, caseloadListQuerySchema, coachListQuerySchema } from './coaches.ts';
import { apiFieldLabel } from './labels.ts';
import {
  type CaseloadPeriod,
  coachChanges,
  schoolListQuerySchema,
  teacherListQuerySchema,
} from './rosters.ts';
import { warningsQuerySchema } from './warnings.ts';

// Validators of the roster and catalogue contracts (shared by server and web).

const rule = {
  level: 'primaria',
  gradeFrom: 1,
  gradeTo: 4,
  activityKind: 'visita',
  perYear: 8,
  minPerMonth: 1,
};
const messages = (result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}) => (result.error?.issues ?? []).map((i) => `${i.path.join('.')}: ${i.message}`);

describe('target rules', () => {
  it('accepts the seeded shapes and trims notes', () => {
    const parsed = targetRulesSchema.parse([
      { ...rule, note: '  Dos talleres.  ' },
      { ...rule, gradeFrom: 5, gradeTo: 6, perYear: 0, minPerMonth: 0 },
      { ...rule, level: 'inicial', gradeFrom: 0, gradeTo: 5, perYear: 9 },
      { ...rule, activityKind: 'gia', gradeFrom: 1, gradeTo: 6 },
    ]);
    expect(parsed[0]?.note).toBe('Dos talleres.');
    expect(parsed[1]?.note).toBe('');
  });

  it.each([
    [{ ...rule, gradeTo: 0 }, 'gradeTo: El grado final no puede ser menor que el grado inicial.'],
    [
      { ...rule, minPerMonth: 9 },
      'minPerMonth: El mínimo por mes no puede ser mayor que la meta del año.',
    ],
    [
      { ...rule, level: 'secundaria', gradeTo: 6 },
      'gradeTo: En secundaria los grados van de 1 a 5.',
    ],
    [
      { ...rule, level: 'primaria', gradeFrom: 0 },
      'gradeFrom: En primaria los grados van de 1 a 6.',
    ],
    [{ ...rule, perYear: 1.5 }, 'perYear: La meta por año debe ser un número entero.'],
    [{ ...rule, perYear: 401 }, 'perYear: La meta por año no puede pasar de 400.'],
    [{ ...rule, level: 'superior' }, 'level: El nivel debe ser inicial, primaria o secundaria.'],
    [{ ...rule, note: 'x'.repeat(501) }, 'note: La nota no puede pasar de 500 caracteres.'],
  ])('refuses %j', (bad, message) => {
    expect(messages(targetRulesSchema.safeParse([bad]))).toContain(`0.${message}`);
  });

  it('refuses two rules of the same level and activity over the same grades', () => {
    const result = targetRulesSchema.safeParse([rule, { ...rule, gradeFrom: 4, gradeTo: 6 }]);
    expect(messages(result)).toEqual([
      '1.gradeFrom: Se cruza con la fila 1: misma actividad y nivel para los mismos grados.',
    ]);
    // Another activity, or grades that do not overlap, are fine.
    expect(targetRulesSchema.safeParse([rule, { ...rule, activityKind: 'gia' }]).success).toBe(
      true,
    );
    expect(targetRulesSchema.safeParse([rule, { ...rule, gradeFrom: 5, gradeTo: 6 }]).success).toBe(
      true,
    );
  });

  it('checks the years of a copy and of an edit', () => {
    expect(messages(targetsCopyBodySchema.safeParse({ fromYear: 2026, toYear: 2026 }))).toEqual([
      'toYear: El año de destino debe ser distinto del año de origen.',
    ]);
    expect(messages(targetYearRequiredSchema.safeParse({ year: '1999' }))).toEqual([
      'year: El año escolar debe ser 2000 o posterior.',
    ]);
    expect(targetYearRequiredSchema.parse({ year: '2027' })).toEqual({ year: 2027 });
  });
});

describe('programme year', () => {
  it.each([
    [2024, 2026, 'activa', 3],
    [2026, 2026, 'activa', 1],
    [2023, 2026, 'permanece', 4],
    [2027, 2026, 'activa', null],
    [2023, 2026, 'egresada', null],
    [2025, 2026, 'retirada', null],
  ] as const)('cohort %i in %i (%s) → %s', (cohort, year, status, expected) => {
    expect(programmeYear(cohort, year, status)).toBe(expected);
  });
});

describe('caseload limit', () => {
  it('uses the coach’s own limit, else the configured range', () => {
    expect(caseloadLimit({ min: 8, max: 15 }, null)).toBe(15);
    expect(caseloadLimit({ min: 8, max: 15 }, 12)).toBe(12);
  });
});

describe('list filters', () => {
  it('parses yes/no filters, enums and ids', () => {
    expect(teacherListQuerySchema.parse({ withoutCoach: 'true' }).withoutCoach).toBe(true);
    expect(teacherListQuerySchema.parse({ withoutCoach: 'false' }).withoutCoach).toBe(false);
    expect(messages(teacherListQuerySchema.safeParse({ withoutCoach: 'si' }))).toEqual([
      'withoutCoach: Debe ser «true» o «false».',
    ]);
    expect(messages(schoolListQuerySchema.safeParse({ characteristic: 'bidocente' }))).toEqual([
      'characteristic: Usa uno de estos valores: unidocente, polidocente_multigrado, polidocente_completo.',
    ]);
    expect(messages(coachListQuerySchema.safeParse({ ugel: '123' }))).toEqual([
      'ugel: Debe ser un identificador válido.',
    ]);
    expect(caseloadListQuerySchema.parse({}).status).toBe('current');
    expect(messages(warningsQuerySchema.safeParse({ since: '2026-13-01' }))).toEqual([
      'since: La fecha debe tener el formato AAAA-MM-DD.',
    ]);
  });

  it('names fields in Spanish, rows of targets included', () => {
    expect(apiFieldLabel('withoutCoach')).toBe('sin acompañante');
    expect(apiFieldLabel('rules.2.minPerMonth')).toBe('mínimo por mes (fila 3)');
    expect(apiFieldLabel('rules.0')).toBe('meta (fila 1)');
    expect(apiFieldLabel('limit')).toBe('límite');
    expect(apiFieldLabel('somethingElse')).toBe('somethingElse');
  });
});

describe('coach changes', () => {
  const period = (
    id: string,
    coach: string,
    from: string,
    to: string | null,
    extra: Partial<CaseloadPeriod> = {},
  ): CaseloadPeriod => ({
    id,
    coach: { id: coach, displayName: coach },
    intervention: 'MULTIGRADO',
    specialty: null,
    validFrom: from,
    validTo: to,
    current: to === null,
    ...extra,
  });

  it('finds a change when an ended row is followed by another coach', () => {
    const changes = coachChanges([
      period('b', 'B', '2025-08-01', null),
      period('a', 'A', '2025-01-01', '2025-07-31'),
    ]);
    expect(changes).toEqual([
      {
        intervention: 'MULTIGRADO',
        specialty: null,
        date: '2025-08-01',
        from: { id: 'A', displayName: 'A' },
        to: { id: 'B', displayName: 'B' },
      },
    ]);
  });

  it('sees continuity, parallel specialties and unrelated interventions as no change', () => {
    expect(
      coachChanges([
        period('a', 'A', '2024-03-01', '2024-12-31'),
        period('b', 'A', '2025-03-01', null),
      ]),
    ).toEqual([]);
    expect(
      coachChanges([
        period('a', 'A', '2025-03-01', null, { intervention: 'SPI', specialty: 'matematica' }),
        period('b', 'B', '2025-03-02', null, { intervention: 'SPI', specialty: 'castellano_l2' }),
      ]),
    ).toEqual([]);
    expect(
      coachChanges([
        period('a', 'A', '2024-03-01', '2024-12-31'),
        period('b', 'B', '2025-03-01', null, { intervention: 'SPI' }),
      ]),
    ).toEqual([]);
  });

  it('lists several changes newest first', () => {
    const changes = coachChanges([
      period('a', 'A', '2023-03-01', '2023-12-31'),
      period('b', 'B', '2024-03-01', '2024-12-31'),
      period('c', 'C', '2025-03-01', null),
    ]);
    expect(changes.map((c) => `${c.from.id}→${c.to.id}@${c.date}`)).toEqual([
      'B→C@2025-03-01',
      'A→B@2024-03-01',
    ]);
  });
});
