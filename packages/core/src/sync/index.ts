export * from './anchors.ts';
export * from './entities.ts';
export * from './labels.ts';
export * from './protocol.ts';
export * from './revisions.ts';
