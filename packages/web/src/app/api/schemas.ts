// The schemas the API client checks with: answers (endpoints.ts) and the login form. Loaded on
// demand, with zod, by the first answer or submit that needs one, so the login page's code does
// not carry them (docs/BUDGETS.md). The server validates every input on its own.
export {
  activationRequestSchema,
  caseloadPageSchema,
  caseloadWriteResultSchema,
  coachDetailSchema,
  coachPageSchema,
  enrollmentPageSchema,
  interventionListSchema,
  interventionSchema,
  loginRequestSchema,
  meSchema,
  networkPageSchema,
  passwordChangeSchema,
  schoolDetailSchema,
  schoolPageSchema,
  sessionListSchema,
  sessionsEndedSchema,
  targetsSchema,
  teacherDetailSchema,
  teacherPageSchema,
  teacherVisitsSchema,
  ugelPageSchema,
  warningsSchema,
} from '@acompana/core';
