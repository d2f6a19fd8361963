export * from './commitments.ts';
export * from './plan.ts';
export * from './stages.ts';
