import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          // The same results whatever the machine's time zone (see tests/unit/timezone.test.ts).
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
