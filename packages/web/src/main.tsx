import './app/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { applyStoredContrast } from './ui/contrast-setting.ts';

// Preact renders the app (React's API through preact/compat, see vite.config.ts); in development
// its debug layer warns about mistakes React DOM's development build would catch. Dropped from
// production builds (import.meta.env.DEV is false there).
if (import.meta.env.DEV) await import('preact/debug');

const root = document.getElementById('root');
if (!root) throw new Error('index.html must contain <div id="root">');

// Before the first paint, so a person who chose high contrast never sees the other theme.
applyStoredContrast();

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
