import { type ReactNode, Suspense, useEffect, useRef, useState } from 'react';
import { Skeleton } from './Skeleton.tsx';

// A section below the fold, drawn — and its code fetched — when it comes near the screen: a
// phone on 3G first downloads what its first screen shows, and the rest when the person
// scrolls. Where the browser cannot tell (no IntersectionObserver), it is drawn at once.

export interface WhenVisibleProps {
  /** What the placeholder announces while the section is not drawn yet. */
  label: string;
  lines?: number;
  children: ReactNode;
}

export function WhenVisible({ label, lines = 3, children }: WhenVisibleProps) {
  const [near, setNear] = useState(false);
  const anchor = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (near) return;
    const element = anchor.current;
    if (!element || typeof IntersectionObserver === 'undefined') {
      setNear(true);
      return;
    }
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) setNear(true);
      },
      { rootMargin: '300px 0px' },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [near]);
  const placeholder = <Skeleton lines={lines} label={label} />;
  if (!near) return <div ref={anchor}>{placeholder}</div>;
  return <Suspense fallback={placeholder}>{children}</Suspense>;
}
