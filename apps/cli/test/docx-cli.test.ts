import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import type { Rule } from '@lkip/engine';
import { parseDraft } from '@lkip/parse';
import { rules as shippedRules } from '@lkip/rules';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { lkip, tempDir, writeInto } from './helpers.js';

let dir: string;
let cleanup: () => void;
beforeEach(() => {
  ({ dir, cleanup } = tempDir());
});
afterEach(() => cleanup());

/** A small Word draft with the fake reader's marker words in a paragraph and in a table cell. */
let markers: Buffer;
beforeAll(async () => {
  const cell = (text: string) => new TableCell({ children: [new Paragraph(text)] });
  markers = await Packer.toBuffer(
    new Document({
      sections: [
        {
          children: [
            new Paragraph({ children: [new TextRun('Laporan dengan ERR di paragraf')] }),
            new Table({
              rows: [
                new TableRow({ children: [cell('No'), cell('Satker'), cell('Nilai')] }),
                new TableRow({ children: [cell('1'), cell('BNNK Belu'), cell('FIXME')] }),
              ],
            }),
          ],
        },
      ],
    }),
  );
});

const put = (name: string, bytes: Uint8Array) => writeInto(dir, name, bytes);
interface JsonMessage {
  ruleId: string;
  line: number;
  column: number;
  location?: string;
}
const messagesOf = (stdout: string) => (JSON.parse(stdout) as { filePath: string; messages: JsonMessage[]; source?: string }[]).flatMap((r) => r.messages);

describe('lkip lint on a .docx', () => {
  it('lints the converted text and says where each finding is in Word (JSON `location`)', async () => {
    put('draft.docx', markers);
    const r = await lkip(['lint', 'draft.docx', '--format', 'json', '--locale', 'en'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    expect(messagesOf(r.stdout).map((m) => [m.ruleId, m.line, m.location])).toEqual([
      ['fake-error', 1, 'paragraph "Laporan dengan ERR di paragraf" (line 1 of the converted text)'],
      ['fake-error', 4, 'table "No | Satker | Nilai" row 2 column 3 (line 4 of the converted text)'],
    ]);
  });

  it('prints the Word place under the message in stylish, in Indonesian by default', async () => {
    put('draft.docx', markers);
    const r = await lkip(['lint', 'draft.docx'], { cwd: dir });
    expect(r.stdout).toContain('    draft.docx: tabel "No | Satker | Nilai" baris 2 kolom 3 (baris 4 teks hasil konversi)\n');
    const compact = await lkip(['lint', 'draft.docx', '--format', 'compact'], { cwd: dir });
    expect(compact.stdout).toContain('[paragraf "Laporan dengan ERR di paragraf" (baris 1 teks hasil konversi)]');
  });

  it('refuses --fix on a Word document, but shows the fixed Markdown with --fix-dry-run', async () => {
    const path = put('draft.docx', markers);
    const fix = await lkip(['lint', 'draft.docx', '--fix'], { cwd: dir });
    expect(fix.code).toBe(2);
    expect(fix.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(readFileSync(path).equals(markers)).toBe(true);
    const dry = await lkip(['lint', 'draft.docx', '--fix-dry-run', '--format', 'json'], { cwd: dir });
    const [result] = JSON.parse(dry.stdout) as { output?: string }[];
    expect(result?.output).toContain('1\tBNNK Belu\tFIXED');
    expect(readFileSync(path).equals(markers)).toBe(true);
  });

  it('finds .docx files in directories and globs, but not Word\'s "~$" owner files', async () => {
    put('drafts/a.docx', markers);
    put('drafts/b.md', 'WARN\n');
    put('drafts/~$a.docx', Buffer.from([0x05, 0x00, 0x41]));
    const walked = await lkip(['lint', 'drafts', '--format', 'json'], { cwd: dir });
    expect(walked.stderr).toBe('');
    expect((JSON.parse(walked.stdout) as { filePath: string }[]).map((r) => r.filePath)).toEqual([join(dir, 'drafts/a.docx'), join(dir, 'drafts/b.md')]);
    const globbed = await lkip(['lint', 'drafts/*.docx', '--format', 'json'], { cwd: dir });
    expect((JSON.parse(globbed.stdout) as unknown[]).length).toBe(1);
  });

  it('caches a Word draft like any other, locations included', async () => {
    put('draft.docx', markers);
    const first = await lkip(['lint', 'draft.docx', '--cache', '--format', 'json'], { cwd: dir });
    const second = await lkip(['lint', 'draft.docx', '--cache', '--format', 'json'], { cwd: dir });
    expect(second.stdout).toBe(first.stdout);
  });

  const ntt = fileURLToPath(new URL('../../../fixtures/docx/ntt-2024.docx', import.meta.url));
  it.skipIf(!existsSync(ntt))('lints the NTT fixture as .docx with the shipped reader and rules', async () => {
    put('lkip-ntt.docx', readFileSync(ntt));
    const r = await lkip(['lint', 'lkip-ntt.docx', '--format', 'json'], { cwd: dir, parse: parseDraft, rules: shippedRules as Rule[] });
    expect(r.code).toBe(1);
    const messages = messagesOf(r.stdout);
    expect(messages.length).toBeGreaterThan(10);
    expect(messages.every((m) => typeof m.location === 'string' && / \(baris \d+ teks hasil konversi\)$/.test(m.location))).toBe(true);
    expect(messages.some((m) => /^tabel ".+" baris \d+ kolom \d+ /.test(m.location ?? ''))).toBe(true);
  });
});

describe('lkip convert', () => {
  it('prints the Markdown lkip reads, or writes it atomically with --out', async () => {
    put('draft.docx', markers);
    const printed = await lkip(['convert', 'draft.docx'], { cwd: dir });
    expect(printed.code).toBe(0);
    expect(printed.stdout).toBe('Laporan dengan ERR di paragraf\n\nNo\tSatker\tNilai\n1\tBNNK Belu\tFIXME\n');
    const written = await lkip(['convert', 'draft.docx', '--out', 'draft.md'], { cwd: dir });
    expect(written).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(readFileSync(join(dir, 'draft.md'), 'utf8')).toBe(printed.stdout);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    // The converted file lints with the same lines as the Word document did.
    const lintMd = await lkip(['lint', 'draft.md', '--format', 'json'], { cwd: dir });
    const lintDocx = await lkip(['lint', 'draft.docx', '--format', 'json'], { cwd: dir });
    expect(messagesOf(lintMd.stdout).map((m) => [m.line, m.column])).toEqual(messagesOf(lintDocx.stdout).map((m) => [m.line, m.column]));
  });

  it('exits 2 with one line for a text draft, a missing file and a damaged document', async () => {
    put('draft.md', Buffer.from('x'));
    const text = await lkip(['convert', 'draft.md'], { cwd: dir });
    expect(text).toMatchObject({ code: 2, stdout: '', stderr: 'lkip: draft.md: convert reads Word documents (.docx) and PDFs (.pdf); a text draft is linted as it is\n' });
    const missing = await lkip(['convert', 'nope.docx'], { cwd: dir });
    // The CLI's own lines are Indonesian by default (convert has no --locale).
    expect(missing).toMatchObject({ code: 2, stderr: 'lkip: nope.docx: berkas tidak dapat dibaca: berkas atau folder tidak ada\n' });
    put('broken.docx', markers.subarray(0, 100));
    const broken = await lkip(['convert', 'broken.docx', '--out', 'x.md'], { cwd: dir });
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/^lkip: broken\.docx: damaged Word document \(.+\)\n$/);
    expect(existsSync(join(dir, 'x.md'))).toBe(false);
  });
});

describe('lkip extract on a .docx', () => {
  it('prints the model read from the converted text', async () => {
    put('draft.docx', markers);
    const r = await lkip(['extract', 'draft.docx'], { cwd: dir });
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { units: { name: string }[] }).units.map((u) => u.name)).toEqual(['ERR', 'FIXME']);
  });
});
