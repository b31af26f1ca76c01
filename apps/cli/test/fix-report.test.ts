import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Rule } from '@lkip/engine';
import { parseDraft } from '@lkip/parse';
import { rules as shippedRules } from '@lkip/rules';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lkip, tempDir, writeInto } from './helpers.js';

let dir: string;
let cleanup: () => void;
beforeEach(() => {
  ({ dir, cleanup } = tempDir());
});
afterEach(() => cleanup());

describe('--fix says what it changed', () => {
  it('lists every change: place, old → new, rule', async () => {
    const path = writeInto(dir, 'draft.md', 'judul\nnilai FIXME dan FIXME\n');
    const r = await lkip(['lint', 'draft.md', '--fix', '--locale', 'en'], { cwd: dir });
    expect(readFileSync(path, 'utf8')).toBe('judul\nnilai FIXED dan FIXED\n');
    expect(r.stdout).toContain('draft.md: 2 figures changed by --fix\n  2:7   FIXME → FIXED  fake-error\n  2:17  FIXME → FIXED  fake-error\n');
  });

  it('speaks Indonesian by default, and keeps a machine-readable report clean on standard output', async () => {
    writeInto(dir, 'draft.md', 'nilai FIXME\n');
    const r = await lkip(['lint', 'draft.md', '--fix', '--format', 'json'], { cwd: dir });
    expect(() => JSON.parse(r.stdout) as unknown).not.toThrow();
    expect(r.stderr).toContain('draft.md: 1 angka diubah oleh --fix\n  1:7  FIXME → FIXED  fake-error\n');
  });

  it('says nothing when nothing was fixed', async () => {
    writeInto(dir, 'draft.md', 'nilai WARN\n');
    const r = await lkip(['lint', 'draft.md', '--fix', '--locale', 'en'], { cwd: dir });
    expect(r.stdout).not.toContain('changed by --fix');
  });
});

describe('--fix-dry-run prints a unified diff', () => {
  it('shows the changes and the diff that --fix would write, and writes nothing', async () => {
    const path = writeInto(dir, 'draft.md', 'a\nb\nnilai FIXME\nc\n');
    const r = await lkip(['lint', 'draft.md', '--fix-dry-run', '--locale', 'en'], { cwd: dir });
    expect(readFileSync(path, 'utf8')).toBe('a\nb\nnilai FIXME\nc\n');
    expect(r.stdout).toContain('draft.md: --fix would change 1 figure\n  3:7  FIXME → FIXED  fake-error\n');
    expect(r.stdout).toContain(['--- a/draft.md', '+++ b/draft.md', '@@ -1,4 +1,4 @@', ' a', ' b', '-nilai FIXME', '+nilai FIXED', ' c', ''].join('\n'));
  });

  it('writes the diff with LF line endings for a CRLF draft', async () => {
    writeInto(dir, 'crlf.md', 'judul\r\nnilai FIXME\r\n');
    const r = await lkip(['lint', 'crlf.md', '--fix-dry-run'], { cwd: dir });
    expect(r.stdout).toContain('-nilai FIXME\n+nilai FIXED\n');
    expect(r.stdout).not.toContain('\r');
  });
});

describe('fixes a reviewer can trust, on the NTT draft', () => {
  const ntt = fileURLToPath(new URL('../../../fixtures/ntt-2024/draft.md', import.meta.url));
  const real = { parse: parseDraft, rules: shippedRules as Rule[] };

  it('writes 66,70 → 66,67 but holds 114,9 → 97,5 back as a suggestion, and lists every change it made', async () => {
    const path = writeInto(dir, 'draft.md', readFileSync(ntt, 'utf8'));
    const before = JSON.parse((await lkip(['lint', 'draft.md', '--format', 'json'], { cwd: dir, ...real })).stdout) as {
      messages: { line: number; message: string; fix?: unknown; suggestions?: { messageId: string; fix: { text: string } }[] }[];
    }[];
    const messages = before[0]?.messages ?? [];
    const across = messages.find((m) => m.suggestions?.[0]?.messageId === 'reviewFix' && m.suggestions[0].fix.text === '97.5');
    expect(across?.fix).toBeUndefined();
    const tidy = messages.find((m) => m.fix !== undefined && m.message.includes('66,70'));
    expect(tidy).toBeDefined();
    const fixable = messages.filter((m) => m.fix !== undefined).length;

    const r = await lkip(['lint', 'draft.md', '--fix'], { cwd: dir, ...real });
    const changes = r.stdout.split('\n').filter((l) => / → /.test(l) && /^ {2}\d+:\d+/.test(l));
    expect(changes.length).toBeGreaterThanOrEqual(fixable);
    expect(changes.some((l) => l.includes('66.70 → 66.67'))).toBe(true);
    expect(changes.some((l) => l.includes('114.9'))).toBe(false);
    expect(readFileSync(path, 'utf8')).toContain('114.9');
  });
});
