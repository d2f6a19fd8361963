import './zod-locale.ts';

export * from './api/auth.ts';
export * from './api/pagination.ts';
export * from './api/rosters.ts';
export * from './errors.ts';
export * from './policy/policy.ts';
export * from './roles.ts';
export * from './validators.ts';
