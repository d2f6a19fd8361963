import { describe, test } from 'vitest';
import { checkScreens, screensSession, WIDTHS } from '../support/screens.ts';

// Every page of the supervisors (director, formador, especialista, MINEDU) at 320, 375 and 768 px: screenshots in
// e2e/test-results/screens/<role>/, axe, no error notice, no sideways scroll (support/screens.ts).

screensSession();

describe('cada pantalla a 320, 375 y 768 px', () => {
  for (const role of ['director', 'formador', 'especialista', 'minedu'] as const) {
    for (const width of WIDTHS) {
      test(`${role} a ${width} px`, () => checkScreens(role, width), 600_000);
    }
  }
});
