import { findRawCodes } from '@acompana/core';
import { describe, expect, it } from 'vitest';
import { accountTexts } from './es-PE.accounts.ts';
import { activityTexts } from './es-PE.activities.ts';
import { caseloadTexts } from './es-PE.caseloads.ts';
import { dayTexts } from './es-PE.day.ts';
import { instrumentTexts } from './es-PE.instruments.ts';
import { monitoringTexts } from './es-PE.monitoring.ts';
import { peopleTexts } from './es-PE.people.ts';
import { planTexts } from './es-PE.plan.ts';
import { privacyTexts } from './es-PE.privacy.ts';
import { progressTexts } from './es-PE.progress.ts';
import { esPE } from './es-PE.ts';
import { ugelActivityTexts } from './es-PE.ugel.ts';
import { visitTexts } from './es-PE.visits.ts';
import { TEXT_BUNDLES } from './index.ts';

// Issue 12.15: no internal code in any text of the es-PE catalogue (every bundle): no
// snake_case token, no ALL-CAPS code, only the real Spanish acronyms core allows. The E2E
// (offline-routes.spec.ts) scans the visible text of every field page with the same rule.

const BUNDLES = {
  main: esPE,
  day: dayTexts,
  instruments: instrumentTexts,
  visits: visitTexts,
  plan: planTexts,
  progress: progressTexts,
  privacy: privacyTexts,
  accounts: accountTexts,
  people: peopleTexts,
  caseloads: caseloadTexts,
  activities: activityTexts,
  monitoring: monitoringTexts,
  ugel: ugelActivityTexts,
};

function texts(node: unknown, path: string): [string, string][] {
  if (typeof node === 'string') return [[path, node]];
  if (node && typeof node === 'object')
    return Object.entries(node).flatMap(([key, value]) => texts(value, `${path}.${key}`));
  return [];
}

describe('the es-PE catalogue', () => {
  it('checks every text bundle the app can load', () => {
    expect(Object.keys(BUNDLES).sort()).toEqual(['main', ...TEXT_BUNDLES].sort());
  });

  it('shows no raw code in any text of any bundle', () => {
    const found = Object.entries(BUNDLES).flatMap(([name, bundle]) =>
      texts(bundle, name).flatMap(([path, text]) =>
        findRawCodes(text).map((code) => `${path}: ${code} in «${text}»`),
      ),
    );
    expect(found).toEqual([]);
  });

  it('has no double period and no space before a period', () => {
    const found = Object.entries(BUNDLES).flatMap(([name, bundle]) =>
      texts(bundle, name)
        .filter(([, text]) => /(?<!\.)\.\.(?!\.)|\s\.(?!\.)/.test(text))
        .map(([path, text]) => `${path}: «${text}»`),
    );
    expect(found).toEqual([]);
  });
});
