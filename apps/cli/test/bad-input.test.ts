import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { Rule } from '@lkip/engine';
import { parseDraft } from '@lkip/parse';
import { rules as shippedRules } from '@lkip/rules';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeParse, lkip, tempDir, writeInto } from './helpers.js';

/**
 * Every input lkip cannot lint ends the same way: exit code 2, exactly one line on stderr that
 * names the file and the reason, no stack trace, nothing on stdout and nothing written.
 */

let dir: string;
let cleanup: () => void;
beforeEach(() => {
  ({ dir, cleanup } = tempDir());
});
afterEach(() => cleanup());

const write = (name: string, content: string | Uint8Array) => writeInto(dir, name, content);
const repo = (path: string) => fileURLToPath(new URL(`../../../${path}`, import.meta.url));
const real = { parse: parseDraft, rules: shippedRules as Rule[] };

async function expectRefused(argv: string[], line: string | RegExp, options: { parse?: typeof fakeParse; rules?: Rule[] } = {}) {
  const before = snapshot();
  // The lines below are the English ones; Indonesian is the default (see groups-ergonomics.test.ts).
  const r = await lkip(['lint', 'extract', 'compare'].includes(argv[0] ?? '') ? [...argv, '--locale', 'en'] : argv, { cwd: dir, ...options });
  expect(r.code).toBe(2);
  expect(r.stderr.endsWith('\n')).toBe(true);
  expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  if (typeof line === 'string') expect(r.stderr).toBe(`${line}\n`);
  else expect(r.stderr.trimEnd()).toMatch(line);
  expect(r.stderr).not.toMatch(/\n\s+at /);
  expect(r.stdout).toBe('');
  expect(snapshot()).toEqual(before);
  return r;
}

/** Every file in the folder with its bytes: "nothing written" is checked byte for byte. */
function snapshot(): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (sub: string) => {
    for (const entry of readdirSync(join(dir, sub), { withFileTypes: true })) {
      const rel = sub ? `${sub}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(rel);
      else out[rel] = readFileSync(join(dir, rel)).toString('base64');
    }
  };
  walk('');
  return out;
}

describe('files that are not there', () => {
  it('a missing file', async () => {
    await expectRefused(['lint', 'missing.md'], "lkip: No files matching 'missing.md' were found.");
  });

  it('a directory without drafts', async () => {
    write('empty/notes.odt', 'x');
    await expectRefused(['lint', 'empty'], "lkip: No files matching 'empty' were found.");
  });
});

describe('files that are not text drafts', () => {
  it('a binary file', async () => {
    write('report.md', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x41]));
    await expectRefused(['lint', 'report.md', '--fix'], 'lkip: report.md: binary file, not a draft');
  });

  it('an empty file, and one of blank lines only', async () => {
    write('empty.md', '');
    await expectRefused(['lint', 'empty.md'], 'lkip: empty.md: empty file');
    write('blank.md', '\n  \n\t\n');
    await expectRefused(['lint', 'blank.md', '--format', 'json'], 'lkip: blank.md: empty file');
  });

  it('invalid UTF-8 (a Windows-1252 export)', async () => {
    write('latin1.md', Buffer.concat([Buffer.from('baris satu\nCapaian '), Buffer.from([0xe9]), Buffer.from(' baik\n')]));
    await expectRefused(['lint', 'latin1.md', '--fix'], 'lkip: latin1.md: invalid UTF-8 at line 2 (byte 19); save the draft as UTF-8');
  });

  it('a draft above the size limit, refused before it is read', async () => {
    write('big.md', Buffer.alloc(50 * 1024 * 1024, 'a'));
    await expectRefused(['lint', 'big.md'], 'lkip: big.md: draft too large (50.0 MB; lkip reads drafts up to 5.0 MB)');
  });

  it('a damaged .docx, a text file named .docx, an old .doc', async () => {
    const good = readFileSync(repo('fixtures/docx/header-rows.docx'));
    write('broken.docx', good.subarray(0, 3000));
    await expectRefused(['lint', 'broken.docx'], /^lkip: broken\.docx: damaged Word document \(.+\)$/);
    write('renamed.docx', '# LKIP\n\nteks biasa\n');
    await expectRefused(['lint', 'renamed.docx'], 'lkip: renamed.docx: not a Word document (.docx files are zip archives)');
    write('old.docx', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
    await expectRefused(['lint', 'old.docx'], /^lkip: old\.docx: an old \.doc file or a password-protected document/);
  });

  it('--fix on a Word document, before anything is written', async () => {
    write('a.md', 'nilai FIXME\n');
    writeFileSync(join(dir, 'draft.docx'), readFileSync(repo('fixtures/docx/header-rows.docx')));
    await expectRefused(['lint', 'a.md', 'draft.docx', '--fix'], /^lkip: draft\.docx: --fix cannot write Word documents; .*--fix-dry-run/);
  });
});

describe('drafts the reader cannot use', () => {
  it('a file with no LKIP structure', async () => {
    write('readme.md', readFileSync(repo('fixtures/edge-cases/not-an-lkip.md')));
    await expectRefused(
      ['lint', 'readme.md', '--fix'],
      'lkip: readme.md: not an LKIP draft (no target, realisation, achievement or budget figures)',
      real,
    );
  });

  it('a reader that stops on the draft', async () => {
    write('draft.md', 'x\n');
    const parse: typeof fakeParse = (text, options) => {
      const doc = fakeParse(text, options);
      doc.diagnostics.push({ severity: 'error', code: 'reader-failure', message: 'The reader stopped on this draft: boom\nat line 3' });
      return doc;
    };
    await expectRefused(['lint', 'draft.md'], 'lkip: draft.md: the reader could not read this draft: The reader stopped on this draft: boom at line 3', { parse });
  });

  it('a piped draft with no LKIP structure is refused the same way, an empty pipe is not', async () => {
    const piped = await lkip(['lint', '--stdin', '--stdin-filename', 'x.md', '--locale', 'en'], { cwd: dir, stdin: 'just a note\n', ...real });
    expect(piped).toMatchObject({ code: 2, stdout: '', stderr: 'lkip: x.md: not an LKIP draft (no target, realisation, achievement or budget figures)\n' });
    const empty = await lkip(['lint', '--stdin', '--format', 'json'], { cwd: dir, stdin: '', ...real });
    expect(empty.code).toBe(0);
  });

  it('a README found beside drafts by a directory walk is skipped; a folder of READMEs is refused', async () => {
    write('docs/README.md', readFileSync(repo('fixtures/edge-cases/not-an-lkip.md')));
    write('docs/notes.md', '');
    const none = await lkip(['lint', 'docs', '--locale', 'en'], { cwd: dir, ...real });
    expect(none.code).toBe(2);
    expect(none.stderr.trimEnd().split('\n').sort()).toEqual([
      'lkip: docs/README.md: not an LKIP draft (no target, realisation, achievement or budget figures)',
      'lkip: docs/notes.md: empty file',
    ]);
    write('docs/draft.md', 'laporan ERR\n');
    const fake = await lkip(['lint', 'docs', '--format', 'json', '--locale', 'en'], { cwd: dir });
    // With the fake reader every file is a "draft"; the empty one is skipped, and named on one line (issue 12).
    expect(fake.stderr).toBe('lkip: skipped docs/notes.md: empty file\n');
    expect((JSON.parse(fake.stdout) as unknown[]).length).toBe(2);
  });

  it('one bad draft among good ones: the good ones are reported, the run exits 2', async () => {
    write('good.md', 'nilai ERR\n');
    write('bad.md', Buffer.from([0x00, 0x01]));
    const r = await lkip(['lint', 'good.md', 'bad.md', '--format', 'compact', '--locale', 'en'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('lkip: bad.md: binary file, not a draft\n');
    expect(r.stdout).toContain('good.md: line 1, col 7, Error');
  });
});

describe('drafts in other encodings', () => {
  it('reads UTF-16 with a byte-order mark and lints it like its UTF-8 form', async () => {
    const ntt = repo('fixtures/ntt-2024/draft.md');
    const text = existsSync(ntt) ? readFileSync(ntt, 'utf8') : readFileSync(repo('fixtures/consistent-2024/draft.md'), 'utf8');
    write('utf8.md', text);
    write('utf16.md', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const a = await lkip(['lint', 'utf8.md', '--format', 'json'], { cwd: dir, ...real });
    const b = await lkip(['lint', 'utf16.md', '--format', 'json'], { cwd: dir, ...real });
    expect(b.stderr).toBe('');
    expect(b.code).toBe(a.code);
    const strip = (s: string) => (JSON.parse(s) as { messages: unknown[] }[])[0]?.messages;
    expect(strip(b.stdout)).toEqual(strip(a.stdout));
  });
});

describe('configuration mistakes', () => {
  it('an invalid config file: the validation error, readable, on one line', async () => {
    write('draft.md', 'ERR\n');
    write('lkip.config.json', JSON.stringify({ rules: { 'capaian-mismatch': 'loud' }, tolerance: 'wide' }));
    const r = await expectRefused(['lint', 'draft.md'], /^lkip: lkip\.config\.json: .*capaian-mismatch.*/, real);
    expect(r.stderr).not.toMatch(/ZodError|"code":/);
  });

  it('an unknown rule id: named, with the closest ids, or the list when nothing is close', async () => {
    write('draft.md', 'ERR\n');
    await expectRefused(['lint', 'draft.md', '--rule', 'capaian-mismatc:error'], "lkip: Unknown rule 'capaian-mismatc' in rule overrides (--rule) (did you mean 'capaian-mismatch'?)", real);
    const r = await expectRefused(['lint', 'draft.md', '--rule', 'nope:error'], /^lkip: Unknown rule 'nope' in rule overrides \(--rule\) \(known rules: capaian-mismatch, .+\)$/, real);
    for (const rule of shippedRules) expect(r.stderr).toContain(rule.meta.id);
  });
});

describe('excerpts are linted, not refused', () => {
  const EXCERPT = [
    'LAPORAN KINERJA KECAMATAN CONTOH TAHUN 2024',
    '',
    '| No | Indikator | Target | Realisasi | Capaian (%) |',
    '| --- | --- | --- | --- | --- |',
    '| 1 | Persentase layanan administrasi selesai tepat waktu | 90,00 | 87,30 | 97,00 |',
    '| 2 | Indeks kepuasan masyarakat | 80,00 | 82,40 | 103,00 |',
    '',
  ].join('\n');

  it('gives one note naming the checks that could not run, and exit 0 when the figures agree', async () => {
    write('kecamatan.md', EXCERPT);
    const r = await lkip(['lint', '--format', 'json', '--locale', 'en', 'kecamatan.md'], { cwd: dir, ...real });
    expect(r.code).toBe(0);
    const [result] = JSON.parse(r.stdout) as { messages: { ruleId: string | null; severity: number; message: string }[] }[];
    expect(result?.messages).toHaveLength(1);
    expect(result?.messages[0]).toMatchObject({ ruleId: null, severity: 0 });
    expect(result?.messages[0]?.message).toContain('cross-references between places');
  });

  it('still reports the wrong figures of an excerpt', async () => {
    write('kecamatan.md', EXCERPT.replace('| 97,00 |', '| 97,60 |'));
    const r = await lkip(['lint', '--format', 'json', 'kecamatan.md'], { cwd: dir, ...real });
    expect(r.code).toBe(1);
    const [result] = JSON.parse(r.stdout) as { messages: { ruleId: string | null }[] }[];
    expect(result?.messages.map((m) => m.ruleId)).toEqual([null, 'capaian-mismatch']);
  });
});
