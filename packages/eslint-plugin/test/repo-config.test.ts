import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

describe("the repository's own eslint.config.js", () => {
  // `pnpm test` runs `eslint .`: drafts full of planted errors must never become its findings.
  it('lints TypeScript and leaves the Markdown drafts and docs alone', async () => {
    const eslint = new ESLint({ cwd: ROOT });
    for (const path of ['fixtures/ntt-2024/draft.md', 'fixtures/edge-cases/crlf.md', 'fixtures/excerpts/lapas/draft.txt', 'README.md', 'rules/docs/capaian-mismatch.md']) {
      expect(await eslint.isPathIgnored(path), path).toBe(true);
    }
    expect(await eslint.isPathIgnored('packages/eslint-plugin/src/index.ts')).toBe(false);
  });
});
