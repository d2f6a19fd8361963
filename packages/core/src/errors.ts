// The one error type of Acompaña. Codes are stable (programs depend on them); messages are
// Spanish (people read them). The HTTP status travels with the code so every layer agrees.

import { ERROR_CODES } from './error-codes.ts';

export { ERROR_CODES };

export type ErrorCode = keyof typeof ERROR_CODES;

export interface FieldIssue {
  /** Dotted path of the field at fault, e.g. "dni" or "grades.0". */
  path: string;
  message: string;
}

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details: Record<string, unknown> | null };
}

/** Spanish names of request fields, so messages name the field the way a person knows it. */
const FIELD_LABELS: Record<string, string> = {
  dni: 'DNI',
  password: 'contraseña',
  cursor: 'cursor',
  limit: 'límite',
  q: 'búsqueda',
  givenNames: 'nombres',
  paternalSurname: 'apellido paterno',
  maternalSurname: 'apellido materno',
  interventionCode: 'intervención',
  ugelId: 'UGEL',
  kind: 'tipo de acompañante',
  validFrom: 'fecha de inicio',
  validTo: 'fecha de fin',
};

export function fieldLabel(path: string): string {
  const head = path.split('.')[0] ?? path;
  return FIELD_LABELS[head] ?? path;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details: Record<string, unknown> | null;

  constructor(code: ErrorCode, message?: string, details?: Record<string, unknown> | null) {
    super(message ?? ERROR_CODES[code].message);
    this.name = 'AppError';
    this.code = code;
    this.status = ERROR_CODES[code].status;
    this.details = details ?? null;
  }

  static validation(fields: FieldIssue[]): AppError {
    const first = fields[0];
    const message = first ? first.message : ERROR_CODES.VALIDATION_FAILED.message;
    return new AppError('VALIDATION_FAILED', message, { fields });
  }

  toBody(): ErrorBody {
    return { error: { code: this.code, message: this.message, details: this.details } };
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
