import type { ReactNode } from 'react';
import { Icon } from './Icon.tsx';
import { IconAlert, IconCheck, IconClock, IconInfo, type IconType } from './icons.ts';

// A status in colour AND words (and an icon for the states that call for attention): "sin
// enviar", "completo", "vencido". The text is required; colour never carries meaning alone.

export type Tone = 'neutral' | 'info' | 'success' | 'warning' | 'danger';

const TONE_ICONS: Record<Tone, IconType | null> = {
  neutral: null,
  info: IconInfo,
  success: IconCheck,
  warning: IconClock,
  danger: IconAlert,
};

export interface BadgeProps {
  tone?: Tone;
  /** The status in words (required). */
  children: ReactNode;
  /** Replaces the tone's icon; `false` for none. */
  icon?: IconType | false;
}

export function Badge({ tone = 'neutral', children, icon }: BadgeProps) {
  const glyph = icon === false ? null : (icon ?? TONE_ICONS[tone]);
  return (
    <span className={`badge badge--${tone}`}>
      {glyph ? <Icon icon={glyph} small /> : null}
      {children}
    </span>
  );
}
