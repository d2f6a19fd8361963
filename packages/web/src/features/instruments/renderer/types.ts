import type { Answers } from '@acompana/core';
import type { Dispatch, SetStateAction } from 'react';

/** State setter of the answers: functional updates keep each control's callback stable, so a
 *  keystroke re-renders only the desempeño or item it belongs to. */
export type SetAnswers<A extends Answers = Answers> = Dispatch<SetStateAction<A>>;
