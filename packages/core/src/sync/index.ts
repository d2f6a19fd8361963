export * from './entities.ts';
export * from './protocol.ts';
