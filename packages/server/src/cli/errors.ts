import { isAppError } from '@acompana/core';

/** The line a failed command prints on stderr before exiting with 1: the stable code and the
 *  Spanish message, or a plain apology for anything unexpected. */
export function errorLine(error: unknown): string {
  return isAppError(error)
    ? `error [${error.code}]: ${error.message}`
    : 'error: ocurrió un error inesperado.';
}
