import { type ReactNode, useId } from 'react';

// A surface that groups one thing (a school, a figure block, a form step). With a title it is
// a labelled region (section + heading); `level` keeps the page's heading outline right.

export interface CardProps {
  title?: ReactNode;
  /** Heading level of the title (2 by default; 3 inside a section that has its own h2). */
  level?: 2 | 3;
  /** `warning` adds an accent bar; the content must still say what is wrong in words. */
  tone?: 'default' | 'warning';
  /** Rendered as a list item when the card is one of several (<ul className="cards">). */
  as?: 'section' | 'li' | 'div';
  actions?: ReactNode;
  children?: ReactNode;
}

export function Card({
  title,
  level = 2,
  tone = 'default',
  as = 'section',
  actions,
  children,
}: CardProps) {
  const id = useId();
  const Heading = level === 2 ? 'h2' : 'h3';
  const Tag = as;
  return (
    <Tag
      className={tone === 'warning' ? 'card card--warning' : 'card'}
      aria-labelledby={title && as === 'section' ? id : undefined}
    >
      {title ? (
        <Heading id={id} className="card__title">
          {title}
        </Heading>
      ) : null}
      {children}
      {actions ? <div className="button-row">{actions}</div> : null}
    </Tag>
  );
}
