import { useId } from 'react';
import { useTranslation } from 'react-i18next';

// Filters of a list as native selects inside a disclosure: light on a phone, fully keyboard
// and screen-reader operable. Values live in the URL (see RosterPage).

export interface FilterOption {
  value: string;
  label: string;
}

export interface FilterDef {
  name: string;
  label: string;
  options: FilterOption[];
}

interface Props {
  defs: FilterDef[];
  values: Record<string, string>;
  /** Filters set in the URL that have no select here (e.g. a school chosen on its page). */
  hidden: string[];
  onChange: (name: string, value: string) => void;
  onClear: () => void;
}

export function FilterPanel({ defs, values, hidden, onChange, onClear }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const count = Object.values(values).filter(Boolean).length;
  return (
    <details className="filters" open={count > 0 ? true : undefined}>
      <summary className="filters__summary">
        {count > 0 ? t('rosters.filters.active', { count }) : t('rosters.filters.title')}
      </summary>
      <div className="filters__body">
        {defs.map((def) => (
          <div className="field" key={def.name}>
            <label htmlFor={`${id}-${def.name}`}>{def.label}</label>
            <select
              id={`${id}-${def.name}`}
              name={def.name}
              value={values[def.name] ?? ''}
              onChange={(event) => onChange(def.name, event.target.value)}
            >
              <option value="">{t('rosters.filters.all')}</option>
              {def.options.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
          </div>
        ))}
        {hidden.length > 0 ? (
          <p className="field__hint">{t('rosters.filters.otherFilter')}</p>
        ) : null}
        {count > 0 ? (
          <button type="button" className="button button--quiet" onClick={onClear}>
            {t('rosters.filters.clear')}
          </button>
        ) : null}
      </div>
    </details>
  );
}
