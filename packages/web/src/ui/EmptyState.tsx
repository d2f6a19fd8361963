import type { ReactNode } from 'react';
import { Icon } from './Icon.tsx';
import { IconInbox, type IconType } from './icons.ts';

// "Nothing here (yet)": what is empty, why or what to do next, and the action if there is one.

export interface EmptyStateProps {
  title: ReactNode;
  children?: ReactNode;
  icon?: IconType;
  action?: ReactNode;
}

export function EmptyState({ title, children, icon = IconInbox, action }: EmptyStateProps) {
  return (
    <div className="empty empty-state">
      <span className="empty-state__icon">
        <Icon icon={icon} />
      </span>
      <p className="empty-state__title">{title}</p>
      {children ? <p className="empty-state__body">{children}</p> : null}
      {action}
    </div>
  );
}
