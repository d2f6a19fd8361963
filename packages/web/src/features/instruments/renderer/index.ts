export { InstrumentForm, type InstrumentFormProps } from './InstrumentForm.tsx';
export type { SetAnswers } from './types.ts';
