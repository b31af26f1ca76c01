import { appendFileSync, chmodSync, copyFileSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDraft } from '@lkip/parse';
import { rules } from '@lkip/rules';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileChangedError, writeIfUnchanged } from '../src/write-atomic.js';
import { visible } from '../src/visible.js';
import { fakeParse, lkip, tempDir, writeInto } from './helpers.js';

/**
 * Nothing lost, nothing hangs, whatever the input (the probe of hostile and unlucky inputs):
 * writes that would lose someone's edit, outputs that are inputs, permissions, old Mac line
 * ends, terminal escapes, damaged caches, and the reader's bounds as the CLI words them.
 */

let dir: string;
let cleanup: () => void;
let umask: number;
beforeEach(() => {
  ({ dir, cleanup } = tempDir());
  // A umask that differs from the usual 022, so a file made 0666 (or 0644 by accident) shows.
  umask = process.umask(0o027);
});
afterEach(() => {
  process.umask(umask);
  cleanup();
});

const fixture = (name: string) => fileURLToPath(new URL(`../../../fixtures/${name}`, import.meta.url));
const real = { rules, parse: parseDraft };
const modeOf = (path: string) => statSync(path).mode & 0o777;
const oneLine = (stderr: string) => stderr.trimEnd().split('\n');

describe('--fix never loses an edit made while it ran', () => {
  it('writes nothing, says so on one line and exits 2 when the draft changed on disk meanwhile', async () => {
    const path = writeInto(dir, 'draft.md', 'Capaian FIXME di sini\n');
    // The reader runs while the user appends to the draft in an editor.
    const parse: typeof fakeParse = (text, options) => {
      if (!readFileSync(path, 'utf8').includes('appended')) appendFileSync(path, 'appended by the user\n');
      return fakeParse(text, options);
    };
    const r = await lkip(['lint', '--fix', 'draft.md'], { cwd: dir, parse });
    expect(r.code).toBe(2);
    expect(oneLine(r.stderr)).toEqual(['lkip: draft.md: changed on disk while lkip was fixing it; nothing was written (run lkip lint --fix again)']);
    expect(readFileSync(path, 'utf8')).toBe('Capaian FIXME di sini\nappended by the user\n');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('writeIfUnchanged writes over the expected bytes or their sha256, and refuses anything else', async () => {
    const path = writeInto(dir, 'a.md', 'one');
    chmodSync(path, 0o640);
    await writeIfUnchanged(path, Buffer.from('one'), Buffer.from('two'));
    expect(readFileSync(path, 'utf8')).toBe('two');
    expect(modeOf(path)).toBe(0o640);
    const sha = '3fc4ccfe745870e2c0d99f71f30ff0656c8dedd41cc1d7d3d376b0dbe685e2f3'; // sha256("two")
    await writeIfUnchanged(path, sha, Buffer.from('three'));
    expect(readFileSync(path, 'utf8')).toBe('three');
    await expect(writeIfUnchanged(path, Buffer.from('two'), Buffer.from('four'))).rejects.toBeInstanceOf(FileChangedError);
    expect(readFileSync(path, 'utf8')).toBe('three');
    await expect(writeIfUnchanged(join(dir, 'gone.md'), Buffer.from(''), Buffer.from('x'))).rejects.toBeInstanceOf(FileChangedError);
    expect(readdirSync(dir).sort()).toEqual(['a.md']);
  });
});

describe('files lkip creates get the umask; existing files keep their mode', () => {
  it('baseline, cache and --out files are 0666 less the umask (here 0640)', async () => {
    writeInto(dir, 'a.md', 'ERR\n');
    await lkip(['lint', '--cache', '--write-baseline', 'base.json', 'a.md'], { cwd: dir });
    expect(modeOf(join(dir, 'base.json'))).toBe(0o640);
    expect(modeOf(join(dir, '.lkipcache'))).toBe(0o640);
    const draft = join(dir, 'b.md');
    copyFileSync(fixture('docx/consistent-2024.docx'), join(dir, 'w.docx'));
    expect((await lkip(['convert', 'w.docx', '--out', 'w.md'], { cwd: dir })).code).toBe(0);
    expect(modeOf(join(dir, 'w.md'))).toBe(0o640);
    writeFileSync(draft, 'x');
    chmodSync(draft, 0o604);
    expect((await lkip(['convert', 'w.docx', '--out', 'b.md'], { cwd: dir })).code).toBe(0);
    expect(modeOf(draft)).toBe(0o604);
  });
});

describe('outputs that are inputs are refused, by real path', () => {
  it('compare -o naming one of the drafts', async () => {
    writeInto(dir, 'jatim.md', 'ERR\n');
    writeInto(dir, 'jateng.md', 'ERR\n');
    const r = await lkip(['compare', '-o', 'jatim.md', 'jatim.md', 'jateng.md'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(oneLine(r.stderr)).toEqual(['lkip: jatim.md: --out names one of the drafts being compared (after symlinks); nothing was written, choose another file']);
    expect(readFileSync(join(dir, 'jatim.md'), 'utf8')).toBe('ERR\n');
  });

  it('convert --out through a symlink to the Word document', async () => {
    copyFileSync(fixture('docx/consistent-2024.docx'), join(dir, 'w.docx'));
    const before = readFileSync(join(dir, 'w.docx'));
    symlinkSync('w.docx', join(dir, 'out.md'));
    const r = await lkip(['convert', 'w.docx', '--out', 'out.md'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(oneLine(r.stderr)).toHaveLength(1);
    expect(readFileSync(join(dir, 'w.docx')).equals(before)).toBe(true);
  });

  it('--cache-location, --write-baseline and --output-file naming a draft', async () => {
    writeInto(dir, 'e.md', 'ERR\n');
    for (const argv of [
      ['lint', '--cache', '--cache-location', 'e.md', 'e.md'],
      ['lint', '--write-baseline', './e.md', 'e.md'],
      ['lint', '--output-file', 'e.md', '.'],
    ]) {
      const r = await lkip(argv, { cwd: dir });
      expect(r.code, argv.join(' ')).toBe(2);
      expect(oneLine(r.stderr)).toHaveLength(1);
      expect(readFileSync(join(dir, 'e.md'), 'utf8')).toBe('ERR\n');
    }
  });
});

describe('old Mac line ends (CR only)', () => {
  it('reads every indicator, --fix changes only what it changes with LF, and keeps CR line ends', async () => {
    const lf = readFileSync(fixture('ntt-2024/draft.md'), 'utf8').replace(/\r\n?/g, '\n');
    writeInto(dir, 'lf.md', lf);
    writeInto(dir, 'cr.md', lf.replace(/\n/g, '\r'));
    const count = async (name: string) => (JSON.parse((await lkip(['lint', '--format', 'json', name], { cwd: dir, ...real })).stdout) as { messages: unknown[] }[])[0]?.messages.length;
    expect(await count('cr.md')).toBe(await count('lf.md'));
    await lkip(['lint', '--fix', 'lf.md'], { cwd: dir, ...real });
    await lkip(['lint', '--fix', 'cr.md'], { cwd: dir, ...real });
    const fixedCr = readFileSync(join(dir, 'cr.md'), 'utf8');
    expect(fixedCr.includes('\n')).toBe(false);
    expect(fixedCr.replace(/\r/g, '\n')).toBe(readFileSync(join(dir, 'lf.md'), 'utf8'));
  }, 120_000);
});

describe('terminal escapes in a draft', () => {
  const hostile = 'Judul \u001b]0;pwned\u0007 \u001b[2J \u001b]52;c;ZXZpbA==\u0007 \u009b31m \u202e ERR\n';

  it('are shown as visible escapes by stylish, compact and codeframe, and kept exact in JSON', async () => {
    writeInto(dir, 'd\u001b[2J.md', hostile);
    for (const format of ['stylish', 'compact', 'codeframe']) {
      const r = await lkip(['lint', '--format', format, '.'], { cwd: dir });
      expect(r.stdout, format).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202e]/);
      expect(r.stdout, format).toContain('\\x1b');
    }
    const json = await lkip(['lint', '--format', 'json', '.'], { cwd: dir });
    expect(JSON.stringify(JSON.parse(json.stdout))).toContain('\\u001b[2J');
  });

  it('are shown as visible escapes by extract --format summary', async () => {
    const text = readFileSync(fixture('ntt-2024/draft.md'), 'utf8').replace(/^(#[^\n]*)/m, `$1 \u001b]0;pwned\u0007`);
    writeInto(dir, 'x.md', text);
    const r = await lkip(['extract', '--format', 'summary', 'x.md'], { cwd: dir, ...real });
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  });

  it('visible() names every control character a terminal acts on', () => {
    expect(visible('a\u001b[2Jb\u0007\u009b\u202e\tc\n')).toBe('a\\x1b[2Jb\\x07\\x9b\\u202e\tc\n');
  });
});

describe('a damaged cache is never fatal', () => {
  it('relints when a valid JSON cache holds entries of another shape', async () => {
    writeInto(dir, 'a.md', 'ERR\n');
    expect((await lkip(['lint', '--cache', 'a.md'], { cwd: dir })).code).toBe(1);
    const cachePath = join(dir, '.lkipcache');
    const cache = JSON.parse(readFileSync(cachePath, 'utf8')) as { entries: Record<string, { messages: unknown[] }> };
    for (const entry of Object.values(cache.entries)) entry.messages = [null];
    writeFileSync(cachePath, JSON.stringify(cache));
    const r = await lkip(['lint', '--cache', 'a.md'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
  });
});

describe('directory walks', () => {
  it('lint a symlinked draft found in a folder, and name a link to a folder they do not follow', async () => {
    const outside = tempDir();
    try {
      writeInto(outside.dir, 'real.md', 'ERR\n');
      writeInto(dir, 'drafts/own.md', 'WARN\n');
      symlinkSync(join(outside.dir, 'real.md'), join(dir, 'drafts', 'link.md'));
      symlinkSync(outside.dir, join(dir, 'drafts', 'folder.md'));
      const r = await lkip(['lint', '--format', 'compact', 'drafts'], { cwd: dir });
      expect(r.stdout).toContain('link.md: line 1');
      expect(r.stderr).toBe('lkip: drafts/folder.md: skipped, a symbolic link to a folder, not followed\n');
    } finally {
      outside.cleanup();
    }
  });
});

describe("the reader's bounds, as the CLI words them", () => {
  it('refuses a line of 30 000 `>` with exit 2 and one line naming the limit and how to raise it', async () => {
    writeInto(dir, 'gt.md', `${'>'.repeat(30_000)}\n`);
    const r = await lkip(['lint', 'gt.md'], { cwd: dir, ...real });
    expect(r.code).toBe(2);
    expect(oneLine(r.stderr)).toEqual([
      `lkip: gt.md: line 1: a line nested 30000 deep in blockquotes and lists; the reader's limit is 100; raise it with --limit nesting=N or "limits": {"nesting": N} in lkip.config.json`,
    ]);
    // Raised, the draft is read (and found to be no LKIP).
    writeInto(dir, 'gt150.md', `${'>'.repeat(150)} Capaian\n`);
    expect((await lkip(['lint', 'gt150.md'], { cwd: dir, ...real })).stderr).toMatch(/limit is 100/);
    const raised = await lkip(['lint', '--locale', 'en', '--limit', 'nesting=200', 'gt150.md'], { cwd: dir, ...real });
    expect(raised.stderr).toMatch(/not an LKIP draft/);
    expect((await lkip(['lint', '--limit', 'depth=3', 'gt.md'], { cwd: dir, ...real })).code).toBe(2);
  });

  it('refuses a table of 20 000 columns in lint and extract', async () => {
    const wide = Array.from({ length: 20 }, () => Array.from({ length: 20_000 }, (_, j) => String(j % 10)).join('\t')).join('\n');
    writeInto(dir, 'wide.md', `Target Realisasi Capaian\n\n${wide}\n`);
    for (const argv of [['lint', 'wide.md'], ['extract', 'wide.md']]) {
      const r = await lkip(argv, { cwd: dir, ...real });
      expect(r.code).toBe(2);
      expect(oneLine(r.stderr)).toEqual([`lkip: wide.md: line 3: a table of 20000 columns; the reader's limit is 200; raise it with --limit columns=N or "limits": {"columns": N} in lkip.config.json`]);
    }
  });
});
