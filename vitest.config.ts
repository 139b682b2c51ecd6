import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Unit and component tests. DOM tests opt in with `// @vitest-environment jsdom` at the top.
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['lib/**/*.test.ts', 'components/**/*.test.tsx', 'entrypoints/**/*.test.ts', 'cli/**/*.test.ts', 'test/unit/**/*.test.ts', 'scripts/**/*.test.ts'],
    setupFiles: ['fake-indexeddb/auto'],
    restoreMocks: true,
  },
});
