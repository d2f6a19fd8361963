import { z } from 'zod';
import { pageOf } from './pagination.ts';

// Roster list items. Later roster work (territory, caseloads) extends these shapes.

export const schoolItemSchema = z.object({
  id: z.string(),
  codigoModular: z.string(),
  anexo: z.number().int(),
  name: z.string(),
  level: z.string(),
  ugelName: z.string(),
});
export type SchoolItem = z.infer<typeof schoolItemSchema>;
export const schoolPageSchema = pageOf(schoolItemSchema);

export const teacherItemSchema = z.object({
  id: z.string(),
  dni: z.string(),
  displayName: z.string(),
  schools: z.array(z.object({ id: z.string(), name: z.string(), codigoModular: z.string() })),
});
export type TeacherItem = z.infer<typeof teacherItemSchema>;
export const teacherPageSchema = pageOf(teacherItemSchema);
