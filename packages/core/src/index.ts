import './zod-locale.ts';

export * from './api/auth.ts';
export * from './api/catalog.ts';
export * from './api/coaches.ts';
export * from './api/common.ts';
export * from './api/labels.ts';
export * from './api/pagination.ts';
export * from './api/rosters.ts';
export * from './api/territory.ts';
export * from './api/warnings.ts';
export * from './errors.ts';
export * from './imports/index.ts';
export * from './policy/policy.ts';
export * from './roles.ts';
export * from './sync/index.ts';
export * from './validators.ts';
