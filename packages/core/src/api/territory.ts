import { z } from 'zod';
import { idSchema } from './common.ts';
import { pageOf, pageQuerySchema } from './pagination.ts';

// Territory lists: regions (DRE) → UGEL → redes educativas rurales (RER).

export const regionItemSchema = z.object({ id: z.string(), code: z.string(), name: z.string() });
export type RegionItem = z.infer<typeof regionItemSchema>;
export const regionPageSchema = pageOf(regionItemSchema);

export const ugelListQuerySchema = pageQuerySchema.extend({ region: idSchema.optional() });
export type UgelListQuery = z.infer<typeof ugelListQuerySchema>;

export const ugelItemSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  region: z.object({ id: z.string(), name: z.string() }),
});
export type UgelItem = z.infer<typeof ugelItemSchema>;
export const ugelPageSchema = pageOf(ugelItemSchema);

export const networkListQuerySchema = pageQuerySchema.extend({ ugel: idSchema.optional() });
export type NetworkListQuery = z.infer<typeof networkListQuerySchema>;

export const networkItemSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  ugel: z.object({ id: z.string(), name: z.string() }),
  schoolCount: z.number().int(),
});
export type NetworkItem = z.infer<typeof networkItemSchema>;
export const networkPageSchema = pageOf(networkItemSchema);
