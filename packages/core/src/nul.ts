// U+0000 (NUL) cannot be stored by PostgreSQL in text or jsonb, and nobody types it on
// purpose: input carrying it is refused with a field error instead of failing in the database.

export const NUL_MESSAGE =
  'contiene un carácter no permitido (U+0000). Bórralo y vuelve a intentarlo.';

/** The dotted path of the first string (or object key) in `value` that contains U+0000. */
export function nulPath(value: unknown, path: string[] = []): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path.join('.') : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = nulPath(value[i], [...path, String(i)]);
      if (found !== null) return found;
    }
    return null;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (key.includes('\u0000')) return [...path, key].join('.');
      const found = nulPath(item, [...path, key]);
      if (found !== null) return found;
    }
  }
  return null;
}
