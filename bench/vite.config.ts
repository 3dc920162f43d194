/**
 * Builds the bench page (bench/page) for section 3 of `npm run bench`. The
 * runner passes --outDir (a temporary folder), so no build output lands in
 * the linted tree; the default is a folder under the system's temp dir.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('./page', import.meta.url)),
  base: './',
  // the MNIST asset, for the SIMD modern step on real digits
  publicDir: fileURLToPath(new URL('../public', import.meta.url)),
  logLevel: 'warn',
  build: {
    target: 'es2022',
    outDir: join(tmpdir(), 'engram-bench-page'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 5000,
  },
});
