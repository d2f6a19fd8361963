export * from './api.ts';
export * from './definition.ts';
export * from './diff.ts';
export * from './response.ts';
export * from './scoring.ts';
export * from './seed/index.ts';
export * from './versioning.ts';
