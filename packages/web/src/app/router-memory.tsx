import { type ReactNode, useState } from 'react';
import { Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';

// Tests and markup snapshots: the app's routes over a location kept in memory (no browser
// history), starting at `initialEntries[0]`.

export function MemoryRouter({
  initialEntries = ['/'],
  children,
}: {
  initialEntries?: string[];
  children: ReactNode;
}) {
  const [location] = useState(() => memoryLocation({ path: initialEntries[0] ?? '/' }));
  return (
    <Router hook={location.hook} searchHook={location.searchHook}>
      {children}
    </Router>
  );
}
