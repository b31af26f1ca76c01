import type { CategoryCountClaim, Claim, CountClaim, CountSubject, NumberWord, Place, Quantity, TallyClaim } from '@lkip/schema';
import { findNumbers, findParenthesisedNumberWords } from '../numbers/index.js';
import { prefixOf } from './units.js';
import { sentences, type Block } from './blocks.js';
import { placeFor, toQuantity, type BuildContext } from './context.js';
import { paragraphsOf, proseScopes } from './prose-scope.js';
import { sectionAt, topSectionAt } from './sections.js';

// Every year claim holds a year of four digits; a paragraph without one is not split into sentences.
const ANY_YEAR = /(?:19|20)\d{2}/;

/** Tallies, counts, category counts and year mentions stated in prose. */
export function readClaims(ctx: BuildContext): Claim[] {
  const claims: Claim[] = [];
  // Part "a. Capaian" of each indicator section states this year's figures.
  const currentParts = proseScopes(ctx)
    .filter((s) => s.current && s.placeKind === 'chapter-prose')
    .map((s): [number, number] => [s.block.start, s.block.end]);
  for (const block of paragraphsOf(ctx)) {
    if (block.kind !== 'paragraph' && block.kind !== 'heading') continue;
    const tally = readTally(ctx, block);
    if (tally) claims.push(tally);
    claims.push(...readCounts(ctx, block));
    // Only a paragraph with a year states year claims: whether it sits in a "Capaian" part is
    // asked of those alone (it was asked of every paragraph, against every such part).
    if (ANY_YEAR.test(block.raw)) claims.push(...readYears(ctx, block, currentParts.some(([a, b]) => block.start >= a && block.start < b)));
  }
  claims.push(...readCategoryCounts(ctx));
  return claims;
}

const TALLY_PHRASES: { key: 'above' | 'at' | 'below'; pattern: RegExp }[] = [
  { key: 'above', pattern: /(di\s?atas|melebihi)\s+target/gi },
  { key: 'at', pattern: /(sesuai|mencapai)\s+target/gi },
  { key: 'below', pattern: /(di\s?bawah|belum\s+mencapai)\s+target/gi },
];

function readTally(ctx: BuildContext, block: Block): TallyClaim | undefined {
  const raw = block.raw;
  if (!/berjumlah|sebanyak|sejumlah/i.test(raw)) return undefined;
  const found: Partial<Record<'above' | 'at' | 'below', { q: Quantity; word?: NumberWord }>> = {};
  for (const { key, pattern } of TALLY_PHRASES) {
    for (const m of raw.matchAll(pattern)) {
      const after = (m.index ?? 0) + m[0].length;
      // "… di atas target berjumlah 4 (empat)": the count follows within a few words.
      const window = raw.slice(after, after + 40);
      const lead = /^\s*(?:berjumlah|sebanyak|sejumlah|ada)\s+/i.exec(window);
      if (!lead) continue;
      const figure = findNumbers(window)[0];
      if (!figure || figure.start > lead[0].length + 1 || figure.decimals > 0) continue;
      const entry: { q: Quantity; word?: NumberWord } = { q: toQuantity(ctx, figure, block.start + after) };
      const pair = findParenthesisedNumberWords(window).find((p) => p.digits.start === figure.start);
      if (pair) entry.word = { text: pair.word.text, value: pair.word.value, position: ctx.map.position(block.start + after + pair.word.start, block.start + after + pair.word.end) };
      found[key] = entry;
      break;
    }
  }
  const keys = Object.keys(found);
  if (keys.length < 2) return undefined;
  const claim: TallyClaim = { kind: 'tally', place: placeFor(ctx, placeKindAt(ctx, block.start), block.start), position: ctx.map.position(block.start, block.end) };
  if (found.above) {
    claim.above = found.above.q;
    if (found.above.word) claim.aboveWord = found.above.word;
  }
  if (found.at) {
    claim.at = found.at.q;
    if (found.at.word) claim.atWord = found.at.word;
  }
  if (found.below) {
    claim.below = found.below.q;
    if (found.below.word) claim.belowWord = found.below.word;
  }
  return claim;
}

function placeKindAt(ctx: BuildContext, offset: number) {
  if (sectionAt(ctx.sections, offset)?.kind === 'indicator') return 'chapter-prose' as const;
  const top = topSectionAt(ctx.sections, offset);
  if (top?.kind === 'summary') return 'summary' as const;
  if (top?.kind === 'closing') return 'closing' as const;
  return 'prose' as const;
}

const SUBJECTS: [RegExp, CountSubject][] = [
  [/^(?:target\s+)?Indikator\s+Kinerja\b/i, 'indicators'],
  [/^Sasaran\s+(?:Kegiatan|Strategis|Program)\b/i, 'goals'],
  [/^Program\b/i, 'programs'],
  [/^Kegiatan\b/i, 'activities'],
  [/^(?:Klasifikasi\s+Rincian\s+Output|KRO|Rincian\s+Output)\b/i, 'outputs'],
  [/^(?:orang|pegawai|personil|personel)\b/i, 'staff'],
  [/^(?:Kab(?:upaten)?\s*\/\s*Kota|Kabupaten|Kota)/i, 'units'],
];

/** "3 <office prefix> …", "3 <acronym> Kab/Kota": the draft's own office words count its offices. */
function subjectOf(noun: string, ctx: BuildContext): CountSubject {
  const word = /^(?:target\s+)?([A-Za-z]+)/i.exec(noun)?.[1] ?? '';
  // What the draft's profile calls indicators (IKU, IKK, IKSS, ...).
  if (ctx.profile.indicatorAcronyms.includes(word.toUpperCase())) return 'indicators';
  for (const [pattern, subject] of SUBJECTS) if (pattern.test(noun)) return subject;
  const vocabulary = ctx.units.vocabulary;
  const office = prefixOf(vocabulary, `${noun} `, false);
  if (office) return 'units';
  const first = noun.split(/[\s/]+/)[0]?.toLowerCase() ?? '';
  if (vocabulary.acronyms.includes(first) && /^\S+\s*(?:\/\s*)?(?:Kab|Kota)/i.test(noun)) return 'units';
  return 'other';
}

// What a staff sentence names, looser than the sentence test (no word boundaries), for the paragraph.
const STAFF_WORDS = /sumber\s+daya\s+manusia|SDM|pegawai/i;

function readCounts(ctx: BuildContext, block: Block): CountClaim[] {
  const out: CountClaim[] = [];
  const raw = block.raw;
  const pairs = findParenthesisedNumberWords(raw);
  // "Sumber Daya Manusia sebanyak 119 orang": a staff total written without its number word.
  // (A paragraph that names no staff at all is not split into sentences.)
  const staffSentences = STAFF_WORDS.test(raw) ? sentences(block) : [];
  if (pairs.length === 0 && staffSentences.length === 0) return out;
  const place = placeFor(ctx, placeKindAt(ctx, block.start), block.start);
  const seen = new Set<number>();
  for (const pair of pairs) {
    const noun = raw.slice(pair.end, pair.end + 60).replace(/^[\s*_]+/, '').split(/[,.;:]/)[0]?.trim() ?? '';
    const count = toQuantity(ctx, pair.digits, block.start);
    seen.add(pair.digits.start);
    out.push({
      kind: 'count',
      count,
      word: { text: pair.word.text, value: pair.word.value, position: ctx.map.position(block.start + pair.word.start, block.start + pair.word.end) },
      noun: noun.split(/\s+/).slice(0, 5).join(' '),
      subject: subjectOf(noun, ctx),
      place,
      position: ctx.map.position(block.start + pair.start, block.start + pair.end),
    });
  }
  for (const s of staffSentences) {
    if (!/sumber\s+daya\s+manusia|\bSDM\b|pegawai/i.test(s.raw)) continue;
    const m = /\b(?:sebanyak|berjumlah|sejumlah|oleh|terdiri\s+(?:dari|atas))\s+(\d[\d.]*)\s+(orang|pegawai|personil)\b/i.exec(s.raw);
    if (!m) continue;
    const local = s.start - block.start + (m.index ?? 0) + m[0].indexOf(m[1] ?? '');
    if (seen.has(local)) continue;
    const figure = findNumbers(m[1] ?? '', { kind: 'count' })[0];
    if (!figure) continue;
    out.push({
      kind: 'count',
      count: toQuantity(ctx, figure, block.start + local),
      noun: m[2] ?? 'orang',
      subject: 'staff',
      place,
      position: ctx.map.position(s.start, s.end),
    });
  }
  return out;
}

const CATEGORY_AFTER = /(?<!\d)(\d+)\s+Kab(?:upaten)?\s*\/\s*Kota\b([^.;“”"\d]{0,120}?)berkategori\s*[“"]\s*([^”"]{2,30}?)\s*[”"]/gi;
// "1 Kab/Kota memiliki Indeks Literasi “Tinggi” yaitu Kabupaten Tanjung Kemiri": no "berkategori", but a named district.
const CATEGORY_NAMED = /(?<!\d)(\d+)\s+Kab(?:upaten)?\s*\/\s*Kota\b([^.;“”"\d]{0,120}?)[“"]\s*([^”"]{2,30}?)\s*[”"](\s*,?\s*yaitu)/gi;
const CATEGORY_BEFORE = /berkategori\s*[“"]\s*([^”"]{2,30}?)\s*[”"]\s*,?\s*berjumlah\s+(\d+)\s+Kab(?:upaten)?\s*\/\s*Kota/gi;

/** "1 Kab/Kota … berkategori “Sangat Tinggi” yaitu Kabupaten Batu Merah": how many units fall in a category. */
function readCategoryCounts(ctx: BuildContext): CategoryCountClaim[] {
  const out: CategoryCountClaim[] = [];
  for (const scope of proseScopes(ctx)) {
    if (!scope.indicator.countOf) continue;
    const raw = scope.block.raw;
    const push = (countText: string, countAt: number, category: string, end: number) => {
      // "berkategori “Tinggi” atau “Sangat Tinggi”": the claim counts that category or better.
      const alternative = /^\s*(?:atau|dan)\s+[“"]\s*([^”"]{2,30}?)\s*[”"]/i.exec(raw.slice(end, end + 60));
      if (alternative) end += alternative[0].length;
      const figure = findNumbers(countText)[0];
      if (!figure) return;
      const named = raw.slice(end, end + 200);
      // "yaitu Lembah Hijau, Kota Batu Merah dan Tanjung Kemiri": every district named.
      const names = /^\s*,?\s*(?:yaitu|adalah|:)\s+([^;.]+)/i.exec(named)?.[1] ?? '';
      const unitIds = [...new Set(names.split(/,|\bdan\b/).map((n) => unitNamedAtStart(ctx, n)).filter((x): x is string => !!x))];
      out.push({
        kind: 'category-count',
        indicatorId: scope.indicator.id,
        category: category.trim(),
        atLeast: alternative !== null,
        count: toQuantity(ctx, figure, scope.block.start + countAt),
        unitIds,
        place: placeFor(ctx, scope.placeKind, scope.block.start + countAt),
        position: ctx.map.position(scope.block.start + countAt, scope.block.start + end),
      });
    };
    for (const m of raw.matchAll(CATEGORY_AFTER)) {
      const at = m.index ?? 0;
      // "realisasi … adalah 1 Kabupaten/Kota" is the indicator's own figure, read as a measurement.
      if (/\bdengan\s+indeks\b/i.test(m[2] ?? '') && /jumlah/i.test(raw.slice(Math.max(0, at - 200), at))) continue;
      // "berjumlah 1 Kab/Kota yaitu Lembah Hijau, berkategori “Tinggi” …": that count belongs to the category before it.
      if (/berjumlah\s*$/i.test(raw.slice(Math.max(0, at - 12), at)) || /\byaitu\b|\brincian\b/i.test(m[2] ?? '')) continue;
      push(m[1] ?? '', at, m[3] ?? '', at + m[0].length);
    }
    for (const m of raw.matchAll(CATEGORY_NAMED)) {
      const at = m.index ?? 0;
      if (/berkategori/i.test(m[0])) continue;
      push(m[1] ?? '', at, m[3] ?? '', at + m[0].length - (m[4] ?? '').length);
    }
    for (const m of raw.matchAll(CATEGORY_BEFORE)) {
      const at = m.index ?? 0;
      const countAt = at + m[0].search(/\d/);
      push(m[2] ?? '', countAt, m[1] ?? '', at + m[0].length);
    }
  }
  return out;
}

/** "Kota Batu Merah disebabkan …": the unit named by the first one to three words. */
function unitNamedAtStart(ctx: BuildContext, text: string): string | undefined {
  const words = text.replace(/[*_]+/g, '').trim().split(/\s+/);
  for (let k = Math.min(4, words.length); k >= 1; k--) {
    const unit = ctx.units.resolve(words.slice(0, k).join(' '));
    if (unit) return unit.id;
  }
  return ctx.units.mentions(text).map((m) => ctx.units.resolve(m.text)?.id).find(Boolean);
}

const YEAR_MENTION = /\b(tahun|TA\.?)(\s+anggaran)?\s+((?:19|20)\d{2})\b/gi;
const LEGAL = /\b(?:nomor|no\.?)\s*[:.]?\s*[\w./-]{1,30}\s+$/i;
const COMPARISON = /sebelumnya|dibandingkan|bandingkan|perbandingan|pembanding|\bs\.?\s?d\.?\b|sampai\s+dengan|grafik|periode|\b(?:meningkat|menurun|naik|turun)\s+(?:\S+\s+){0,3}?dari\s+tahun\b/i;
const REPORT = /laporan\s+(?:akuntabilitas\s+)?kinerja|\bLKIP\b|\bLAKIP\b/i;
const LIST = /\btahun\s+((?:19|20)\d{2})((?:\s*,\s*(?:tahun\s+)?(?:19|20)\d{2})*)\s+(?:dan|serta)\s+(?:tahun\s+)?((?:19|20)\d{2})\b/gi;
const CONTRAST = /\bsedangkan\s+(?:di\s+|pada\s+)?tahun\s+((?:19|20)\d{2})/gi;
// "Tahun 2023, Satker … telah berhasil melaksanakan …" at the head of the results: the year of the
// report's own work; "pada tahun 2023 capaiannya 95 %" (a figure of that year) is not.
const RUNNING = /^\s*(?:pada\s+|di\s+|selama\s+)?tahun\s+(?:19|20)\d{2}\s*,?\s+[^.;]{0,200}?\btelah\s+(?:berhasil\s+)?(?:melaksanakan|menyelesaikan|menjalankan)\b/i;

/** The year claims of a paragraph that holds a year (see `ANY_YEAR`). */
function readYears(ctx: BuildContext, block: Block, inCurrentPart: boolean): Claim[] {
  const out: Claim[] = [];
  for (const s of sentences(block)) {
    const raw = s.raw;
    if (!ANY_YEAR.test(raw)) continue;
    const comparison = COMPARISON.test(raw);
    const yearMentions = [...raw.matchAll(YEAR_MENTION)];
    const running = !comparison && !/%|\bpersen\b/i.test(raw) && RUNNING.test(raw) && yearMentions.length === 1;
    // Where the sentence is and the sentence as its claims quote it: made once, and only for a
    // sentence that states a claim.
    let place: Place | undefined;
    let quoted: string | undefined;
    const placeOf = (): Place => (place ??= placeFor(ctx, placeKindAt(ctx, s.start), s.start));
    const quote = (): string => (quoted ??= raw.replace(/\s+/g, ' ').trim().slice(0, 300));
    const mentions: { year: number; at: number; end: number }[] = [];
    for (const m of yearMentions) {
      const at = m.index ?? 0;
      if (LEGAL.test(raw.slice(Math.max(0, at - 40), at))) continue;
      const year = Number(m[3]);
      const yearAt = at + m[0].length - 4;
      mentions.push({ year, at: yearAt, end: yearAt + 4 });
      const fiscal = m[2] !== undefined || /^TA\.?$/.test(m[1] ?? '');
      const report = !fiscal && REPORT.test(raw.slice(0, at)) && /^\s*ini\b/i.test(raw.slice(at + m[0].length, at + m[0].length + 6));
      const statesFigure = inCurrentPart && /\b(target|realisasi)\b/i.test(raw) && !comparison;
      // "Analisis realisasi … tahun 2023 serta perbandingan … dengan tahun sebelumnya": the year
      // named before "serta perbandingan" is the one being analysed, the current one.
      const analysed = /^\s+serta\s+perbandingan\b/i.test(raw.slice(at + m[0].length, at + m[0].length + 30));
      out.push({
        kind: 'year',
        year,
        context: fiscal ? 'fiscal-year' : report ? 'report-year' : comparison ? 'comparison' : 'other',
        present: (fiscal && !comparison) || report || statesFigure || analysed || running,
        comparison,
        text: quote(),
        place: placeOf(),
        position: ctx.map.position(s.start + yearAt, s.start + yearAt + 4),
      });
    }
    for (const m of raw.matchAll(LIST)) {
      const at = m.index ?? 0;
      const listText = m[0];
      const years = [...listText.matchAll(/(?:19|20)\d{2}/g)].map((y) => ({
        year: Number(y[0]),
        position: ctx.map.position(s.start + at + (y.index ?? 0), s.start + at + (y.index ?? 0) + 4),
      }));
      const inside = (x: number) => x >= at && x < at + listText.length;
      // "pada Tahun 2024 … sama dengan … Tahun 2022 dan 2024": a year the sentence compares the list with.
      const comparedWith = mentions.filter((x) => !inside(x.at) && x.at < at && /sama\s+dengan|dibandingkan|seperti/i.test(raw.slice(x.end, at)));
      out.push({
        kind: 'year-list',
        form: 'list',
        years,
        otherYears: comparedWith.map((x) => x.year),
        text: quote(),
        place: placeOf(),
        position: ctx.map.position(s.start + at, s.start + at + listText.length),
      });
    }
    for (const m of raw.matchAll(CONTRAST)) {
      const at = m.index ?? 0;
      const second = Number(m[1]);
      const secondAt = at + m[0].length - 4;
      const first = [...mentions].reverse().find((x) => x.at < at);
      if (!first) continue;
      out.push({
        kind: 'year-list',
        form: 'contrast',
        years: [
          { year: first.year, position: ctx.map.position(s.start + first.at, s.start + first.end) },
          { year: second, position: ctx.map.position(s.start + secondAt, s.start + secondAt + 4) },
        ],
        otherYears: [],
        text: quote(),
        place: placeOf(),
        position: ctx.map.position(s.start + first.at, s.start + secondAt + 4),
      });
    }
  }
  return out;
}
