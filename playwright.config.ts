import { defineConfig } from '@playwright/test';
import { chromiumPath } from './scripts/browser.mjs';

// End-to-end tests drive the *built* app (npm run build) in Debian's
// Chromium. `--enable-unsafe-webgpu` exposes WebGPU and WebGL through
// SwiftShader, so the backend chooser sees what a GPU-less visitor sees.
// E2E_PORT and E2E_DIST let several engineers test their own builds side by side.
const port = Number(process.env.E2E_PORT ?? 4173);
const dist = process.env.E2E_DIST ?? 'dist';
export default defineConfig({
  testDir: 'e2e',
  timeout: 120_000,
  expect: { timeout: 20_000 },
  fullyParallel: false,
  workers: 1,
  // One retry on CI (Playwright's own template has two): a few specs bound
  // long tasks or drag timing on a shared machine; a test broken for real
  // fails both tries, and the report names any test that needed the retry.
  retries: process.env.CI ? 1 : 0,
  reporter: [['list']],
  outputDir: process.env.E2E_OUT ?? 'test-results',
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    viewport: { width: 1280, height: 900 },
    launchOptions: {
      executablePath: chromiumPath() ?? undefined,
      args: [
        '--enable-unsafe-webgpu',
        '--no-sandbox',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command: `npx vite preview --host 127.0.0.1 --port ${port} --strictPort --outDir ${dist}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
