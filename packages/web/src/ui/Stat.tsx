import type { ReactNode } from 'react';
import { Icon } from './Icon.tsx';
import { IconTrendDown, IconTrendFlat, IconTrendUp } from './icons.ts';

// A figure with its label and, optionally, its trend in words ("+3 desde agosto"). Stats sit
// in a StatGroup (a description list: label → value).

export function StatGroup({ compact, children }: { compact?: boolean; children: ReactNode }) {
  return <dl className={compact ? 'stats stats--compact' : 'stats'}>{children}</dl>;
}

export interface StatProps {
  label: ReactNode;
  value: ReactNode;
  /** Direction draws the arrow; `text` says it in words (required with a trend). */
  trend?: { direction: 'up' | 'down' | 'flat'; text: string };
}

const TREND_ICONS = { up: IconTrendUp, down: IconTrendDown, flat: IconTrendFlat };

export function Stat({ label, value, trend }: StatProps) {
  return (
    <div className="stat">
      <dt className="stat__label">{label}</dt>
      <dd className="stat__value">{value}</dd>
      {trend ? (
        <dd className="stat__trend">
          <Icon icon={TREND_ICONS[trend.direction]} small />
          {trend.text}
        </dd>
      ) : null}
    </div>
  );
}
