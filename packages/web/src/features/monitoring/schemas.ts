// The checks of the report answers are core's (packages/core/src/api/reports.ts, the server's
// own contract); this module is imported on demand, so zod loads with the first answer.
export {
  complianceReportSchema as complianceSchema,
  coverageReportSchema as coverageSchema,
  myProgressSchema,
  progressReportSchema as progressSchema,
} from '@acompana/core';
