import type { ReactNode } from 'react';
import { Link, useLocation } from '../app/router.tsx';
import type { Tone } from './Badge.tsx';
import { Icon } from './Icon.tsx';
import type { IconType } from './icons.ts';

// The app-shell pieces: TopBar (brand and actions such as the sync chip), Chip (a small status
// that opens details), BottomNav (phones/tablets, ≤ 5 items) and SideNav (desktop ≥ 64 rem).
// Which items a role sees is decided in app/navigation.ts, not here.

export function TopBar({ brand, children }: { brand: string; children?: ReactNode }) {
  return (
    <header className="topbar">
      <div className="topbar__bar">
        <Link to="/" className="topbar__brand">
          {brand}
        </Link>
        <div className="topbar__actions">{children}</div>
      </div>
    </header>
  );
}

export interface ChipProps {
  tone: Tone;
  icon: IconType;
  /** The short state shown on the chip ("2 sin enviar"). */
  text: string;
  /** What the chip is about, read before the state ("Sincronización"). */
  label: string;
  onClick: () => void;
  expanded?: boolean;
}

export function Chip({ tone, icon, text, label, onClick, expanded }: ChipProps) {
  return (
    <button
      type="button"
      className={`chip chip--${tone}`}
      aria-haspopup="dialog"
      aria-expanded={expanded}
      aria-label={`${label}: ${text}`}
      onClick={onClick}
    >
      <span className="chip__face">
        <Icon icon={icon} small />
        {text}
      </span>
    </button>
  );
}

export interface NavItem {
  to: string;
  label: string;
  icon: IconType;
  /** Other paths that count as this item (e.g. /inicio/docente for the home). */
  alsoAt?: (pathname: string) => boolean;
  /** Only the exact path counts (the home "/"). */
  end?: boolean;
}

export function isCurrent(item: NavItem, pathname: string): boolean {
  if (item.alsoAt?.(pathname)) return true;
  if (item.end || item.to === '/') return pathname === item.to;
  return pathname === item.to || pathname.startsWith(`${item.to}/`);
}

/** When several items match (e.g. /docentes and /docentes/x/progreso), the longest wins. */
function currentOf(items: NavItem[], pathname: string): NavItem | undefined {
  return items
    .filter((item) => isCurrent(item, pathname))
    .sort((a, b) => b.to.length - a.to.length)[0];
}

function NavList({ items, linkClass }: { items: NavItem[]; linkClass: string }) {
  const { pathname } = useLocation();
  const current = currentOf(items, pathname);
  return (
    <ul>
      {items.map((item) => (
        <li key={item.to}>
          <Link
            to={item.to}
            className={linkClass}
            aria-current={item === current ? 'page' : undefined}
          >
            <Icon icon={item.icon} />
            <span>{item.label}</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}

export function BottomNav({ label, items }: { label: string; items: NavItem[] }) {
  if (items.length > 5) throw new Error('BottomNav holds at most 5 items');
  return (
    <nav className="bottom-nav" aria-label={label}>
      <NavList items={items} linkClass="bottom-nav__link" />
    </nav>
  );
}

export function SideNav({ label, items }: { label: string; items: NavItem[] }) {
  return (
    <nav className="side-nav" aria-label={label}>
      <NavList items={items} linkClass="side-nav__link" />
    </nav>
  );
}
