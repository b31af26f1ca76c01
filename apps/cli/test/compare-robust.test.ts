import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import type * as FsPromises from 'node:fs/promises';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Comparison } from '@lkip/compare';
import { parseDraft } from '@lkip/parse';
import { rules } from '@lkip/rules';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { run } from '../src/index.js';
import { tempDir, testIo } from './helpers.js';

/**
 * `lkip compare` whatever the folders and drafts hold (issue "Nothing lost, nothing hangs"): what a
 * folder walk skips is named, one line each; a draft whose worker thread runs out of memory is
 * left out in one line and the comparison goes on.
 */

// Tests run as root, which reads any folder: a folder named "locked" is made unreadable here.
vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof FsPromises>();
  const readdir = (async (path: Parameters<typeof actual.readdir>[0], options?: unknown) => {
    if (String(path).endsWith(`${sep}locked`)) throw Object.assign(new Error(`EACCES: permission denied, scandir '${String(path)}'`), { code: 'EACCES' });
    return (actual.readdir as (p: unknown, o?: unknown) => Promise<unknown>)(path, options);
  }) as typeof actual.readdir;
  return { ...actual, default: { ...actual, readdir }, readdir };
});

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const SYNTHETIC = join(ROOT, 'fixtures/synthetic');

let dir: string;
let cleanup: () => void;
beforeEach(() => {
  ({ dir, cleanup } = tempDir());
});
afterEach(() => cleanup());

async function lkip(argv: string[]) {
  const { io, out, err } = testIo({ cwd: dir, env: {} });
  const code = await run(argv, io, { parse: parseDraft, rules });
  return { code, stdout: out(), stderr: err() };
}

describe('lkip compare <folder>: what the walk skips is named', () => {
  it('names an unreadable subfolder, a link to a folder and a broken link, one line each, and compares the rest', async () => {
    for (const province of ['tanah-lada', 'teluk-mutiara']) {
      mkdirSync(join(dir, 'drafts', province), { recursive: true });
      copyFileSync(join(SYNTHETIC, province, 'draft.md'), join(dir, 'drafts', province, 'draft.md'));
    }
    mkdirSync(join(dir, 'drafts', 'locked'));
    writeFileSync(join(dir, 'drafts', 'locked', 'draft.md'), readFileSync(join(SYNTHETIC, 'borneo-hulu', 'draft.md')));
    mkdirSync(join(dir, 'elsewhere'));
    symlinkSync(join(dir, 'elsewhere'), join(dir, 'drafts', 'folder.md'));
    symlinkSync(join(dir, 'gone.md'), join(dir, 'drafts', 'gone.md'));

    const r = await lkip(['compare', '--locale', 'en', '--format', 'json', 'drafts']);
    expect(r.stderr).toBe(
      [
        'lkip: drafts/folder.md: skipped, a symbolic link to a folder, not followed',
        'lkip: drafts/gone.md: skipped, a broken symbolic link',
        'lkip: drafts/locked: skipped, cannot read directory: permission denied',
        '',
      ].join('\n'),
    );
    expect(r.code).toBe(0);
    const comparison = JSON.parse(r.stdout) as Comparison;
    expect(comparison.documents.map((d) => d.file)).toEqual(['drafts/tanah-lada/draft.md', 'drafts/teluk-mutiara/draft.md']);
    expect(comparison.skipped).toEqual([
      { file: 'drafts/folder.md', reason: 'a symbolic link to a folder, not followed' },
      { file: 'drafts/gone.md', reason: 'a broken symbolic link' },
      { file: 'drafts/locked', reason: 'cannot read directory: permission denied' },
    ]);
  });

  it('still needs two drafts: a folder whose only drafts are unreadable is named, then refused', async () => {
    mkdirSync(join(dir, 'drafts', 'locked'), { recursive: true });
    copyFileSync(join(SYNTHETIC, 'tanah-lada', 'draft.md'), join(dir, 'drafts', 'a.md'));
    const r = await lkip(['compare', '--locale', 'en', 'drafts']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("lkip: drafts/locked: skipped, cannot read directory: permission denied\nlkip: compare needs at least two drafts; 'drafts' gave 1\n");
  });
});

const BIN = join(ROOT, 'apps/cli/dist/bin.js');
const WORKER = join(ROOT, 'apps/cli/dist/compare/worker.js');
const built = existsSync(BIN) && existsSync(WORKER);
if (!built) console.warn(`Skipping the worker memory test of lkip compare: ${WORKER} does not exist; build the CLI first.`);

describe.skipIf(!built)('a compare worker that runs out of memory (built CLI)', () => {
  it('refuses that draft in one line; the other drafts are compared', () => {
    // Ten copies of the NTT fixture (1.1 MB) need some 70–90 MB of heap; a synthetic draft needs
    // under 24 MB. A cap of 40 MB (set for this test only) sits between the two.
    const source = readFileSync(join(ROOT, 'fixtures/ntt-2024/draft.md'), 'utf8');
    writeFileSync(join(dir, 'big.md'), Array.from({ length: 10 }, (_, i) => (i === 0 ? source : `\n\n# LAMPIRAN ${i}\n\n${source}`)).join(''));
    const drafts = ['tanah-lada', 'teluk-mutiara', 'borneo-hulu'].map((p) => join(SYNTHETIC, p, 'draft.md'));
    const r = spawnSync(process.execPath, [BIN, 'compare', '--format', 'json', drafts[0] as string, join(dir, 'big.md'), ...drafts.slice(1)], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, LKIP_COMPARE_WORKERS: '2', LKIP_COMPARE_WORKER_MB: '40' },
    });
    const reason = 'needs more memory than a compare worker may use (40 MB); raise it with LKIP_COMPARE_WORKER_MB=N, or lint the draft alone';
    expect(r.stderr).toBe(`lkip: big.md: skipped, ${reason}\n`);
    expect(r.status).toBe(0);
    const comparison = JSON.parse(r.stdout) as Comparison;
    expect(comparison.documents).toHaveLength(3);
    expect(comparison.skipped).toEqual([{ file: 'big.md', reason }]);
  }, 120_000);

  it('ends the run in one line when a worker cannot even load the reader', () => {
    const drafts = ['tanah-lada', 'teluk-mutiara', 'borneo-hulu'].map((p) => join(SYNTHETIC, p, 'draft.md'));
    const r = spawnSync(process.execPath, [BIN, 'compare', ...drafts], { cwd: dir, encoding: 'utf8', env: { ...process.env, LKIP_COMPARE_WORKERS: '2', LKIP_COMPARE_WORKER_MB: '4' } });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('lkip: a compare worker ran out of memory loading the reader (4 MB); raise it with LKIP_COMPARE_WORKER_MB=N\n');
  }, 60_000);
});

describe('lkip lint --previous <folder>: what the walk skips is named', () => {
  const YEARS = join(ROOT, 'fixtures/compare-years');

  it('passes over a README and a link to a folder, one line each, and holds the draft against the filing', async () => {
    mkdirSync(join(dir, 'filings'));
    copyFileSync(join(YEARS, 'teluk-cendana-2023', 'draft.md'), join(dir, 'filings', 'teluk-cendana-2023.md'));
    writeFileSync(join(dir, 'filings', 'README.md'), '# Laporan tahun lalu\n\nBerkas-berkas LKIP tahun 2023.\n');
    mkdirSync(join(dir, 'elsewhere'));
    symlinkSync(join(dir, 'elsewhere'), join(dir, 'filings', 'folder.md'));
    copyFileSync(join(YEARS, 'teluk-cendana-2024', 'draft.md'), join(dir, 'draft-2024.md'));

    const r = await lkip(['lint', '--locale', 'en', '--format', 'json', 'draft-2024.md', '--previous', 'filings']);
    expect(r.stderr).toBe(['lkip: previous filing filings/README.md: skipped, not an LKIP draft', 'lkip: previous filing filings/folder.md: skipped, a symbolic link to a folder, not followed', ''].join('\n'));
    expect(r.code).toBe(1);
    const messages = (JSON.parse(r.stdout) as { messages: { ruleId: string }[] }[])[0]?.messages ?? [];
    expect(messages.some((m) => m.ruleId === 'history-mismatch')).toBe(true);
  });

  it('refuses a folder of filings it cannot read, on one line, rather than check against nothing', async () => {
    mkdirSync(join(dir, 'filings', 'locked'), { recursive: true });
    copyFileSync(join(YEARS, 'teluk-cendana-2023', 'draft.md'), join(dir, 'filings', 'locked', 'draft.md'));
    copyFileSync(join(YEARS, 'teluk-cendana-2024', 'draft.md'), join(dir, 'draft-2024.md'));
    const r = await lkip(['lint', '--locale', 'en', 'draft-2024.md', '--previous', 'filings']);
    expect(r).toEqual({ code: 2, stdout: '', stderr: 'lkip: previous filing filings/locked: cannot read directory: permission denied\n' });
  });
});
