import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'cli/**/*.test.ts', 'bench/**/*.test.ts'],
    environment: 'node',
    // Generous: CI and developers share two cores, and a model test's setup (training a small
    // network, loading the digits) can take seconds there.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
