import type { ReactNode } from 'react';

// More detail one tap away (level descriptors, a definition): a native <details>, so it works
// with the keyboard and screen readers without script; the summary is a ≥ 48 px target.

export interface DisclosureProps {
  /** What opens ("Ver descriptores de los niveles"). */
  summary: ReactNode;
  children: ReactNode;
}

export function Disclosure({ summary, children }: DisclosureProps) {
  return (
    <details className="disclosure">
      <summary>{summary}</summary>
      {children}
    </details>
  );
}
