import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lintText, type LintMessage, type Locale } from '@lkip/engine';
import { parseDraft } from '@lkip/parse';
import { rules } from '@lkip/rules';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { CHROMIUM, chromiumAvailable, launchViewerBrowser } from '../../scripts/browser.mjs';
import { serveStatic } from '../../scripts/static-server.mjs';

export const repo = fileURLToPath(new URL('../../../../', import.meta.url));
export const dist = join(repo, 'apps/web/dist');
export const fixturePath = join(repo, 'fixtures/ntt-2024/draft.md');
// Loaded by path at run time so that type-checking the viewer does not pull in the whole CLI.
export const cliEntry = join(repo, 'apps/cli/src/index.ts');
export const viewEntry = join(repo, 'apps/cli/src/commands/view.ts');

/** Why the browser tests of a file cannot run here (they are skipped, with this message), or undefined. */
export const skipReason = !chromiumAvailable()
  ? `${CHROMIUM} not found (apt-get install -y chromium)`
  : !existsSync(join(dist, 'index.html'))
    ? 'apps/web/dist is missing (run pnpm build)'
    : !existsSync(fixturePath)
      ? 'fixtures/ntt-2024/draft.md is missing'
      : undefined;

export function readFixture(path = fixturePath): string {
  return readFileSync(path, 'utf8');
}

/** The same reading and rules as `lkip lint`, in this process: the page must agree with it. */
export function engineLint(text: string, path = 'draft.md', locale: Locale = 'id'): LintMessage[] {
  return lintText(text, (t) => parseDraft(t, { path, format: /\.txt$/i.test(path) ? 'text' : 'markdown' }), { rules, locale });
}

export type ViewCommand = (
  file: string,
  flags: { port?: number },
  ctx: { io: RunIo; rules: typeof rules; parse: typeof parseDraft; toolVersion: string },
  options: { signal: AbortSignal; onListening?: (server: { url: string }) => void },
) => Promise<number>;
export interface RunIo {
  stdout(s: string): void;
  stderr(s: string): void;
  cwd: string;
  env?: Record<string, string | undefined>;
}
export type Run = (argv: string[], io: RunIo) => Promise<number>;

export interface BrowserSuite {
  /** A new page on the static build, in Indonesian unless asked otherwise; page errors are collected. */
  page(options?: { locale?: Locale }): Promise<Page>;
  context(): BrowserContext;
  url(): string;
  errors: string[];
}

/** Chromium and a static server for the tests of one file (started before, stopped after). */
export function browserSuite(options: { viewport?: { width: number; height: number } } = {}): BrowserSuite {
  let server: { url: string; close(): Promise<void> } | undefined;
  let browser: { context: BrowserContext; close(): Promise<void> } | undefined;
  const errors: string[] = [];
  beforeAll(async () => {
    server = await serveStatic(dist);
    browser = await launchViewerBrowser(options.viewport ? { viewport: options.viewport } : {});
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    errors,
    context: () => {
      if (!browser) throw new Error('no browser');
      return browser.context;
    },
    url: () => server?.url ?? '',
    async page({ locale = 'id' } = {}) {
      if (!browser || !server) throw new Error('no browser');
      const page = await browser.context.newPage();
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(server.url);
      await page.getByTestId('locale').selectOption(locale);
      return page;
    },
  };
}

/** Starts `lkip view` on `file` (the command itself, in this process) and returns its URL and a stop. */
export async function startView(file: string, cwd: string): Promise<{ url: string; stop(): Promise<number> }> {
  const { viewCommand } = (await import(/* @vite-ignore */ viewEntry)) as { viewCommand: ViewCommand };
  const { parseDraft: parse } = await import('@lkip/parse');
  let stdout = '';
  const controller = new AbortController();
  const io = { stdout: (s: string) => (stdout += s), stderr: () => undefined, cwd, env: {} };
  const exit = viewCommand(file, {}, { io, rules, parse, toolVersion: 'test' }, { signal: controller.signal });
  for (let i = 0; i < 1000 && !stdout.includes('\n'); i++) await new Promise((r) => setTimeout(r, 10));
  const url = stdout.trim();
  if (!/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+$/.test(url)) throw new Error(`lkip view printed ${JSON.stringify(stdout)}`);
  return {
    url,
    stop: async () => {
      controller.abort();
      return exit;
    },
  };
}

/**
 * CodeMirror's view of the page's editor (what EditorView.findFromDOM reads: the content
 * element's tile, or its view in older versions). Runs in the page.
 */
interface PageView {
  state: { doc: { toString(): string; line(n: number): { from: number } } };
  dispatch(spec: unknown): void;
  focus(): void;
}

/** The editor's text as the page holds it (a download would mark a picked draft saved). */
export async function editorText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const content = document.querySelector('.cm-content') as (HTMLElement & { cmTile?: { view?: PageView }; cmView?: { rootView?: { view?: PageView } } }) | null;
    const view = content?.cmTile?.view ?? content?.cmView?.rootView?.view;
    if (!view) throw new Error('no editor view');
    return view.state.doc.toString();
  });
}

/** Moves the editor's cursor to a 1-based line and column, as a click there would. */
export async function placeCursor(page: Page, line: number, column = 1): Promise<void> {
  await page.evaluate(
    ({ line: l, column: c }) => {
      const content = document.querySelector('.cm-content') as (HTMLElement & { cmTile?: { view?: PageView }; cmView?: { rootView?: { view?: PageView } } }) | null;
      const view = content?.cmTile?.view ?? content?.cmView?.rootView?.view;
      if (!view) throw new Error('no editor view');
      view.dispatch({ selection: { anchor: view.state.doc.line(l).from + c - 1 }, scrollIntoView: true });
      view.focus();
    },
    { line, column },
  );
}
