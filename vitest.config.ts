import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          // Dates are Japan time whatever the machine's zone: unit tests run far from Japan and
          // assert it (tests/unit/dates.test.ts); tests/e2e/site.test.ts builds in UTC and Los Angeles.
          env: { TZ: 'America/Los_Angeles' },
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          testTimeout: 300_000,
          hookTimeout: 300_000,
          // Builds and browsers share 2 cores: one file at a time.
          fileParallelism: false,
        },
      },
    ],
  },
});
