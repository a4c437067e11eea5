import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Each test file opens its own database (an in-memory PGlite, or a fresh PostgreSQL
    // database when TEST_DATABASE_URL is set); two workers match the two cores we have.
    pool: 'forks',
    // Each run gets its own licence folder, so tests never start (or end) the trial of the checkout.
    setupFiles: ['tests/support/isolated-license-dir.ts'],
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
