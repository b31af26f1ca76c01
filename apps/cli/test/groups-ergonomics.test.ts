import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Rule } from '@lkip/engine';
import { parseDraft } from '@lkip/parse';
import { rules as shippedRules } from '@lkip/rules';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run } from '../src/index.js';
import { lkip, tempDir, testIo, writeInto } from './helpers.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const real = { parse: parseDraft, rules: shippedRules as Rule[] };

let dir: string;
let cleanup: () => void;
beforeEach(() => {
  ({ dir, cleanup } = tempDir());
});
afterEach(() => cleanup());

describe('lkip rules', () => {
  it('lists every rule on one line, with its severity and the address of its page', async () => {
    const r = await lkip(['rules', '--locale', 'en'], { cwd: dir, ...real });
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(shippedRules.length);
    for (const rule of shippedRules) {
      const line = lines.find((l) => l.startsWith(`${rule.meta.id} `));
      expect(line).toContain(rule.meta.docs.description);
      expect(line).toMatch(new RegExp(`https://\\S+/rules/docs/${rule.meta.id}\\.md$`));
    }
    const capaian = lines.find((l) => l.startsWith('capaian-mismatch '));
    expect(capaian).toMatch(/^capaian-mismatch +error +fix /);
  });

  it('describes the rules in Indonesian by default', async () => {
    const r = await lkip(['rules'], { cwd: dir, ...real });
    const rule = shippedRules.find((x) => x.meta.id === 'cross-ref-mismatch');
    expect(r.stdout).toContain(rule?.meta.docs.descriptionId ?? '?');
  });
});

describe('-o/--output-file', () => {
  it('writes the report to the file instead of standard output, with the user’s umask, creating its folder', async () => {
    writeInto(dir, 'draft.md', 'nilai FIXME\n');
    const r = await lkip(['lint', 'draft.md', '-o', 'reports/lint.txt', '--locale', 'en'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    const path = join(dir, 'reports/lint.txt');
    expect(readFileSync(path, 'utf8')).toContain('Marker FIXME found');
    // A new file gets what the umask allows (never world-writable under the usual 022 or 002).
    expect(statSync(path).mode & 0o777).toBe(0o666 & ~process.umask());
  });

  it('writes JSON to the file, empty results included', async () => {
    writeInto(dir, 'draft.md', 'bersih\n');
    const r = await lkip(['lint', 'draft.md', '--format', 'json', '--output-file', 'lint.json'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'lint.json'), 'utf8'))).toHaveLength(1);
  });
});

describe('files a folder walk passes over', () => {
  it('are named on one line each, and do not change the exit code', async () => {
    writeInto(dir, 'drafts/laporan.md', readFileSync(join(ROOT, 'fixtures/consistent-2024/draft.md'), 'utf8'));
    writeInto(dir, 'drafts/README.md', '# Catatan\n\nFolder ini berisi draf laporan kinerja.\n');
    const r = await lkip(['lint', 'drafts', '--locale', 'en'], { cwd: dir, ...real });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(`lkip: skipped ${join('drafts', 'README.md')}: not an LKIP draft (no target, realisation, achievement or budget figures)\n`);
  });
});

describe('a --cache re-lint of unchanged drafts', () => {
  const shipped = async (argv: string[]) => {
    const { io, out, err } = testIo({ cwd: dir });
    const code = await run(argv, io);
    return { code, stdout: out(), stderr: err() };
  };
  const draft = () => readFileSync(join(ROOT, 'fixtures/consistent-2024/draft.md'), 'utf8').replace('90.60 Indeks\t102.95 %', '86.60 Indeks\t102.95 %');

  it('reports from the cache what a full lint reports, under the key of the config and the flags', async () => {
    writeInto(dir, 'draft.md', draft());
    const first = await shipped(['lint', 'draft.md', '--cache', '--locale', 'en']);
    expect(first.code).toBe(1);
    const cache = JSON.parse(readFileSync(join(dir, '.lkipcache'), 'utf8')) as { entries: Record<string, { fastKey?: string }> };
    const key = Object.values(cache.entries)[0]?.fastKey;
    expect(key).toMatch(/^[0-9a-f]{64}$/);

    const again = await shipped(['lint', 'draft.md', '--cache', '--locale', 'en']);
    expect(again).toEqual(first);
    const json = await shipped(['lint', 'draft.md', '--cache', '--locale', 'en', '--format', 'json']);
    expect((JSON.parse(json.stdout) as { groups: unknown[] }[])[0]?.groups).toHaveLength(1);

    // Another language, or a config file, are other findings: the key changes and the lint runs again.
    const indonesian = await shipped(['lint', 'draft.md', '--cache']);
    expect(indonesian.stdout).toContain('masalah');
    writeInto(dir, 'lkip.config.json', '{ "rules": { "tally-mismatch": "off" } }');
    const configured = await shipped(['lint', 'draft.md', '--cache', '--locale', 'en']);
    expect(configured.stdout).not.toContain('tally-mismatch');
    const keys = Object.values((JSON.parse(readFileSync(join(dir, '.lkipcache'), 'utf8')) as { entries: Record<string, { fastKey?: string }> }).entries).map((e) => e.fastKey);
    expect(keys).not.toContain(key);
  });
});

describe('the CLI’s own lines', () => {
  it('are Indonesian by default and English with --locale en, one line each', async () => {
    const id = await lkip(['lint', 'hilang.md'], { cwd: dir });
    expect(id).toMatchObject({ code: 2, stderr: "lkip: Tidak ada berkas yang cocok dengan 'hilang.md'.\n" });
    const en = await lkip(['lint', 'hilang.md', '--locale', 'en'], { cwd: dir });
    expect(en.stderr).toBe("lkip: No files matching 'hilang.md' were found.\n");
    writeInto(dir, 'kosong.md', '');
    expect((await lkip(['lint', 'kosong.md'], { cwd: dir })).stderr).toBe('lkip: kosong.md: berkas kosong\n');
    expect((await lkip(['lint', '--fix', '--fix-dry-run', 'x.md'], { cwd: dir })).stderr).toBe('lkip: Opsi --fix dan --fix-dry-run tidak dapat dipakai bersamaan.\n');
    expect((await lkip(['lint', '--bogus'], { cwd: dir })).stderr).toMatch(/^lkip: opsi '--bogus' tidak dikenal/);
    expect((await lkip(['extract', 'hilang.md'], { cwd: dir })).stderr).toBe('lkip: hilang.md: berkas tidak dapat dibaca: berkas atau folder tidak ada\n');
  });
});
