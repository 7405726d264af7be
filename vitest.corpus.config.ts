import { defineConfig } from 'vitest/config';

// `npm run test:corpus`: suites that need ../shared (the real digest corpus). They fail, never skip,
// when it is missing.
export default defineConfig({
  test: {
    include: ['test/corpus/**/*.test.ts'],
    testTimeout: 120_000,
  },
});
