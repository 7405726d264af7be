import { defineConfig } from 'vitest/config';

// `npm test`: everything that runs on a fresh clone with nothing beside it.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/shared/**', 'node_modules/**'],
  },
});
