import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig, type Plugin } from 'vite';

const fromRoot = (p: string) => fileURLToPath(new URL(`../../${p}`, import.meta.url));

/**
 * The policy the built viewer runs under. A draft is untrusted text (copied from Word, from
 * e-mail, from other offices): even if some day a bug let its HTML reach the DOM, no script,
 * no inline handler and no request to another host could run. CodeMirror writes style
 * attributes and a stylesheet of its own, hence 'unsafe-inline' for styles only.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

// Only in the build: the dev server's React refresh preamble is an inline script that this
// policy would (rightly) block.
function contentSecurityPolicy(): Plugin {
  return {
    name: 'lkip-csp',
    apply: 'build',
    // Right after the charset, before any script or stylesheet the policy must cover.
    transformIndexHtml: (html) => html.replace(/<meta charset="UTF-8" \/>/, (charset) => `${charset}\n    <meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`),
  };
}

export default defineConfig({
  // Relative asset URLs: the same dist/ works from `lkip view`, a static server or a sub-path.
  base: './',
  plugins: [react(), contentSecurityPolicy()],
  resolve: {
    // The reader runs in a worker, which has no `document`: micromark's entity decoder ships a
    // DOM version under `browser` and a table version under `worker`; the worker must get the
    // latter (nothing else the viewer bundles offers a `worker` build).
    conditions: ['worker', ...defaultClientConditions],
    // Like the root vitest config: the viewer is built from the workspace sources, so a build
    // never depends on (possibly stale) dist/ folders of sibling packages.
    alias: {
      '@lkip/schema': fromRoot('packages/schema/src/index.ts'),
      '@lkip/parse': fromRoot('packages/parse/src/index.ts'),
      '@lkip/engine': fromRoot('packages/engine/src/index.ts'),
      '@lkip/compare': fromRoot('packages/compare/src/index.ts'),
      '@lkip/pdf': fromRoot('packages/pdf/src/index.ts'),
      '@lkip/rules': fromRoot('rules/src/index.ts'),
    },
  },
  worker: {
    format: 'es',
    // The zip library is the Word reader's alone, but left to itself the bundler puts it in one
    // chunk with the module helpers (CommonJS interop) that the lint worker imports, so the
    // worker fetched and compiled 100 kB of zip code before its first lint. A chunk of its own,
    // loaded with the first Word document.
    rolldownOptions: { output: { codeSplitting: { groups: [{ name: 'zip-reader', test: /[\\/]node_modules[\\/](?:jszip|base64-js)[\\/]/ }] } } },
  },
  // The dev server finds dependencies by crawling from index.html; the reader's live in the
  // worker, and finding them late reloads the page in the middle of a first lint.
  optimizeDeps: { entries: ['index.html', 'src/lint.worker.ts'] },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // The linter (unified, micromark, zod, the rules) lives in the worker chunk; it is big by
    // nature and loaded once.
    chunkSizeWarningLimit: 2000,
  },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});
