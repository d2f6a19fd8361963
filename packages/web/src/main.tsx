import './app/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { applyStoredContrast } from './ui/contrast-setting.ts';

const root = document.getElementById('root');
if (!root) throw new Error('index.html must contain <div id="root">');

// Before the first paint, so a person who chose high contrast never sees the other theme.
applyStoredContrast();

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
