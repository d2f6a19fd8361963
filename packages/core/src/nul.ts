// U+0000 (NUL) cannot be stored by PostgreSQL in text or jsonb, and nobody types it on
// purpose: input carrying it is refused with a field error instead of failing in the database.

export const NUL_MESSAGE =
  'contiene un carácter no permitido (U+0000). Bórralo y vuelve a intentarlo.';

/** The dotted path of the first string (or object key) in `value` that contains U+0000. */
export function nulPath(value: unknown): string | null {
  const found = nulAt(value);
  return found === null ? null : found.reverse().join('.');
}

/** The path to the NUL, innermost first; null when there is none. Every sync mutation passes
 *  here, so nothing is allocated on the way down — only on the way back from a find. */
function nulAt(value: unknown): string[] | null {
  if (typeof value === 'string') return value.includes('\u0000') ? [] : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = nulAt(value[i]);
      if (found !== null) {
        found.push(String(i));
        return found;
      }
    }
    return null;
  }
  if (value !== null && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    for (const key in obj) {
      if (!Object.hasOwn(obj, key)) continue;
      if (key.includes('\u0000')) return [key];
      const found = nulAt(obj[key]);
      if (found !== null) {
        found.push(key);
        return found;
      }
    }
  }
  return null;
}
