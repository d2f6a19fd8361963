import { describe, test } from 'vitest';
import { checkScreens, screensSession } from '../support/screens.ts';

// Every page of the field roles (acompañante, docente) at 320, 375 and 768 px: screenshots in
// e2e/test-results/screens/<role>/, axe, no error notice, no sideways scroll (support/screens.ts).

screensSession();

describe('cada pantalla a 320, 375 y 768 px', () => {
  test('acompanante', () => checkScreens('acompanante'), 600_000);
  test('docente', () => checkScreens('docente'), 600_000);
});
