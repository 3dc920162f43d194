/**
 * Builds the VAE bench page (bench/vaepage) for the `vae` section of `npm
 * run bench`. The runner passes --outDir (a temporary folder), so no build
 * output lands in the linted tree.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  logLevel: 'warn',
  build: {
    target: 'es2022',
    outDir: join(tmpdir(), 'engram-bench-vaepage'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 5000,
  },
});
