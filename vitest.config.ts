import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Each test file opens its own database (an in-memory PGlite, or a fresh PostgreSQL
    // database when TEST_DATABASE_URL is set); two workers match the two cores we have.
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
