import { type FormEvent, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button.tsx';

// Search field for the lists: applies after a short pause in typing, or at once on Enter.

interface Props {
  value: string;
  hint: string;
  onSearch: (q: string) => void;
}

const DEBOUNCE_MS = 350;

export function SearchBox({ value, hint, onSearch }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState(value);
  const [applied, setApplied] = useState(value);

  // The URL changed from elsewhere (back button, a link): show that search, drop the draft.
  if (value !== applied) {
    setApplied(value);
    if (value !== text.trim()) setText(value);
  }

  useEffect(() => {
    if (text.trim() === value.trim()) return;
    const timer = setTimeout(() => onSearch(text.trim()), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, value, onSearch]);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    onSearch(text.trim());
  };

  return (
    <search className="search">
      <form onSubmit={onSubmit}>
        <label htmlFor={`${id}-q`}>{t('rosters.search')}</label>
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
        <div className="search__row">
          <input
            id={`${id}-q`}
            type="search"
            name="q"
            value={text}
            maxLength={100}
            autoComplete="off"
            spellCheck={false}
            aria-describedby={`${id}-hint`}
            onChange={(event) => setText(event.target.value)}
          />
          <Button type="submit">{t('rosters.searchSubmit')}</Button>
        </div>
      </form>
    </search>
  );
}
