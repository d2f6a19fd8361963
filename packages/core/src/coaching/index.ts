export * from './api.ts';
export * from './commitments.ts';
export * from './ladder.ts';
export * from './plan.ts';
export * from './progress.ts';
export * from './records.ts';
export * from './stages.ts';
export * from './visit-date.ts';
