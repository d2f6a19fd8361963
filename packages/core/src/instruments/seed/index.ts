import type { InstrumentDefinition, InstrumentType } from '../definition.ts';
import { FIELD_NOTEBOOK, PRE_OBSERVATION_CHECKLIST } from './complementary.ts';
import { RUBRIC_2017, RUBRIC_2018 } from './rubric.ts';

export { FIELD_NOTEBOOK, PRE_OBSERVATION_CHECKLIST, RUBRIC_2017, RUBRIC_2018 };

// The instruments every new database starts with (migration 0005 holds the same JSON; a server
// test checks both agree). Ids are fixed so demo data, E2E tests and devices can name them.

export interface SeedVersion {
  id: string;
  version: number;
  status: 'published' | 'retired';
  changeNote: string;
  publishedAt: string;
  retiredAt: string | null;
  definition: InstrumentDefinition;
}
export interface SeedInstrument {
  id: string;
  code: string;
  type: InstrumentType;
  name: string;
  description: string;
  versions: SeedVersion[];
}

export const SEED_IDS = {
  rubric: '0a5e0000-0000-4000-8000-000000000001',
  rubric2017: '0a5e0000-0000-4000-8000-000000000101',
  rubric2018: '0a5e0000-0000-4000-8000-000000000102',
  checklist: '0a5e0000-0000-4000-8000-000000000002',
  checklistV1: '0a5e0000-0000-4000-8000-000000000201',
  notebook: '0a5e0000-0000-4000-8000-000000000003',
  notebookV1: '0a5e0000-0000-4000-8000-000000000301',
} as const;

export const SEED_INSTRUMENTS: SeedInstrument[] = [
  {
    id: SEED_IDS.rubric,
    code: 'RUBRICA_AULA',
    type: 'rubric',
    name: 'Rúbricas de observación de aula',
    description: 'Instrumento principal de la visita: desempeños del docente en cuatro niveles.',
    versions: [
      {
        id: SEED_IDS.rubric2017,
        version: 1,
        status: 'retired',
        changeNote: 'Versión 2017: seis desempeños.',
        publishedAt: '2017-03-01T00:00:00Z',
        retiredAt: '2018-03-01T00:00:00Z',
        definition: RUBRIC_2017,
      },
      {
        id: SEED_IDS.rubric2018,
        version: 2,
        status: 'published',
        changeNote:
          'Desde 2018: cinco desempeños (se retira «Maximiza el tiempo dedicado al aprendizaje»).',
        publishedAt: '2018-03-01T00:00:00Z',
        retiredAt: null,
        definition: RUBRIC_2018,
      },
    ],
  },
  {
    id: SEED_IDS.checklist,
    code: 'LISTA_COTEJO_PREVIA',
    type: 'checklist',
    name: 'Lista de cotejo previa a la observación',
    description: 'Aspectos pedagógicos que se verifican antes de observar la sesión.',
    versions: [
      {
        id: SEED_IDS.checklistV1,
        version: 1,
        status: 'published',
        changeNote: 'Primera versión.',
        publishedAt: '2018-03-01T00:00:00Z',
        retiredAt: null,
        definition: PRE_OBSERVATION_CHECKLIST,
      },
    ],
  },
  {
    id: SEED_IDS.notebook,
    code: 'CUADERNO_CAMPO',
    type: 'notebook',
    name: 'Cuaderno de campo',
    description: 'Notas con hora de hechos, evidencias y momentos críticos de la visita.',
    versions: [
      {
        id: SEED_IDS.notebookV1,
        version: 1,
        status: 'published',
        changeNote: 'Primera versión.',
        publishedAt: '2018-03-01T00:00:00Z',
        retiredAt: null,
        definition: FIELD_NOTEBOOK,
      },
    ],
  },
];

export const SEED_INTERVENTIONS = ['SP_URBANO', 'SPI', 'MULTIGRADO', 'SPSR', 'JEC'] as const;

/** Every intervention observes with the rubric and adds the checklist and the notebook; all
 *  five desempeños of the 2018 rubric are prioritized (RSG 008 prioritizes C2–C5 for all),
 *  in rubric order. An intervention narrows or reorders them as data, not code. */
export const SEED_USES = SEED_INTERVENTIONS.flatMap((intervention) => [
  { intervention, instrumentId: SEED_IDS.rubric, role: 'main' as const },
  { intervention, instrumentId: SEED_IDS.checklist, role: 'complementary' as const },
  { intervention, instrumentId: SEED_IDS.notebook, role: 'complementary' as const },
]);
export const SEED_PRIORITIES = SEED_INTERVENTIONS.flatMap((intervention) =>
  RUBRIC_2018.desempenos.map((d, i) => ({
    intervention,
    instrumentId: SEED_IDS.rubric,
    desempeno: d.code,
    rank: i + 1,
  })),
);
