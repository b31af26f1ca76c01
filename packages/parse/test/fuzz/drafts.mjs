// Generators of hostile and half-plausible LKIP drafts, shared by packages/parse/test/fuzz.test.ts
// (a short campaign in `pnpm test`) and scripts/fuzz.mjs (the long one). Plain JavaScript so the
// long campaign runs on the built packages without a TypeScript loader.
import fc from 'fast-check';

/** Drafts are cut to this many UTF-16 units: small enough for 100 000 of them in minutes. */
export const MAX_DRAFT_CHARS = 4096;

// ---------------------------------------------------------------------------------------------
// Figures in every way Indonesian drafts write them

const digits = (min, max) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: min, maxLength: max });

function group(intDigits, separator) {
  let out = '';
  for (let end = intDigits.length; end > 0; end -= 3) {
    const part = intDigits.slice(Math.max(0, end - 3), end);
    out = out === '' ? part : part + separator + out;
  }
  return out;
}

/** "1.234.567", "1.234,56", "94,50", "94.50", "1,234.56", "Rp. 14.798.345.000,-", "87,18 %", "(12,5)", "−3,2"… */
export const indonesianNumber = fc
  .tuple(
    digits(1, 13),
    fc.option(digits(1, 5), { nil: undefined }),
    fc.constantFrom('dot-thousands', 'comma-thousands', 'plain', 'space-thousands', 'broken'),
    fc.constantFrom('', '', '', 'Rp ', 'Rp.', 'Rp. ', 'Rp', '-', '−', '+', '(', '≥ ', '<', '\\geq '),
    fc.constantFrom('', '', '', ' %', '%', ',-', ' persen', ' Indeks', ' Kab/Kota', ' Orang', ')', ' berkas perkara', ' Lembaga', ' juta', ' M'),
  )
  .map(([intDigits, fraction, style, prefix, suffix]) => {
    const int = intDigits.replace(/^0+(?=\d)/, '');
    let body;
    switch (style) {
      case 'dot-thousands':
        body = group(int, '.') + (fraction !== undefined ? `,${fraction}` : '');
        break;
      case 'comma-thousands':
        body = group(int, ',') + (fraction !== undefined ? `.${fraction}` : '');
        break;
      case 'space-thousands':
        body = group(int, '\u00a0') + (fraction !== undefined ? `,${fraction}` : '');
        break;
      case 'broken':
        body = `${int}.${fraction ?? ''}.${int},,${fraction ?? '0'}`;
        break;
      default:
        body = int + (fraction !== undefined ? `.${fraction}` : '');
    }
    return prefix + body + suffix;
  });

const numberWord = fc.constantFrom('satu', 'dua', 'tiga', 'empat', 'sebelas', 'dua belas', 'tiga puluh dua', 'seratus', 'seribu dua ratus', 'nol', 'setengah');

/** "4 (empat)", "tiga puluh dua", "12 – 21 Tahun", "2020-2024", "49,74 s.d. 53,50". */
export const figureText = fc.oneof(
  { weight: 5, arbitrary: indonesianNumber },
  fc.tuple(indonesianNumber, numberWord).map(([n, w]) => `${n} (${w})`),
  fc.tuple(indonesianNumber, fc.constantFrom(' – ', '-', ' s.d. ', ' s/d ', ' sampai dengan ', ' hingga ', '—'), indonesianNumber).map(([a, s, b]) => a + s + b),
  numberWord,
  fc.constantFrom('P4GN', 'P-21', 'KEP/25/M.PAN/2/2004', '2024', 'Tahun 2023', 'TA 2022', '1.', 'III.2', '١٢٣', '１２３', '1e5', '0x1F', 'NaN', 'Infinity', '9'.repeat(40), '0,' + '0'.repeat(30) + '1'),
);

// ---------------------------------------------------------------------------------------------
// Words and prose

const lkipWords = fc.constantFrom(
  'BAB I PENDAHULUAN', 'BAB II PERENCANAAN DAN PERJANJIAN KINERJA', 'BAB III AKUNTABILITAS KINERJA', 'BAB IV PENUTUP',
  'IKHTISAR EKSEKUTIF', 'KATA PENGANTAR', 'LAMPIRAN', 'PERJANJIAN KINERJA TAHUN 2024', 'REKAPITULASI',
  'Indikator Kinerja Kegiatan :', 'Sasaran Kegiatan', 'Target', 'Realisasi', 'Capaian', '% Capaian', 'Perhitungan Capaian',
  'BNNP Nusa Tenggara Timur', 'BNNK Belu', 'BNN Kota Kupang', 'BNN Kabupaten Rote Ndao', 'Satker', 'Provinsi',
  'Jumlah Kabupaten/Kota dengan Indeks Ketahanan Diri Remaja berkategori "Tinggi"', 'Indeks kepuasan', 'Nilai IKPA',
  'Sangat Tinggi', 'Tinggi', 'Sedang', 'Rendah', 'Sangat Rendah', 'berkategori', 'melebihi target', 'di bawah target',
  'berjumlah', 'sebanyak', 'yaitu', 'adalah', 'sebesar', 'atau', 'dengan', 'Tahun Anggaran', 'Defenisi operasional',
  'Pagu', 'Anggaran', 'Rp', 'x 100%', '=', ':', ';', '(', ')', '/', '"', '“', '”', '…', '–', '—', '·', '•',
);

const unicodeNoise = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  // Lone surrogates: what a broken converter leaves when it cuts an emoji in half.
  fc.string({ unit: fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)), maxLength: 4 }),
  fc.constantFrom('\u0000', '\u200b', '\u00a0', '\ufeff', '\u2028', '\u2029', '\r', '\u000b', '\u0085', 'İ', 'ß', 'ﬁ', '\u0301', '🇮🇩', '👩‍👩‍👧'),
);

const word = fc.oneof({ weight: 6, arbitrary: lkipWords }, { weight: 4, arbitrary: figureText }, { weight: 2, arbitrary: fc.string({ unit: 'grapheme-ascii', maxLength: 12 }) }, { weight: 1, arbitrary: unicodeNoise });

export const sentence = fc.array(word, { minLength: 1, maxLength: 14 }).map((ws) => ws.join(' '));

// ---------------------------------------------------------------------------------------------
// Blocks

const cell = fc.oneof({ weight: 4, arbitrary: figureText }, { weight: 3, arbitrary: lkipWords }, { weight: 2, arbitrary: fc.constant('') }, { weight: 1, arbitrary: sentence }, { weight: 1, arbitrary: unicodeNoise });

const tableRows = fc
  .tuple(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 7 }))
  .chain(([width, height]) => fc.array(fc.array(cell, { minLength: Math.max(0, width - 2), maxLength: width + 1 }), { minLength: height, maxLength: height }).map((rows) => ({ width, rows })));

/** Tab-separated, with optional stacked/merged header, column-number row, repeated header. */
export const tabTable = fc
  .tuple(tableRows, fc.boolean(), fc.boolean(), fc.boolean(), fc.constantFrom('\t', '\t\t', ' \t', '\t '))
  .map(([{ width, rows }, numbering, merged, repeat, sep]) => {
    const header = Array.from({ length: width }, (_, i) => ['No', 'Indikator Kinerja', 'Target', 'Realisasi', '%', 'Satker', 'Anggaran', 'Pagu', 'Capaian'][i % 9]);
    const lines = [header.join(sep)];
    if (merged) lines.push(header.map((h, i) => (i % 2 === 0 ? '' : h)).join(sep));
    if (numbering) lines.push(header.map((_, i) => String(i + 1)).join(sep));
    for (const row of rows) lines.push(row.join(sep));
    if (repeat) lines.push(header.join(sep));
    return lines.join('\n');
  });

/** GFM pipe tables, including broken ones (no delimiter, escaped pipes, ragged rows). */
export const pipeTable = fc.tuple(tableRows, fc.boolean(), fc.boolean()).map(([{ width, rows }, delimiter, outer]) => {
  const line = (cells) => (outer ? `| ${cells.join(' | ')} |` : cells.join(' | '));
  const header = Array.from({ length: width }, (_, i) => ['No', 'Uraian', 'Target', 'Realisasi', 'Capaian (%)', 'Ket'][i % 6]);
  const out = [line(header)];
  if (delimiter) out.push(line(header.map(() => '---')));
  for (const row of rows) out.push(line(row.map((c) => c.replace(/\|/g, '\\|'))));
  return out.join('\n');
});

/** "Realisasi : 88,929 x 100% = 111,32 %" over its denominator, and LaTeX fractions. */
export const fraction = fc.tuple(indonesianNumber, indonesianNumber, indonesianNumber, fc.integer({ min: 0, max: 3 })).map(([a, b, c, form]) => {
  switch (form) {
    case 0:
      return `% Capaian\t:\t${a}\tx 100% = ${c}\n\t\t${b}`;
    case 1:
      return `$$\\text{Capaian} = \\frac{${a}}{${b}} \\times 100\\% = ${c}$$`;
    case 2:
      return `Realisasi:\t$\\frac{${a} \\text{ Kab/Kota}}{${b} \\text{ Kab/Kota}} \\times 100\\% = ${c}$`;
    default:
      return `Capaian = ${a} / ${b} x 100% = ${c}`;
  }
});

/** Markdown that does not close what it opens. */
export const brokenMarkdown = fc.constantFrom(
  '**tebal tanpa penutup', '*miring', '`kode', '```\nblok kode tanpa penutup', '~~~', '$$\\frac{1}{', '$\\frac{{{{', '<div>', '<!-- komentar',
  '<table><tr><td>1</td>', '[tautan](', '![gambar](x', '#######', '# ', '> ', '- ', '1. ', '1) ', '* * *', '---', '===', '|', '||', '| --- |',
  '\\', '\\\\\\', '&amp;&#x0;&#99999999;', '<!-- lkip-disable-next-line -->', '<!-- lkip-disable capaian-mismatch -->', '[^1]', '[^1]: catatan',
);

const repeat = (arb, max) => fc.tuple(arb, fc.integer({ min: 2, max })).map(([s, n]) => s.repeat(n));

/** Deep nesting and very long lines; bounded by MAX_DRAFT_CHARS anyway. */
export const pathological = fc.oneof(
  fc.integer({ min: 1, max: 300 }).map((n) => '>'.repeat(n) + ' kutipan'),
  fc.integer({ min: 1, max: 40 }).map((n) => Array.from({ length: n }, (_, i) => `${'  '.repeat(i)}- butir ${i}`).join('\n')),
  fc.integer({ min: 1, max: 40 }).map((n) => Array.from({ length: n }, (_, i) => `${'   '.repeat(i)}${i + 1}. butir`).join('\n')),
  repeat(fc.constantFrom('1', '1.', '1,', ' ', '\t', '|', '*', '_', '[', '(', '$', '<', '-', '=', '#', '`', '\\', '9.999.', 'Rp', '% ', 'a '), 1200),
  repeat(figureText, 60),
  fc.integer({ min: 100, max: 3000 }).map((n) => 'Realisasi '.padEnd(n, '1')),
);

const block = fc.oneof(
  { weight: 8, arbitrary: sentence },
  { weight: 4, arbitrary: tabTable },
  { weight: 3, arbitrary: pipeTable },
  { weight: 2, arbitrary: fraction },
  { weight: 2, arbitrary: lkipWords.map((t) => (t.length < 40 ? t.toUpperCase() : t)) },
  { weight: 2, arbitrary: fc.tuple(fc.integer({ min: 1, max: 6 }), sentence).map(([n, s]) => `${'#'.repeat(n)} ${s}`) },
  { weight: 2, arbitrary: fc.array(sentence, { minLength: 1, maxLength: 6 }).map((items) => items.map((s, i) => `${i + 1}. ${s}`).join('\n')) },
  { weight: 2, arbitrary: brokenMarkdown },
  { weight: 1, arbitrary: pathological },
  { weight: 1, arbitrary: unicodeNoise },
);

/** A whole draft: blocks joined by one or two newlines, sometimes CRLF, cut to MAX_DRAFT_CHARS. */
export const draft = fc
  .tuple(fc.array(block, { minLength: 0, maxLength: 12 }), fc.array(fc.constantFrom('\n', '\n\n', '\n\n', '\n\n\n', ' \n'), { minLength: 12, maxLength: 12 }), fc.boolean())
  .map(([blocks, joins, crlf]) => {
    let text = '';
    blocks.forEach((b, i) => {
      text += (i > 0 ? joins[i] : '') + b;
    });
    if (crlf) text = text.replace(/\n/g, '\r\n');
    return text.length > MAX_DRAFT_CHARS ? text.slice(0, MAX_DRAFT_CHARS) : text;
  });

/** The n-th draft of a campaign, the same on every run: a crash report names (seed, n). */
export function draftAt(seed, n) {
  return fc.sample(draft, { seed: (seed + n * 7919) | 0, numRuns: 1 })[0];
}
