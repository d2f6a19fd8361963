import type { ButtonHTMLAttributes } from 'react';
import { Icon } from './Icon.tsx';
import type { IconType } from './icons.ts';

// A square 48 × 48 button with only an icon: `label` is required and becomes its accessible
// name (and tooltip), so it is never unlabelled. Prefer Button when there is room for a word.

export interface IconButtonProps
  extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'aria-label' | 'children' | 'title'> {
  icon: IconType;
  label: string;
}

export function IconButton({ icon, label, className, type = 'button', ...rest }: IconButtonProps) {
  if (!label.trim()) throw new Error('IconButton needs a label');
  return (
    <button
      {...rest}
      type={type}
      className={className ? `icon-button ${className}` : 'icon-button'}
      aria-label={label}
      title={label}
    >
      <Icon icon={icon} />
    </button>
  );
}
