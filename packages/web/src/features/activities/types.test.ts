import { ACTIVITY_TYPE_LABELS } from '@acompana/core';
import { describe, expect, it } from 'vitest';
import { type StoredIntervention, typeLabel, typeOptions } from './types.ts';

// The types «Nueva actividad» offers and the names lists show, from what the device stores:
// the catalogue's targets and each intervention's own types (docs/ACTIVITIES.md, "Types").

const label = (k: keyof typeof ACTIVITY_TYPE_LABELS) => ACTIVITY_TYPE_LABELS[k];
const interventions: StoredIntervention[] = [
  {
    code: 'SPI',
    activityTypes: [
      { code: 'tertulia', name: 'Tertulia pedagógica', active: true },
      { code: 'circulo_lectura', name: 'Círculo de lectura docente', active: true },
      { code: 'feria', name: 'Feria de saberes', active: false },
    ],
  },
  {
    code: 'MULTIGRADO',
    activityTypes: [{ code: 'jornada_rural', name: 'Jornada rural', active: true }],
  },
  // A copy stored before own types existed.
  { code: 'SPSR' },
];
const targets = { SPI: { rules: [{ activityKind: 'gia' }, { activityKind: 'taller' }] } };

describe('activity type options on the device', () => {
  it('offers the catalogue’s kinds, the complementary types and the intervention’s own active ones', () => {
    const values = typeOptions('SPI', targets, interventions, label).map((o) => o.value);
    expect(values).toEqual([
      'gia',
      'taller',
      'pasantia',
      'visita_pares',
      'jornada',
      'otra',
      // By name: «Círculo…» before «Tertulia…»; the deactivated «Feria» is not offered.
      'circulo_lectura',
      'tertulia',
    ]);
    const options = typeOptions('SPI', targets, interventions, label);
    expect(options.at(-1)).toEqual({ value: 'tertulia', label: 'Tertulia pedagógica' });
  });

  it('offers no other intervention’s types, and the built-in ones alone without a stored copy', () => {
    const spsr = typeOptions('SPSR', undefined, interventions, label).map((o) => o.value);
    expect(spsr).not.toContain('jornada_rural');
    expect(spsr).not.toContain('tertulia');
    expect(typeOptions('SPI', undefined, undefined, label)).toHaveLength(8);
  });

  it('names an own type by its stored name, even deactivated, else «Otra actividad»', () => {
    const of = (type: string, interventionCode = 'SPI') =>
      typeLabel({ type, interventionCode }, interventions, label);
    expect(of('gia')).toBe('GIA');
    expect(of('feria')).toBe('Feria de saberes');
    expect(of('jornada_rural', 'MULTIGRADO')).toBe('Jornada rural');
    expect(of('jornada_rural')).toBe('Otra actividad');
    expect(typeLabel({ type: 'tertulia', interventionCode: 'SPI' }, undefined, label)).toBe(
      'Otra actividad',
    );
  });
});
