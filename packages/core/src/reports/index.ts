export * from './compliance.ts';
export * from './suppression.ts';
