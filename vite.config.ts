import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';

/**
 * The Content-Security-Policy of the built app, as a <meta> tag (a static
 * host may send no headers). Scripts come from the app's own origin only;
 * 'wasm-unsafe-eval' lets WebAssembly compile (tfjs's WASM backend, Engram's
 * SIMD kernels) without allowing eval. Inline styles are allowed because
 * KaTeX writes style attributes; no inline script is. Blob and data URLs
 * serve exports (CSV, PNG) and canvas images. Only in the build: Vite's dev
 * server injects an inline script for hot reloading.
 */
export const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self' data: blob:",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'engram-csp',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP },
        injectTo: 'head-prepend',
      },
    ],
  };
}

// `base: './'` makes every asset URL relative, so the built folder works from
// any sub-path of a static host (and from a file share). Routes are hash
// routes, so the host needs no rewrites.
export default defineConfig({
  base: './',
  plugins: [
    react(),
    contentSecurityPolicy(),
    // Offline: a Workbox service worker precaches the shell, every lab's
    // chunks, the tfjs WASM binaries, the MNIST asset and the shipped models,
    // so every lab opens offline after one visit. 'prompt': a new deployment
    // waits until the visitor clicks "Reload" (src/app/UpdateBanner.tsx),
    // never reloading in the middle of a run. The app registers the worker
    // itself (no inline script, so the CSP holds).
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      manifest: {
        name: 'Engram: how memory works',
        short_name: 'Engram',
        description: 'Interactive labs on how memory works in neural networks and in people',
        theme_color: '#1f3b57',
        background_color: '#ffffff',
        display: 'standalone',
        icons: [{ src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml' }],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,wasm,bin,json}'],
        maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 1200,
  },
  server: { port: 5173, strictPort: false },
  preview: { port: 4173, strictPort: true },
});
