import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'bench/**/*.test.ts'],
    // dist/ is compiled when src/ is newer: the CLI tests run it (see test/global-setup.ts).
    globalSetup: ['test/global-setup.ts'],
    // Two cores in CI: two workers, and generous timeouts for the suites that start servers and watchers.
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
})
