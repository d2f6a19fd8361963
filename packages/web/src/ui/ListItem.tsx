import { type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../app/router.tsx';
import { Icon } from './Icon.tsx';
import { IconChevronRight, type IconType } from './icons.ts';

// Lists of people, visits, commitments and records. Each row shows who (title), what/where
// (secondary), when (meta) and the state (badge); when it leads somewhere the WHOLE row is one
// link (≥ 48 px tall) whose accessible name is the title alone, with the rest as its
// description, so screen readers hear "Ana Quispe, link" then the details.

export interface ListProps {
  /** Names the list for assistive technology (or use `labelledBy`). */
  label?: string;
  labelledBy?: string;
  children: ReactNode;
}

export function List({ label, labelledBy, children }: ListProps) {
  return (
    <ul className="list" aria-label={label} aria-labelledby={labelledBy}>
      {children}
    </ul>
  );
}

export interface ListItemProps {
  title: ReactNode;
  secondary?: ReactNode;
  meta?: ReactNode;
  /** A <Badge>: the state in colour and words. */
  badge?: ReactNode;
  icon?: IconType;
  /** Where the row leads; without it the row is static (no chevron). */
  to?: string;
  /** A control at the row's end ("Quitar"), or a `button-row` of a record's actions; only on a
   *  static row (a link holds none). Under the text when the row is too narrow for both. */
  action?: ReactNode;
}

export function ListItem({ title, secondary, meta, badge, icon, to, action }: ListItemProps) {
  const id = useId();
  const hasDetails = Boolean(secondary || meta || badge);
  const body = (
    <>
      {icon ? (
        <span className="list-item__icon">
          <Icon icon={icon} />
        </span>
      ) : null}
      <span className="list-item__body">
        <span id={`${id}-t`} className="list-item__title">
          {title}
        </span>
        {hasDetails ? (
          <span id={`${id}-d`} className="list-item__details">
            {secondary ? <span className="list-item__secondary">{secondary}</span> : null}
            {meta || badge ? (
              <span className="list-item__meta">
                {meta}
                {badge}
              </span>
            ) : null}
          </span>
        ) : null}
      </span>
    </>
  );
  return (
    <li>
      {to ? (
        <Link
          to={to}
          className="list-item"
          aria-labelledby={`${id}-t`}
          aria-describedby={hasDetails ? `${id}-d` : undefined}
        >
          {body}
          <span className="list-item__chevron">
            <Icon icon={IconChevronRight} />
          </span>
        </Link>
      ) : (
        <div className="list-item">
          {body}
          {action ? <span className="list-item__action">{action}</span> : null}
        </div>
      )}
    </li>
  );
}

/** A list that shows its first `shown` rows and keeps the rest one tap away. */
export function CappedList({
  label,
  labelledBy,
  items,
  shown = 5,
}: Omit<ListProps, 'children'> & { items: ReactNode[]; shown?: number }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const rest = items.length - shown;
  return (
    <>
      <List label={label} labelledBy={labelledBy}>
        {open ? items : items.slice(0, shown)}
      </List>
      {rest > 0 && !open ? (
        <p>
          <button type="button" className="button button--quiet" onClick={() => setOpen(true)}>
            {t('ui.showMore', { count: rest })}
          </button>
        </p>
      ) : null}
    </>
  );
}
