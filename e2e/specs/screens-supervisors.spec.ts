import { describe, test } from 'vitest';
import { checkScreens, screensSession } from '../support/screens.ts';

// Every page of the supervisors (director, formador, especialista, MINEDU) at 320, 375 and 768 px: screenshots in
// e2e/test-results/screens/<role>/, axe, no error notice, no sideways scroll (support/screens.ts).

screensSession();

describe('cada pantalla a 320, 375 y 768 px', () => {
  test('director', () => checkScreens('director'), 600_000);
  test('formador', () => checkScreens('formador'), 600_000);
  test('especialista', () => checkScreens('especialista'), 600_000);
  test('minedu', () => checkScreens('minedu'), 600_000);
});
