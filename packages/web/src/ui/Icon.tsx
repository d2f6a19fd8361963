import type { IconType } from './icons.ts';

// Every icon is decoration beside a word: hidden from assistive technology, sized by tokens.

export function Icon({ icon: Glyph, small }: { icon: IconType; small?: boolean }) {
  return (
    <Glyph className={small ? 'icon icon--sm' : 'icon'} aria-hidden="true" focusable="false" />
  );
}
