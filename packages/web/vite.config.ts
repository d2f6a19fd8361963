import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The API server (packages/server) listens on :3000 and serves dist/ in production; during
// development and preview we proxy /api to it so cookies and CSRF checks behave as same-origin.
const api = { '/api': { target: 'http://localhost:3000', changeOrigin: false } };

export default defineConfig({
  plugins: [react()],
  server: { proxy: api },
  preview: { proxy: api },
  build: {
    // bench/bundle.mjs reads the manifest to measure the login + coach-home budget.
    manifest: true,
    target: 'es2022',
  },
});
