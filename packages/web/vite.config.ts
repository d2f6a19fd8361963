import { fileURLToPath } from 'node:url';
import { constants } from 'node:zlib';
import { defineConfig } from 'vite';
import { compression, defineAlgorithm } from 'vite-plugin-compression2';
import { VitePWA } from 'vite-plugin-pwa';
import { preactAliases } from './preact-alias.ts';

// The API server (packages/server) listens on :3000 and serves dist/ in production; during
// development and preview we proxy /api to it so cookies and CSRF checks behave as same-origin.
const api = { '/api': { target: 'http://localhost:3000', changeOrigin: false } };

// The PWA (docs/SYNC.md, Client): Workbox precaches the app shell and every code chunk, and
// every navigation falls back to index.html, so all field routes open offline after the first
// visit. The API is never cached by the service worker: data lives in IndexedDB. Updates wait
// for the person's "Actualizar" (registerType 'prompt').
const pwa = VitePWA({
  registerType: 'prompt',
  injectRegister: false,
  includeAssets: ['favicon.svg', 'icons/apple-touch-icon.png'],
  manifest: {
    name: 'Acompaña: acompañamiento pedagógico',
    short_name: 'Acompaña',
    description: 'Registro de visitas y acompañamiento pedagógico, también sin conexión.',
    lang: 'es-PE',
    start_url: '/',
    scope: '/',
    display: 'standalone',
    orientation: 'portrait',
    background_color: '#ffffff',
    theme_color: '#0b4a6f',
    icons: [
      { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
      { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
      { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
      { src: '/favicon.svg', sizes: 'any', type: 'image/svg+xml' },
    ],
  },
  workbox: {
    globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
    navigateFallback: '/index.html',
    navigateFallbackDenylist: [/^\/api\//],
    cleanupOutdatedCaches: true,
  },
});

// Brotli and gzip copies of every text asset, written beside it (name.js.br, name.js.gz); the
// server sends the one the browser accepts (packages/server/src/http/web.ts). The service
// worker precaches the plain names and gets the compressed bytes the same way.
// Small files too: a chunk of a few hundred bytes still shrinks by a third or more; a copy
// that would not be smaller is not written (the plugin's skipIfLargerOrEqual).
const compressed = compression({
  include: /\.(html|js|mjs|css|svg|json|webmanifest)$/,
  algorithms: [
    defineAlgorithm('brotliCompress', { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
    defineAlgorithm('gzip', { level: 9 }),
  ],
});

/** Optional jsPDF plugins the app never calls (see src/features/visits/pdf/jspdf-unused.ts). */
const jspdfUnused = fileURLToPath(
  new URL('src/features/visits/pdf/jspdf-unused.ts', import.meta.url),
);

// JSX compiles with tsconfig's `react-jsx` (Vite's own transform); the React imports it emits
// resolve to Preact (preact-alias.ts). No React Fast Refresh: in development an edit to a
// component reloads the page.
export default defineConfig({
  plugins: [pwa, compressed],
  resolve: {
    alias: [
      ...preactAliases,
      { find: /^(html2canvas|dompurify|canvg)$/, replacement: jspdfUnused },
    ],
  },
  server: { proxy: api },
  preview: { proxy: api },
  build: {
    target: 'es2022',
    rolldownOptions: {
      output: {
        // Libraries that always load together travel as one file each (fewer requests, one
        // compression context); everything else is split by rolldown per screen.
        codeSplitting: {
          groups: [
            {
              name: 'framework',
              test: /node_modules[\\/](preact|wouter|regexparam|i18next|react-i18next)[\\/]/,
            },
            // Zod's Spanish messages load with the first record saved (offline/zod-spanish.ts).
            { name: 'zod', test: /node_modules[\\/]zod[\\/](?!v4[\\/]locales[\\/])/ },
          ],
        },
      },
    },
  },
});
