import { AppError } from '@acompana/core';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as spanish from '@zxcvbn-ts/language-es-es';

// The password rules of issue 14, checked on the server whenever someone chooses a password
// (activation, change): at least 10 characters; not among the common passwords nor easy to
// guess (zxcvbn with its common and Spanish dictionaries, score ≥ 3 of 4); not containing the
// DNI or the person's names. Each refusal has its own code and a Spanish message.

export const MIN_PASSWORD_LENGTH = 10;
/** zxcvbn's "safely unguessable" level: guessing takes ≥ 10^8 tries. */
const MIN_SCORE = 3;

let factory: ZxcvbnFactory | null = null;
function strength(): ZxcvbnFactory {
  // Built on first use: the dictionaries take a moment to load.
  factory ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...spanish.dictionary },
    graphs: common.adjacencyGraphs,
    translations: spanish.translations,
  });
  return factory;
}

/** Lowercase without accents, so "ÑAHUI" and "nahui" match. */
const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

export interface PasswordOwner {
  dni: string;
  /** Given names and surnames as in the rosters (any may be null). */
  names: readonly (string | null)[];
}

/** The words of a person's names worth refusing (three letters or more). */
function nameWords(names: readonly (string | null)[]): string[] {
  return names.flatMap((n) => fold(n ?? '').split(/[^a-z]+/)).filter((w) => w.length >= 3);
}

/** Throws PASSWORD_TOO_SHORT, PASSWORD_PERSONAL or PASSWORD_TOO_COMMON. */
export function checkPassword(password: string, owner: PasswordOwner): void {
  if ([...password].length < MIN_PASSWORD_LENGTH) throw new AppError('PASSWORD_TOO_SHORT');
  const folded = fold(password);
  const digits = password.replace(/\D/g, '');
  if (digits.includes(owner.dni) || nameWords(owner.names).some((w) => folded.includes(w))) {
    throw new AppError('PASSWORD_PERSONAL');
  }
  const words = nameWords(owner.names);
  if (strength().check(password, [owner.dni, ...words]).score < MIN_SCORE) {
    throw new AppError('PASSWORD_TOO_COMMON');
  }
}
