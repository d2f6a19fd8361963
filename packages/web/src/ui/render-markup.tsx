import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from '../app/router-memory.tsx';

// Test helpers: a component's markup, parsed, to read its accessibility contract (roles, names,
// descriptions, states) the way assistive technology would.

export function html(element: ReactElement, path = '/'): string {
  return renderToStaticMarkup(<MemoryRouter initialEntries={[path]}>{element}</MemoryRouter>);
}

export function dom(element: ReactElement, path = '/'): Document {
  return new DOMParser().parseFromString(`<body>${html(element, path)}</body>`, 'text/html');
}

/** Accessible name from aria-labelledby / aria-label / text (enough for these components). */
export function nameOf(doc: Document, el: Element): string {
  const ids = el.getAttribute('aria-labelledby');
  if (ids)
    return ids
      .split(' ')
      .map((id) => doc.getElementById(id)?.textContent ?? '')
      .join(' ');
  return el.getAttribute('aria-label') ?? el.textContent?.trim() ?? '';
}
