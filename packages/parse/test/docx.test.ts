import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { lintDocument } from '@lkip/engine';
import { rules } from '@lkip/rules';
import { describe, expect, it } from 'vitest';
import { convertDocx, describeDocxLocation, DocxError, docxLocationAt, findNumbers, parseDocx, parseDraft } from '../src/index.js';
import { ommlToLatex } from '../src/docx/equations.js';
import { formatListNumber } from '../src/docx/numbering.js';

const repo = (path: string) => fileURLToPath(new URL(`../../../${path}`, import.meta.url));
const fixture = (name: string) => readFileSync(repo(`fixtures/docx/${name}`));

/** Findings per rule id: what must not change between a draft and its Word form. */
function countsByRule(text: string): Record<string, number> {
  const doc = parseDraft(text, { format: 'markdown' });
  const counts: Record<string, number> = {};
  for (const m of lintDocument(doc, { rules, text })) counts[m.ruleId ?? '(engine)'] = (counts[m.ruleId ?? '(engine)'] ?? 0) + 1;
  return counts;
}

async function wordFormOf(markdown: string): Promise<Uint8Array> {
  // The generator of fixtures/docx, run on the Markdown as it is now (see scripts/make-docx-fixtures.mjs).
  const { markdownToDocx } = (await import(repo('scripts/make-docx-fixtures.mjs'))) as { markdownToDocx: (md: string) => Promise<Uint8Array> };
  return markdownToDocx(markdown);
}

describe('Word drafts read like their Markdown form', () => {
  const ntt = repo('fixtures/ntt-2024/draft.md');
  if (!existsSync(ntt)) console.warn(`Skipping the NTT .docx comparison: ${ntt} does not exist yet.`);

  it.skipIf(!existsSync(ntt))('gives the same findings per rule for the NTT draft as .docx as for its Markdown', async () => {
    const markdown = readFileSync(ntt, 'utf8');
    const converted = await convertDocx(await wordFormOf(markdown));
    const expected = countsByRule(markdown);
    expect(Object.keys(expected).length).toBeGreaterThan(0);
    expect(countsByRule(converted.markdown)).toEqual(expected);
  });

  it.skipIf(!existsSync(ntt))('reads the committed fixtures/docx/ntt-2024.docx as an LKIP draft', async () => {
    const { doc } = await parseDocx(fixture('ntt-2024.docx'));
    expect(doc.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(doc.indicators.length).toBeGreaterThan(10);
  });

  it.skipIf(!existsSync(repo('fixtures/consistent-2024/draft.md')))('finds nothing in the consistent draft as .docx either', async () => {
    const markdown = readFileSync(repo('fixtures/consistent-2024/draft.md'), 'utf8');
    const converted = await convertDocx(await wordFormOf(markdown));
    expect(countsByRule(converted.markdown)).toEqual(countsByRule(markdown));
  });
});

describe('tables', () => {
  it('expands merged cells into a grid with empty cells, keeping both header rows', async () => {
    const { markdown, doc } = await parseDocx(fixture('merged-cells.docx'));
    const lines = markdown.split('\n');
    const header = lines.indexOf('Sasaran Kegiatan\tIndikator Kinerja Kegiatan\tTarget\tRealisasi\t%\tAnggaran\t\t');
    expect(header).toBeGreaterThan(0);
    expect(lines.slice(header + 1, header + 5)).toEqual([
      '\t\t\t\t\tPagu\tRealisasi\t%',
      'Meningkatnya upaya pemulihan penyalahguna narkotika\tPersentase penyalahguna yang mengalami peningkatan kualitas hidup\t70 %\t84 %\t120.00\t100.000.000\t95.000.000\t95.00',
      '\tJumlah petugas penyelenggara layanan IBM yang terlatih\t10 Orang\t10 Orang\t100.00\t-\t-\t-',
      'Total\t\t\t\t\t100.000.000\t95.000.000\t95.00',
    ]);
    const [table] = doc.tables;
    expect(table?.headerRows).toBe(2);
    expect(table?.columns).toEqual(['Sasaran Kegiatan', 'Indikator Kinerja Kegiatan', 'Target', 'Realisasi', '%', 'Anggaran Pagu', 'Anggaran Realisasi', 'Anggaran %']);
    expect(table?.caption).toBe('Tabel 1 Ringkasan Laporan Realisasi Capaian Target dan Anggaran Tahun 2024');
  });

  it('keeps repeated header rows and the column-number row as headers', async () => {
    const { doc } = await parseDocx(fixture('header-rows.docx'));
    const [table] = doc.tables;
    expect(table?.headerRows).toBe(2);
    expect(table?.columns).toEqual(['No', 'Satker', 'Target', 'Realisasi', 'Capaian']);
    expect(table?.rows.map((r) => r[1]?.text)).toEqual(['BNNP NTT', 'BNNK Belu']);
  });

  it('says where a cell is in Word: table by caption or header, row and column of the grid', async () => {
    const { markdown, locations } = await convertDocx(fixture('merged-cells.docx'));
    const offset = markdown.indexOf('95.000.000');
    const location = docxLocationAt(locations, offset + 3);
    expect(location).toMatchObject({ kind: 'table-cell', table: { index: 1, row: 3, column: 7 } });
    expect(markdown.slice(location?.start, location?.end)).toBe('95.000.000');
    expect(location?.line).toBe(markdown.slice(0, offset).split('\n').length);
    expect(describeDocxLocation(location!, 'id')).toBe('tabel "Tabel 1 Ringkasan Laporan Realisasi Capaian Target dan…" baris 3 kolom 7');
    expect(describeDocxLocation(location!, 'en')).toBe('table "Tabel 1 Ringkasan Laporan Realisasi Capaian Target dan…" row 3 column 7');

    // Without a "Tabel …" caption the header row names the table.
    const plain = await convertDocx(fixture('split-runs.docx'));
    const cell = docxLocationAt(plain.locations, plain.markdown.indexOf('55.55'));
    expect(describeDocxLocation(cell!, 'id')).toBe('tabel "Satker | Realisasi" baris 2 kolom 2');
    const paragraph = docxLocationAt(plain.locations, plain.markdown.indexOf('94.50'));
    expect(describeDocxLocation(paragraph!, 'en')).toBe('paragraph "Realisasi Indeks Kepuasan sebesar 94.50…"');
  });
});

describe('numbered lists', () => {
  it("writes Word's own labels: continued across a table, restarted, nested, chapter numbers, bullets", async () => {
    const { markdown } = await convertDocx(fixture('numbered-lists.docx'));
    expect(markdown).toBe(
      [
        '# BAB I PENDAHULUAN',
        'A. GAMBARAN UMUM',
        'B. DASAR HUKUM',
        '# BAB II AKUNTABILITAS KINERJA',
        '1. Indikator Kinerja Kegiatan Jumlah Kabupaten/Kota berkategori Tinggi',
        'a. Kegiatan pelatihan remaja',
        'b. Kegiatan pembentukan relawan',
        '2. Indikator Kinerja Kegiatan Jumlah petugas yang terlatih',
        'Paragraf penjelasan di antara butir bernomor.',
        'Target\tRealisasi\n10 Orang\t10 Orang',
        '3. Indikator Kinerja Kegiatan Nilai Zona Integritas',
        'Daftar baru:',
        '1. Butir pertama daftar baru',
        '2. Butir kedua daftar baru',
        '- Butir bertanda\n- Butir bertanda kedua',
      ].join('\n\n') + '\n',
    );
  });

  it('formats numbers as Word does', () => {
    expect([1, 4, 9, 14, 40, 2024].map((n) => formatListNumber(n, 'upperRoman'))).toEqual(['I', 'IV', 'IX', 'XIV', 'XL', 'MMXXIV']);
    expect([1, 26, 27, 53].map((n) => formatListNumber(n, 'lowerLetter'))).toEqual(['a', 'z', 'aa', 'aaa']);
    expect(formatListNumber(3, 'decimalZero')).toBe('03');
    expect(formatListNumber(3, 'none')).toBe('');
    expect(formatListNumber(3, 'ordinalText')).toBe('3');
  });
});

describe('runs', () => {
  it('joins figures typed in pieces and keeps bold only where it cannot split a figure', async () => {
    const { markdown } = await convertDocx(fixture('split-runs.docx'));
    expect(markdown).toContain('Realisasi Indeks Kepuasan sebesar 94.50 Indeks dari target 3.77.');
    expect(markdown).toContain('Capaian **12,5** %, anggaran Rp 1.250.000,-');
    expect(markdown).toContain('Nilai 88,929 dibandingkan 87,589.');
    expect(markdown).toContain('BNNK Belu\t55.55 Indeks');
    const first = markdown.split('\n')[0] ?? '';
    expect(findNumbers(first).map((n) => n.value)).toEqual([94.5, 3.77]);
    const third = markdown.split('\n\n')[2] ?? '';
    expect(findNumbers(third).map((n) => n.value)).toEqual([88.929, 87.589]);
  });
});

describe('equations', () => {
  it('reads an equation-editor fraction as LaTeX, so the fraction reader sees it', async () => {
    const { markdown, doc } = await parseDocx(fixture('equation.docx'));
    expect(markdown).toContain('Capaian = $\\frac{4 Berkas Perkara}{3 Berkas Perkara}× 100\\% = 133\\%$');
    expect(doc.fractions.map((f) => [f.numerator.value, f.denominator.value, f.stated.value])).toEqual([[4, 3, 133]]);
    expect(doc.diagnostics.find((d) => d.code === 'docx-equations')).toMatchObject({ severity: 'info' });
  });

  it('turns fractions, scripts, roots and delimiters into LaTeX and escapes TeX specials', () => {
    const r = (t: string) => `<m:r><m:t>${t}</m:t></m:r>`;
    expect(ommlToLatex(`<m:f><m:fPr/><m:num>${r('89')}</m:num><m:den>${r('94,50')}</m:den></m:f>${r('× 100%')}`)).toBe('\\frac{89}{94,50}× 100\\%');
    expect(ommlToLatex(`<m:sSup><m:e>${r('m')}</m:e><m:sup>${r('2')}</m:sup></m:sSup>`)).toBe('{m}^{2}');
    expect(ommlToLatex(`<m:d><m:dPr><m:begChr m:val="["/></m:dPr><m:e>${r('a')}</m:e></m:d>`)).toBe('[a)');
    expect(ommlToLatex(`<m:rad><m:e>${r('x_1 & {y}')}</m:e></m:rad>`)).toBe('\\sqrt{x\\_1 \\& \\{y\\}}');
  });
});

describe('documents that are not Word documents', () => {
  const rejects = async (bytes: Uint8Array, message: RegExp) => {
    const error = await convertDocx(bytes).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DocxError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain('\n');
  };

  it('refuses text, empty, truncated and old .doc files with one-line reasons', async () => {
    await rejects(new TextEncoder().encode('# LKIP 2024\n'), /^not a Word document/);
    await rejects(new Uint8Array(), /^empty file$/);
    await rejects(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), /old \.doc file or a password-protected/);
    const whole = fixture('header-rows.docx');
    await rejects(whole.subarray(0, Math.floor(whole.length / 2)), /^damaged Word document/);
    await rejects(new Uint8Array([0x50, 0x4b, 0x05, 0x06, ...new Array<number>(18).fill(0)]), /^not a Word document \(no main document part\)$/);
  });

  it('accepts an ArrayBuffer as well as a Uint8Array (the browser hands over ArrayBuffers)', async () => {
    const bytes = fixture('header-rows.docx');
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    expect((await convertDocx(buffer)).markdown).toBe((await convertDocx(bytes)).markdown);
  });
});
