export * from './acta.ts';
export * from './acta-texts.ts';
export * from './agenda.ts';
export * from './api.ts';
export * from './counting.ts';
export * from './labels.ts';
export * from './records.ts';
export * from './rules.ts';
