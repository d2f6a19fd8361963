import { AppError } from '@acompana/core';

// Opaque keyset cursors: base64url JSON of the last row's sort key and id.

export interface Keyset {
  k: string;
  id: string;
}

export function encodeCursor(key: Keyset): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): Keyset | null {
  if (!cursor) return null;
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (
      typeof value === 'object' &&
      value !== null &&
      typeof (value as Keyset).k === 'string' &&
      typeof (value as Keyset).id === 'string'
    ) {
      return value as Keyset;
    }
  } catch {
    // fall through to the validation error below
  }
  throw AppError.validation([
    { path: 'cursor', message: 'Revisa el campo «cursor»: no es un cursor de paginación válido.' },
  ]);
}
