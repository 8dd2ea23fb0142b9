/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// `npm run dev` forwards the API and the sign-in endpoints to a running web-client (the local run).
const backend = process.env.RAPPORT_WEB_URL ?? 'http://127.0.0.1:8080';

export default defineConfig({
  plugins: [react()],
  build: {
    // Hashed file names under /assets are cached for a year by the server.
    assetsDir: 'assets',
    sourcemap: false,
    chunkSizeWarningLimit: 900,
    // Screens are loaded lazily (React.lazy), so the diary's calendar and the charts are separate chunks.
  },
  server: {
    proxy: {
      '/api': { target: backend, changeOrigin: false },
      '/auth/dev': backend,
      '/config.json': backend,
    },
  },
  test: {
    environment: 'jsdom',
    globals: true,
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
  },
});
