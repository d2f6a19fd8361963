import { z } from 'zod';

// Cursor pagination: the server returns an opaque `nextCursor`; null means the last page.

export const pageQuerySchema = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce
    .number({ error: 'El límite debe ser un número.' })
    .int({ error: 'El límite debe ser un número entero.' })
    .min(1, { error: 'El límite debe ser al menos 1.' })
    .max(200, { error: 'El límite no puede ser mayor que 200.' })
    .default(50),
  q: z.string().trim().max(100, { error: 'La búsqueda es demasiado larga.' }).optional(),
});
export type PageQuery = z.infer<typeof pageQuerySchema>;

export function pageOf<T extends z.ZodTypeAny>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

/** A page that may also carry `total`: every row matching the filters within the asker's
 *  reach (asked for with `total=true`; people see exact counts, not "50 o más"). */
export function pageWithTotalOf<T extends z.ZodTypeAny>(item: T) {
  return z.object({
    items: z.array(item),
    nextCursor: z.string().nullable(),
    total: z.number().int().nonnegative().optional(),
  });
}
