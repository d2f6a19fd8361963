import { type ReactNode, useId } from 'react';
import { formatNumber } from '../../app/i18n/index.ts';
import { Badge } from '../../ui/Badge.tsx';
import { List } from '../../ui/ListItem.tsx';

// One kind of warning (teachers without a coach, coaches above the range, changes of coach…):
// its title with the count as a badge, an optional note, the rows, and how many are not listed.
// Used by the supervisors' «Avisos» and by the flags of «Asignaciones».

export function WarningBlock({
  id,
  title,
  count,
  note,
  none,
  more,
  framed = true,
  children,
}: {
  id?: string;
  title: string;
  count: number;
  note?: string;
  /** Said when the count is zero. */
  none: string;
  /** «Y N más.» when some rows are not listed, else null. */
  more: string | null;
  /** Its own box with the warning edge; false inside a card that already has one. */
  framed?: boolean;
  children: ReactNode;
}) {
  const ownId = useId();
  const headingId = id ?? ownId;
  return (
    <section className={framed ? 'warning-block' : undefined} aria-labelledby={headingId}>
      <h3 id={headingId}>
        {title}{' '}
        <Badge tone={count > 0 ? 'warning' : 'success'} icon={false}>
          {formatNumber(count)}
        </Badge>
      </h3>
      {note ? <p className="field__hint">{note}</p> : null}
      {count === 0 ? <p>{none}</p> : <List labelledBy={headingId}>{children}</List>}
      {more ? <p>{more}</p> : null}
    </section>
  );
}
