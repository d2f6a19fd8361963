import { z } from 'zod';
import { ACCOUNT_STATUSES } from './accounts.ts';
import { idSchema } from './common.ts';

// Activation sheets (issue 14): the codes of a school's people or of a coach and their
// caseload, issued together to be printed once. Printing again issues new codes.

export const activationSheetRequestSchema = z
  .object({ schoolId: idSchema.optional(), coachId: idSchema.optional() })
  .refine((v) => (v.schoolId === undefined) !== (v.coachId === undefined), {
    error: 'Indica una institución educativa (schoolId) o un acompañante (coachId), no ambos.',
  });
export type ActivationSheetRequest = z.infer<typeof activationSheetRequestSchema>;

const skippedSchema = z.object({
  personId: z.string(),
  displayName: z.string(),
  status: z.enum(ACCOUNT_STATUSES),
});

/** Before printing: who would get a code, and how many codes still live would be replaced. */
export const activationSheetPreviewSchema = z.object({
  title: z.string(),
  people: z.number().int(),
  withLiveCode: z.number().int(),
  /** People of the group who get no code: their account is active or deactivated. */
  skipped: z.array(skippedSchema),
});
export type ActivationSheetPreview = z.infer<typeof activationSheetPreviewSchema>;

export const activationSheetSchema = z.object({
  title: z.string(),
  /** The address people open to activate (printed, and as a QR code). */
  appUrl: z.string(),
  items: z.array(
    z.object({
      personId: z.string(),
      displayName: z.string(),
      dni: z.string(),
      code: z.string(),
      expiresAt: z.string(),
      replacedCode: z.boolean(),
    }),
  ),
  skipped: z.array(skippedSchema),
});
export type ActivationSheet = z.infer<typeof activationSheetSchema>;
