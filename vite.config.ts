import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// `base: './'` makes every asset URL relative, so the built folder works from
// any sub-path of a static host (and from a file share). Routes are hash
// routes, so the host needs no rewrites.
export default defineConfig({
  base: './',
  plugins: [react()],
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 1200,
  },
  server: { port: 5173, strictPort: false },
  preview: { port: 4173, strictPort: true },
});
