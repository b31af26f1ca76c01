import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = (p: string) => fileURLToPath(new URL(p, import.meta.url));

// Tests run against the sources of the workspace packages, so a test run never depends on a
// stale dist/ of a sibling package.
export default defineConfig({
  resolve: {
    alias: {
      '@lkip/schema/validate-json': src('./packages/schema/src/validate-json.ts'),
      '@lkip/schema': src('./packages/schema/src/index.ts'),
      '@lkip/parse': src('./packages/parse/src/index.ts'),
      // Before '@lkip/engine': an alias also matches the paths below its key.
      '@lkip/engine/light': src('./packages/engine/src/light.ts'),
      '@lkip/engine': src('./packages/engine/src/index.ts'),
      '@lkip/compare': src('./packages/compare/src/index.ts'),
      '@lkip/pdf': src('./packages/pdf/src/index.ts'),
      '@lkip/rules': src('./rules/src/index.ts'),
    },
  },
  test: {
    // CI sets LKIP_TEST_REPORT to collect vitest's JSON report for its closing line.
    reporters: process.env.LKIP_TEST_REPORT ? ['default', ['json', { outputFile: process.env.LKIP_TEST_REPORT }]] : ['default'],
    include: ['packages/*/src/**/*.test.ts', 'packages/*/test/**/*.test.ts', 'rules/test/**/*.test.ts', 'apps/*/test/**/*.test.ts', 'fixtures/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
