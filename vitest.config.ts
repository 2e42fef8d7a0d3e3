import { defineConfig } from 'vitest/config';

/**
 * One run, two projects: `unit` (everything but the real tools) first, then `real`, where
 * tp-setup's configs are driven through the real, pinned tools against a loopback mock of Model
 * Studio. The real project installs its tools into a cache outside the repo (globalSetup) and
 * runs one file at a time: the tools are heavy and the machine has two cores.
 */
export default defineConfig({
  test: {
    reporters: ['default', './test/reporters/summary-line.ts'],
    pool: 'forks',
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
          exclude: ['**/node_modules/**', '**/.git/**', 'test/real/**'],
          setupFiles: ['test/setup-env.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          name: 'real',
          include: ['test/real/**/*.test.ts'],
          globalSetup: ['test/real/global-setup.ts'],
          testTimeout: 5 * 60_000,
          hookTimeout: 2 * 60_000,
          fileParallelism: false,
          maxConcurrency: 1,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
