import type { ReactNode } from 'react';
import { Link } from '../app/router.tsx';

// The way back above a page's heading ("Volver a visitas"): a plain link, ≥ 48 px tall, in its
// own paragraph so it never runs into the text.

export function BackLink({ to, children }: { to: string; children: ReactNode }) {
  return (
    <p className="back-link">
      <Link to={to}>{children}</Link>
    </p>
  );
}
