import { describe, expect, it } from 'vitest';
import { loginRequestSchema } from './api/auth.ts';
import { AppError, fieldLabel } from './errors.ts';
import { codigoModularSchema, isValidDni, normalizeCodigoModular } from './validators.ts';

describe('DNI', () => {
  it.each([
    ['10000001', true],
    ['00000000', true],
    ['1234567', false],
    ['123456789', false],
    ['1234567a', false],
    ['', false],
  ])('%s → %s', (dni, ok) => {
    expect(isValidDni(dni)).toBe(ok);
  });

  it('explains a bad DNI in Spanish and trims spaces', () => {
    const bad = loginRequestSchema.safeParse({ dni: '123', password: 'x' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toBe('El DNI debe tener exactamente 8 dígitos.');
    expect(loginRequestSchema.parse({ dni: ' 20000001 ', password: 'x' }).dni).toBe('20000001');
  });
});

describe('código modular', () => {
  it('zero-pads to seven digits', () => {
    expect(normalizeCodigoModular('512301')).toBe('0512301');
    expect(normalizeCodigoModular(512301)).toBe('0512301');
    expect(normalizeCodigoModular('0512301')).toBe('0512301');
  });

  it.each(['', '12345678', '05A2301', '0000000', '-12'])('rejects %j', (value) => {
    expect(normalizeCodigoModular(value)).toBeNull();
    expect(codigoModularSchema.safeParse(value).success).toBe(false);
  });
});

describe('errors', () => {
  it('carries a stable code, its HTTP status and field details', () => {
    const e = AppError.validation([
      { path: 'dni', message: 'El DNI debe tener exactamente 8 dígitos.' },
    ]);
    expect(e.toBody()).toEqual({
      error: {
        code: 'VALIDATION_FAILED',
        message: 'El DNI debe tener exactamente 8 dígitos.',
        details: { fields: [{ path: 'dni', message: 'El DNI debe tener exactamente 8 dígitos.' }] },
      },
    });
    expect(e.status).toBe(400);
    expect(new AppError('ACCOUNT_LOCKED').status).toBe(429);
  });

  it('names fields the way people know them', () => {
    expect(fieldLabel('password')).toBe('contraseña');
    expect(fieldLabel('dni')).toBe('DNI');
    expect(fieldLabel('grades.0')).toBe('grades.0');
  });
});
