import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button.tsx';
import { SelectField } from '../../ui/Field.tsx';
import { IconFilter } from '../../ui/icons.ts';
import { Sheet } from '../../ui/Sheet.tsx';

// Filters of a list: one button ("Filtros (2 activos)") that opens a Sheet (full width on a
// phone) of native selects, so the list keeps the screen. Values live in the URL (see
// RosterPage) and apply as they change.

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
  const [open, setOpen] = useState(false);
  const count = Object.values(values).filter(Boolean).length;
  const title = count > 0 ? t('rosters.filters.active', { count }) : t('rosters.filters.title');
  return (
    <>
      <p className="filters">
        <Button variant="secondary" icon={IconFilter} onClick={() => setOpen(true)}>
          {title}
        </Button>
        {count > 0 ? (
          <Button variant="quiet" onClick={onClear}>
            {t('rosters.filters.clear')}
          </Button>
        ) : null}
      </p>
      <Sheet
        open={open}
        onClose={() => setOpen(false)}
        title={t('rosters.filters.title')}
        footer={
          <>
            <Button block onClick={() => setOpen(false)}>
              {t('rosters.filters.apply')}
            </Button>
            {count > 0 ? (
              <Button variant="quiet" block onClick={onClear}>
                {t('rosters.filters.clear')}
              </Button>
            ) : null}
          </>
        }
      >
        {defs.map((def) => (
          <SelectField
            key={def.name}
            label={def.label}
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
          </SelectField>
        ))}
        {hidden.length > 0 ? (
          <p className="field__hint">{t('rosters.filters.otherFilter')}</p>
        ) : null}
      </Sheet>
    </>
  );
}
