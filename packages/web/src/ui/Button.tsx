import type { ButtonHTMLAttributes, ReactNode, Ref } from 'react';
import { Link, type LinkProps } from '../app/router.tsx';
import { Icon } from './Icon.tsx';
import type { IconType } from './icons.ts';

// Button (an action) and ButtonLink (navigation that looks like a button). Four variants;
// `loading` keeps the label readable, shows a spinner, sets aria-busy and ignores taps;
// disabled looks disabled (tokens: --color-disabled*). Always a visible text label.

export type ButtonVariant = 'primary' | 'secondary' | 'quiet' | 'danger';

interface Look {
  variant?: ButtonVariant;
  /** Full width on phones (the main action of a form). */
  block?: boolean;
  icon?: IconType;
}

export function buttonClass({ variant = 'primary', block }: Look, extra?: string): string {
  return ['button', `button--${variant}`, block ? 'button--block' : '', extra ?? '']
    .filter(Boolean)
    .join(' ');
}

export interface ButtonProps extends Look, ButtonHTMLAttributes<HTMLButtonElement> {
  children: ReactNode;
  /** Shows a spinner and, when given, `loadingLabel` instead of the label ("Guardando…"). */
  loading?: boolean;
  loadingLabel?: string;
  /** The element, to give it the focus back (after removing the row above it). */
  buttonRef?: Ref<HTMLButtonElement>;
}

export function Button({
  variant,
  block,
  icon,
  loading = false,
  loadingLabel,
  disabled,
  className,
  type = 'button',
  buttonRef,
  children,
  ...rest
}: ButtonProps) {
  return (
    <button
      {...rest}
      ref={buttonRef}
      type={type}
      className={buttonClass({ variant, block }, className)}
      disabled={disabled || loading}
      aria-busy={loading || undefined}
    >
      {loading ? (
        <span className="spinner" aria-hidden="true" />
      ) : icon ? (
        <Icon icon={icon} />
      ) : null}
      {loading && loadingLabel ? loadingLabel : children}
    </button>
  );
}

export interface ButtonLinkProps extends Look, LinkProps {
  children: ReactNode;
}

export function ButtonLink({
  variant,
  block,
  icon,
  className,
  children,
  ...rest
}: ButtonLinkProps) {
  return (
    <Link {...rest} className={buttonClass({ variant, block }, className)}>
      {icon ? <Icon icon={icon} /> : null}
      {children}
    </Link>
  );
}
