import { describe, expect, it } from 'vitest';
import { checkPassword } from './password-rules.ts';

// The password rules of issue 14: each refusal with its stable code.
const owner = { dni: '40123456', names: ['María Elena', 'Ñahui', 'Quispe'] };
const codeOf = (password: string) => {
  try {
    checkPassword(password, owner);
    return 'OK';
  } catch (e) {
    return (e as { code: string }).code;
  }
};

describe('password rules', () => {
  it('refuses fewer than 10 characters', () => {
    expect(codeOf('Kq7#vz!2p')).toBe('PASSWORD_TOO_SHORT');
    expect(codeOf('ñandú-ñandú')).not.toBe('PASSWORD_TOO_SHORT'); // counted in characters
  });

  it('refuses common or easily guessed passwords', () => {
    for (const p of ['1234567890', 'contraseña123', 'qwertyuiop', 'password123', 'aaaaaaaaaaaa']) {
      expect(codeOf(p), p).toBe('PASSWORD_TOO_COMMON');
    }
  });

  it('refuses the DNI and the names, ignoring case and accents', () => {
    expect(codeOf('x40123456-tarde')).toBe('PASSWORD_PERSONAL');
    expect(codeOf('4012-3456 cielo azul')).toBe('PASSWORD_PERSONAL');
    expect(codeOf('MARIA-lluvia-de-enero')).toBe('PASSWORD_PERSONAL');
    expect(codeOf('nahui-lluvia-de-enero')).toBe('PASSWORD_PERSONAL');
    expect(codeOf('lluvia quispe enero')).toBe('PASSWORD_PERSONAL');
  });

  it('accepts a long personal phrase', () => {
    expect(codeOf('lluvia sobre el lago Titicaca')).toBe('OK');
    expect(codeOf('Mi-perro-come-mangos-7')).toBe('OK');
  });
});
