import { defineConfig } from 'vitest/config';

// `npm run test:shared`: suites that need ../shared (the real digest corpus, the peer checkers and
// the tools they call). They fail, never skip, when any of it is missing.
export default defineConfig({
  test: {
    include: ['test/shared/**/*.test.ts'],
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
});
