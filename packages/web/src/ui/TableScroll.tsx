import type { ReactNode } from 'react';

// A data table that may be wider than a phone: it scrolls sideways inside its own frame (never
// the page), takes keyboard focus so it can be scrolled without a pointer, keeps the row
// headers (first column) and the caption in view, and is named by its caption.

export interface TableScrollProps {
  /** Visible caption (the table's name). */
  caption: ReactNode;
  /** Hide the caption when a heading right above already says it. */
  captionHidden?: boolean;
  id: string;
  /** Short values (levels, counts) centred in their columns, each on one line. */
  centred?: boolean;
  /** The <thead> and <tbody>. */
  children: ReactNode;
}

export function TableScroll({
  caption,
  captionHidden = false,
  id,
  centred = false,
  children,
}: TableScrollProps) {
  return (
    <section
      className="table-scroll"
      aria-labelledby={id}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must take focus.
      tabIndex={0}
    >
      <table className={centred ? 'table table--centred' : 'table'}>
        <caption id={id} className={captionHidden ? 'visually-hidden' : undefined}>
          <span className="table__caption">{caption}</span>
        </caption>
        {children}
      </table>
    </section>
  );
}
