import { useState } from 'react';

// The high-contrast setting: chosen on "Más", kept on the device (localStorage, per browser
// profile, not per account: it is about the screen and the light), applied as
// <html data-contrast="high"> which switches the tokens (tokens.css). main.tsx applies it
// before the first render so the page never flashes in the other theme.

const KEY = 'acompana.contrast';

function stored(): boolean {
  try {
    return localStorage.getItem(KEY) === 'high';
  } catch {
    return false; // storage blocked: the default theme
  }
}

function apply(high: boolean): void {
  if (high) document.documentElement.dataset.contrast = 'high';
  else delete document.documentElement.dataset.contrast;
}

export function applyStoredContrast(): void {
  apply(stored());
}

export function useHighContrast(): [boolean, (high: boolean) => void] {
  const [high, setHigh] = useState(stored);
  const change = (next: boolean) => {
    try {
      if (next) localStorage.setItem(KEY, 'high');
      else localStorage.removeItem(KEY);
    } catch {
      // Not persisted (storage blocked); still applied for this visit.
    }
    apply(next);
    setHigh(next);
  };
  return [high, change];
}
