// The web app renders with Preact through its React compatibility layer (docs/ARCHITECTURE.md,
// "Rendering engine"): the code, its types (@types/react) and its libraries (wouter,
// react-i18next, lucide-react, dexie-react-hooks) are written against React's API, and these
// aliases hand every import of React or React DOM to preact/compat instead. React DOM alone
// weighed ~55 KB brotli on the login page; Preact with compat is ~5 KB.
// One list for the build (vite.config.ts) and the unit tests (the root vitest.config.ts), so
// the tests exercise the engine people get. Exact matches only: `react-i18next` and the like must
// not be caught by a `react` prefix.

const exact = (name: string) => new RegExp(`^${name.replace(/[./]/g, '\\$&')}$`);

export const preactAliases = [
  { find: exact('react'), replacement: 'preact/compat' },
  { find: exact('react-dom'), replacement: 'preact/compat' },
  { find: exact('react-dom/client'), replacement: 'preact/compat/client' },
  { find: exact('react-dom/server'), replacement: 'preact/compat/server' },
  { find: exact('react/jsx-runtime'), replacement: 'preact/jsx-runtime' },
  { find: exact('react/jsx-dev-runtime'), replacement: 'preact/jsx-dev-runtime' },
  // react-i18next's shim for React < 18 (CommonJS, requires React itself): compat has the hook.
  { find: exact('use-sync-external-store/shim'), replacement: 'preact/compat' },
  { find: exact('use-sync-external-store/shim/index.js'), replacement: 'preact/compat' },
];

/**
 * Packages under node_modules that import React. Vitest runs dependencies untransformed by
 * default (Node resolves their `import 'react'` itself, past the aliases); these must go
 * through Vite so they share the one preact/compat with the app.
 */
export const usesReact = [
  /[\\/]node_modules[\\/]wouter[\\/]/,
  /[\\/]node_modules[\\/]react-i18next[\\/]/,
  /[\\/]node_modules[\\/]lucide-react[\\/]/,
  /[\\/]node_modules[\\/]dexie-react-hooks[\\/]/,
];
