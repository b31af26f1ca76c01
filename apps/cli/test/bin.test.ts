import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { tempDir } from './helpers.js';

const BIN = fileURLToPath(new URL('../dist/bin.js', import.meta.url));
const built = existsSync(BIN);
if (!built) {
  console.warn(`Skipping the built-CLI tests: ${BIN} does not exist; run \`pnpm --filter @lkip/cli... build\` first.`);
}

describe.skipIf(!built)('the built lkip command', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => {
    ({ dir, cleanup } = tempDir());
  });
  afterEach(() => cleanup());

  const lkip = (args: string[], input?: string) =>
    spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: 'utf8', input, env: { ...process.env, NO_COLOR: '1' } });

  it('prints its version and the lint help', () => {
    expect(execFileSync(process.execPath, [BIN, '--version'], { encoding: 'utf8' }).trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const help = lkip(['lint', '--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Usage: lkip lint [options] [patterns...]');
  });

  it('exits 2 with one line and no stack trace for a missing file', () => {
    const r = lkip(['lint', 'nope.md', '--locale', 'en']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe("lkip: No files matching 'nope.md' were found.\n");
    expect(r.stdout).toBe('');
  });

  it('refuses an empty file but lints an empty piped draft with the shipped reader and rules', () => {
    writeFileSync(join(dir, 'empty.md'), '');
    const file = lkip(['lint', 'empty.md', '--format', 'json', '--locale', 'en']);
    expect(file.status).toBe(2);
    expect(file.stderr).toBe('lkip: empty.md: empty file\n');
    expect(file.stdout).toBe('');
    const piped = lkip(['lint', '--stdin', '--format', 'json'], '');
    expect(piped.status).toBe(0);
    expect(JSON.parse(piped.stdout)).toMatchObject([{ filePath: '<text>' }]);
  });

  // Output larger than a pipe's buffer (64 KiB on Linux): written whole when read to the end,
  // and a reader that closes the pipe early ends the run quietly, without a stack trace.
  const ntt = fileURLToPath(new URL('../../../fixtures/ntt-2024/draft.md', import.meta.url));
  const consistent = fileURLToPath(new URL('../../../fixtures/consistent-2024/draft.md', import.meta.url));
  it('writes a long report through a pipe whole', () => {
    const r = lkip(['lint', '--format', 'json', ntt, consistent]);
    expect(r.status).toBe(1);
    expect(r.stdout.length).toBeGreaterThan(128 * 1024);
    expect(JSON.parse(r.stdout)).toHaveLength(2);
  });

  // The bundle loads the HTML parser only when a draft first has an HTML table (scripts/bundle.mjs).
  it('reads a draft with HTML tables', () => {
    const excerpt = fileURLToPath(new URL('../../../fixtures/excerpts/ditjen-preservasi/draft.md', import.meta.url));
    const r = lkip(['extract', excerpt]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const tables = (JSON.parse(r.stdout) as { tables: { format?: string }[] }).tables;
    expect(tables.map((t) => t.format)).toEqual(['html', 'html']);
  });

  it('stops quietly when the reader closes the pipe early (`lkip lint … | head`)', async () => {
    const child = spawn(process.execPath, [BIN, 'lint', '--format', 'json', ntt, ntt], { cwd: dir, env: { ...process.env, NO_COLOR: '1' } });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    expect(stderr).toBe('');
    expect([0, 1]).toContain(code);
  });
});
