import type { ZodError } from 'zod';
import { type FieldIssue, fieldLabel } from './errors.ts';

// Zod's issues as the field issues people read: «Revisa el campo «año escolar»: …», each with
// the path of the field at fault. One function for API bodies, sync records and instrument
// exports; each names its fields with its own labels.

export interface FieldIssueOptions {
  /** The Spanish name of a field path (default: the request fields of errors.ts). */
  label?: (path: string) => string;
  /** Put before every path, e.g. 'payload' for a synced record. */
  prefix?: string;
  /** The message when the whole value is wrong (no field), instead of zod's. */
  whole?: string;
}

export function fieldIssues(error: ZodError, options: FieldIssueOptions = {}): FieldIssue[] {
  const label = options.label ?? fieldLabel;
  return error.issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    const where = options.prefix ? [options.prefix, path].filter(Boolean).join('.') : path;
    return {
      path: where || '(cuerpo)',
      message: path
        ? `Revisa el campo «${label(path)}»: ${issue.message}`
        : (options.whole ?? issue.message),
    };
  });
}
