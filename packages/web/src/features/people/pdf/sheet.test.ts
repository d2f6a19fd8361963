import { beforeAll, describe, expect, it } from 'vitest';
import { loadTexts } from '../../../app/i18n/index.ts';
import { buildSheetPdf, sheetFileName } from './sheet.ts';

// The activation sheet PDF: every person's name, DNI, code and expiry, the app's address and a
// QR code of it, laid out in cards; a new page when they do not fit. (That a printed code
// activates the account is server/modules/people/sheets.test.ts.)

beforeAll(() => loadTexts('people'));

const sheet = (n: number) => ({
  title: 'IE N° 81024 Ramón Castilla',
  appUrl: 'https://acompana.minedu.gob.pe/activar',
  items: Array.from({ length: n }, (_, i) => ({
    personId: `p${i}`,
    displayName: i === 0 ? 'Norma Alcántara Julca' : `Docente ${i + 1}`,
    dni: String(30000051 + i),
    code: `KX7M2Q${String.fromCharCode(65 + (i % 26))}${(i % 8) + 2}`,
    expiresAt: '2026-12-16T15:00:00.000Z',
    replacedCode: false,
  })),
  skipped: [],
});

describe('activation sheet (PDF on the device)', () => {
  it('prints each name, DNI, code, expiry, the address and a QR code', async () => {
    const text = new TextDecoder('latin1').decode(
      await buildSheetPdf(sheet(2), { compress: false }),
    );
    expect(text.startsWith('%PDF-')).toBe(true);
    for (const expected of [
      'Norma Alcántara Julca',
      'DNI 30000051',
      'KX7M2QA2',
      'KX7M2QB3',
      'Válido hasta el 16 de diciembre de 2026',
      'https://acompana.minedu.gob.pe/activar',
      'IE N° 81024 Ramón Castilla',
    ]) {
      expect(text).toContain(expected);
    }
    // The QR code: filled squares (" re" + "f") far beyond the cards' own lines.
    expect(text.match(/ re\s*\n?f/g)?.length ?? 0).toBeGreaterThan(200);
  });

  it('starts a new page when the cards do not fit and names the file after the group', async () => {
    const text = new TextDecoder('latin1').decode(
      await buildSheetPdf(sheet(20), { compress: false }),
    );
    expect(text.match(/\/Type \/Page\b/g)?.length ?? 0).toBeGreaterThan(2);
    expect(text).toContain('Docente 20');
    expect(sheetFileName({ title: 'IE N° 81024 Ramón Castilla' })).toBe(
      'codigos-activacion-ie-n-81024-ramon-castilla.pdf',
    );
  });
});
