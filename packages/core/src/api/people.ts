import { z } from 'zod';
import { ROLES, SCOPE_LEVELS } from '../roles.ts';
import { ACCOUNT_STATUSES, accountAuditEntrySchema } from './accounts.ts';
import { booleanQuery, enumQuery, idSchema } from './common.ts';
import { pageQuerySchema, pageWithTotalOf } from './pagination.ts';

// Contract of «Personas» (issue 14): the people directory of a supervisor's territory and a
// person's page (roles with dates, account status, the actions the asker may take, the audit).

export const personListQuerySchema = pageQuerySchema.extend({
  /** A current role (a post this school year counts as docente). */
  role: enumQuery(ROLES).optional(),
  /** Works at this school now (a post this year, or a role scoped to the school). */
  school: idSchema.optional(),
  status: enumQuery(ACCOUNT_STATUSES).optional(),
  total: booleanQuery.optional(),
});
export type PersonListQuery = z.infer<typeof personListQuerySchema>;

const placeRefSchema = z.object({ id: z.string(), name: z.string() });

export const personItemSchema = z.object({
  id: z.string(),
  dni: z.string(),
  displayName: z.string(),
  roles: z.array(z.enum(ROLES)),
  /** Schools where the person works now (posts this year, school-scoped roles). */
  schools: z.array(placeRefSchema),
  status: z.enum(ACCOUNT_STATUSES),
});
export type PersonItem = z.infer<typeof personItemSchema>;
export const personPageSchema = pageWithTotalOf(personItemSchema);

export const roleAssignmentViewSchema = z.object({
  id: z.string(),
  role: z.enum(ROLES),
  scopeLevel: z.enum(SCOPE_LEVELS),
  /** Name of the region, UGEL, network or school (null: national). */
  scopeName: z.string().nullable(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  /** In force today (America/Lima). */
  current: z.boolean(),
});
export type RoleAssignmentView = z.infer<typeof roleAssignmentViewSchema>;

/** What the asker may do on this page (the server still decides each request). */
export const PERSON_ACTIONS = [
  'issueCode',
  'reset',
  'deactivate',
  'reactivate',
  'unlock',
  'endRole',
] as const;
export type PersonAction = (typeof PERSON_ACTIONS)[number];

export const personDetailSchema = z.object({
  id: z.string(),
  dni: z.string(),
  displayName: z.string(),
  roles: z.array(z.enum(ROLES)),
  schools: z.array(placeRefSchema),
  /** Every role assignment, ended ones included (history), newest first. */
  assignments: z.array(roleAssignmentViewSchema),
  status: z.enum(ACCOUNT_STATUSES),
  /** Expiry of the activation code that still works, if any (never the code). */
  codeExpiresAt: z.string().nullable(),
  actions: z.array(z.enum(PERSON_ACTIONS)),
  /** The audited changes to the account and roles; null when the asker may not read them
   *  (a director). */
  history: z.array(accountAuditEntrySchema).nullable(),
});
export type PersonDetail = z.infer<typeof personDetailSchema>;

export const personParamsSchema = z.object({ id: idSchema });
