import type { Quantity, Sentence } from '@lkip/schema';

/**
 * Reading the sums and averages a sentence states with its own figures: "panjang jalan 120,5 km
 * terdiri atas 45,2 km jalan provinsi, 50,1 km jalan kabupaten dan 25,3 km jalan desa", "119 orang
 * yang terdiri dari …", "rata-rata capaian ketiga sasaran sebesar 98,5 % (…, …, …)". Only what a
 * sentence says unambiguously is read; anything else is left out.
 */

/** A figure of a sentence with its place in the sentence's text. */
export interface SentenceFigure {
  q: Quantity;
  start: number;
  end: number;
  /** The figure sits inside parentheses: an aside, not an item of the enumeration. */
  inParentheses: boolean;
}

export interface StatedSum {
  sentence: Sentence;
  total: Quantity;
  parts: Quantity[];
  /** Counted things (people, villages, rupiah) are exact; measured ones (km, ha, %) are rounded. */
  exact: boolean;
}

export interface StatedAverage {
  sentence: Sentence;
  average: Quantity;
  items: Quantity[];
  /** The count the sentence names ("ketiga", "3 (tiga)"). */
  count: number;
}

const BREAKDOWN = /\b(?:terdiri\s+(?:atas|dari)|terbagi\s+(?:atas|dalam|menjadi|ke\s+dalam))\b/gi;
// Words that make an enumeration a selection, not the whole: "antara lain", "di antaranya", "termasuk".
const NOT_EXHAUSTIVE = /\b(?:antara\s+lain|di\s?antaranya|termasuk|sebagian|dan\s+lain[-\s]lain|dll|dsb|beberapa|sekitar|kurang\s+lebih|lebih\s+dari|kurang\s+dari|hampir|minimal|maksimal|paling\s+(?:sedikit|banyak)|rata[-\s]?rata)\b/i;
// A new clause ends the enumeration.
const CLAUSE_END = /;|\b(?:sedangkan|sementara|namun|tetapi|akan\s+tetapi|di\s?mana|yang\s+mana|sehingga|dengan\s+(?:total|jumlah)|selain\s+itu)\b/i;
const COUNT_UNITS = /^(?:orang|jiwa|pegawai|personel|desa|kelurahan|kecamatan|sekolah|puskesmas|rumah|unit|buah|kasus|perkara|pasien|balita|bayi|keluarga|kk|bidang|jembatan|ruas|titik|paket|dokumen|laporan|kegiatan|program|sub ?kegiatan|sasaran|indikator|lembaga|kab\/kota|kabupaten\/kota|rp)$/i;
const UNIT_SYNONYMS: Record<string, string> = { kilometer: 'km', hektar: 'ha', hektare: 'ha', kilogram: 'kg', persen: '%', 'kab/kota': 'kabupaten/kota', personel: 'orang', pegawai: 'orang', jiwa: 'orang' };

export function unitKey(q: Quantity): string | undefined {
  if (q.percent) return '%';
  const unit = q.unit?.toLowerCase().replace(/\s+/g, ' ').trim();
  if (!unit) return undefined;
  return UNIT_SYNONYMS[unit] ?? unit;
}

export function isYear(q: Quantity): boolean {
  return q.decimals === 0 && !q.percent && !q.unit && q.value >= 1900 && q.value <= 2100;
}

export function isExactCount(q: Quantity): boolean {
  return q.decimals === 0 && !q.percent && COUNT_UNITS.test(unitKey(q) ?? '');
}

const figuresBySentence = new WeakMap<Sentence, SentenceFigure[]>();

/**
 * The figures of a sentence, in order, with their offsets in its text. Several rules read them
 * from every sentence: they are read once per sentence object (the cache goes with the document).
 */
export function figuresOf(sentence: Sentence): SentenceFigure[] {
  const known = figuresBySentence.get(sentence);
  if (known) return known;
  const base = sentence.position.offset;
  const text = sentence.text;
  const placed = sentence.quantities.map((q) => ({ q, start: q.position.offset - base, end: q.position.endOffset - base }));
  const depths = parenthesisDepths(text, placed.map((f) => f.start));
  const figures = placed.map((f, i) => ({ ...f, inParentheses: (depths[i] ?? 0) > 0 })).filter((f) => f.start >= 0 && f.end <= text.length);
  figuresBySentence.set(sentence, figures);
  return figures;
}

const PARENTHESIS = /[()]/g;

/** How deep in parentheses each offset stands (an unmatched ")" does not go below zero), in one pass over the text. */
function parenthesisDepths(text: string, offsets: readonly number[]): number[] {
  const order = offsets.map((at, i) => ({ at, i })).sort((a, b) => a.at - b.at);
  const out = new Array<number>(offsets.length).fill(0);
  let depth = 0;
  let i = 0;
  for (const { at, i: slot } of order) {
    const limit = Math.min(at, text.length);
    // From bracket to bracket by a native search, not a step per character of the sentence.
    PARENTHESIS.lastIndex = i;
    for (let m = PARENTHESIS.exec(text); m !== null && m.index < limit; m = PARENTHESIS.exec(text)) {
      if (m[0] === '(') depth++;
      else depth = Math.max(0, depth - 1);
    }
    i = Math.max(i, limit);
    out[slot] = depth;
  }
  return out;
}

/** "X terdiri atas A, B dan C" in one sentence, with A, B, C in the unit of X. */
export function statedSums(sentences: readonly Sentence[]): StatedSum[] {
  const out: StatedSum[] = [];
  for (const sentence of sentences) {
    if (sentence.kind === 'formula' || sentence.kind === 'heading') continue;
    const text = sentence.text;
    const keywords = [...text.matchAll(BREAKDOWN)];
    // Two breakdowns in one sentence nest or run side by side: which figure belongs where is unclear.
    if (keywords.length !== 1) continue;
    const keyword = keywords[0] as RegExpMatchArray;
    const at = keyword.index ?? 0;
    const figures = figuresOf(sentence).filter((f) => !isYear(f.q));
    const total = [...figures].reverse().find((f) => f.end <= at);
    if (!total || total.inParentheses || total.q.ambiguous || total.q.bound) continue;
    const gap = text.slice(total.end, at);
    if (gap.length > 40 || /[;:]/.test(gap)) continue;
    const unit = unitKey(total.q);
    // Without a unit word, a whole count ("23 produk hukum") is summed with whole counts of its kinds.
    const countMode = isExactCount(total.q) || (unit === undefined && total.q.decimals === 0 && !total.q.percent);
    if (!unit && !countMode) continue;
    if (NOT_EXHAUSTIVE.test(text.slice(Math.max(0, total.start - 30), total.start))) continue;
    let region = text.slice(at + keyword[0].length);
    const end = CLAUSE_END.exec(region);
    if (end) region = region.slice(0, end.index);
    if (NOT_EXHAUSTIVE.test(region)) continue;
    const regionStart = at + keyword[0].length;
    const regionEnd = regionStart + region.length;
    const candidates = figures.filter((f) => f.start >= regionStart && f.end <= regionEnd && !f.inParentheses);
    if (countMode) {
      const counts = countParts(text, candidates, unit);
      if (counts && counts.length >= 2) out.push({ sentence, total: total.q, parts: counts, exact: true });
      continue;
    }
    const parts: Quantity[] = [];
    let unreadable = false;
    for (const f of candidates) {
      const key = unitKey(f.q);
      // Shares ("atau 31,94 %") beside the parts of a length are not parts.
      if (key === '%' && unit !== '%') continue;
      if (key === undefined) {
        unreadable = true;
        break;
      }
      if (key !== unit) continue;
      if (f.q.ambiguous || f.q.bound) {
        unreadable = true;
        break;
      }
      parts.push(f.q);
    }
    if (unreadable || parts.length < 2) continue;
    out.push({ sentence, total: total.q, parts, exact: isExactCount(total.q) && parts.every(isExactCount) });
  }
  return out;
}

/**
 * The parts of a count: every figure of the enumeration is a whole number of the total's unit or
 * of none (its own noun follows: "4 sekolah dasar, 9 sekolah menengah dan 2 madrasah"),
 * and the parts are separated by commas or "dan"/"serta". Beside a total with a unit, figures of
 * another unit ("12 orang bidan di 3 desa") are asides.
 */
function countParts(text: string, figures: SentenceFigure[], unit: string | undefined): Quantity[] | undefined {
  const kept: SentenceFigure[] = [];
  for (const f of figures) {
    const key = unitKey(f.q);
    if (key === '%') continue;
    if (key !== undefined && key !== unit) {
      if (unit !== undefined) continue;
      return undefined;
    }
    if (f.q.decimals !== 0 || f.q.ambiguous || f.q.bound) return undefined;
    kept.push(f);
  }
  // Either every part writes its unit or none does: a unitless figure among "12 orang …, 15 orang …" is something else.
  const withUnit = kept.filter((f) => unitKey(f.q) !== undefined).length;
  if (withUnit !== 0 && withUnit !== kept.length) return undefined;
  for (let i = 1; i < kept.length; i++) {
    const between = text.slice((kept[i - 1] as SentenceFigure).end, (kept[i] as SentenceFigure).start);
    if (!/,|\bdan\b|\bserta\b/.test(between)) return undefined;
  }
  return kept.map((f) => f.q);
}

export interface StatedShare {
  sentence: Sentence;
  part: Quantity;
  whole: Quantity;
  share: Quantity;
}

const NO_FIGURE_GAP = /^[^\d;:]*$/;

/**
 * "18 dari 24 desa, atau 75,00 %", "Dari 200 aduan, sebanyak 150 telah diselesaikan, atau
 * 75,00 %": a count of a whole and the percentage it makes. Counts only
 * (whole numbers, not percentages); a target ("dari target 92,50") is capaian-mismatch's.
 */
export function statedShares(sentences: readonly Sentence[]): StatedShare[] {
  const out: StatedShare[] = [];
  for (const sentence of sentences) {
    if (sentence.kind === 'formula' || sentence.kind === 'heading') continue;
    const text = sentence.text;
    const figures = figuresOf(sentence).filter((f) => !isYear(f.q));
    for (let i = 0; i + 2 < figures.length; i++) {
      const [a, b, c] = [figures[i], figures[i + 1], figures[i + 2]] as [SentenceFigure, SentenceFigure, SentenceFigure];
      if (!c.q.percent || a.q.percent || b.q.percent || a.q.decimals !== 0 || b.q.decimals !== 0 || a.q.ambiguous || b.q.ambiguous || c.q.ambiguous || a.q.bound || b.q.bound || c.q.bound) continue;
      if (/rp/i.test(a.q.raw + b.q.raw)) continue;
      const ab = text.slice(a.end, b.start);
      const bc = text.slice(b.end, c.start);
      const lead = text.slice(Math.max(0, a.start - 12), a.start);
      let part: Quantity | undefined;
      let whole: Quantity | undefined;
      // Form 1: "A … dari B … atau P %".
      if (/^\s*(?:[\p{L}/-]+\s+){0,4}dari\s+(?:total\s+|seluruh\s+|jumlah\s+|sebanyak\s+)?$/iu.test(ab) && !/target/i.test(ab)) {
        part = a.q;
        whole = b.q;
      }
      // Form 2: "Dari B …, (sebanyak) A … atau P %".
      else if (/\bdari\s+(?:total\s+|seluruh\s+|jumlah\s+|sebanyak\s+)?$/i.test(lead) && !/target/i.test(lead) && /,\s*(?:sebanyak\s+|hanya\s+|baru\s+)?$/.test(ab) && ab.length <= 70) {
        part = b.q;
        whole = a.q;
      }
      if (!part || !whole || whole.value === 0 || part.value > whole.value) continue;
      if (bc.length > 80 || !NO_FIGURE_GAP.test(bc) || !/(?:\batau\b|\(|\bsebesar\b|\bsetara\b)\s*(?:sebesar\s+|setara\s+(?:dengan\s+)?)?$/i.test(bc)) continue;
      if (/target|capaian|realisasi|rata[-\s]?rata/i.test(bc)) continue;
      out.push({ sentence, part, whole, share: c.q });
    }
  }
  return out;
}

const AVERAGE_WORDS = /\b(?:rata[-\s]?rata|rerata)\b/gi;
const COUNT_WORDS: Record<string, number> = { kedua: 2, ketiga: 3, keempat: 4, kelima: 5, keenam: 6, ketujuh: 7, kedelapan: 8, kesembilan: 9, kesepuluh: 10, dua: 2, tiga: 3, empat: 4, lima: 5, enam: 6, tujuh: 7, delapan: 8, sembilan: 9, sepuluh: 10 };
const COUNTED = /\b(kedua|ketiga|keempat|kelima|keenam|ketujuh|kedelapan|kesembilan|kesepuluh|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh)\s+(?:\S+\s+){0,1}?(?:sasaran|indikator|ikk|iku|kegiatan|program|komponen|aspek|unsur|dimensi|satker|unit|puskesmas|kecamatan|bidang|triwulan|semester|layanan)\b/i;
// Read on the trimmed gap between the word and the figure.
const STATED_AFTER = /^[^\d;]{0,80}?\b(?:sebesar|adalah|yaitu|yakni|mencapai|menjadi|senilai) ?:?$|^[=:]$/i;

/**
 * "Rata-rata capaian ketiga sasaran sebesar 98,5 % (100 %, 97 % dan 98,6 %)": the average is the
 * figure the words "rata-rata … sebesar" state; the items are the sentence's other figures in the
 * same unit, and there must be exactly as many as the count the sentence names.
 */
export function statedAverages(sentences: readonly Sentence[]): StatedAverage[] {
  const out: StatedAverage[] = [];
  for (const sentence of sentences) {
    if (sentence.kind === 'heading') continue;
    const text = sentence.text;
    const words = [...text.matchAll(AVERAGE_WORDS)];
    if (words.length !== 1) continue;
    const word = words[0] as RegExpMatchArray;
    const wordEnd = (word.index ?? 0) + word[0].length;
    // An arithmetic expression is formula-mismatch's to read.
    if (/[+÷]|\\frac/.test(text)) continue;
    const counted = COUNTED.exec(text.slice(wordEnd, wordEnd + 80));
    if (!counted) continue;
    const count = COUNT_WORDS[(counted[1] ?? '').toLowerCase()];
    if (count === undefined) continue;
    const figures = figuresOf(sentence).filter((f) => !isYear(f.q));
    const average = figures.find((f) => f.start >= wordEnd);
    if (!average || average.q.ambiguous || average.q.bound) continue;
    if (!STATED_AFTER.test(text.slice(wordEnd, average.start).replace(/\s+/g, ' ').trim())) continue;
    const unit = unitKey(average.q);
    if (!unit) continue;
    const others = figures.filter((f) => f !== average);
    // Every other figure must be one of the items: a target or a year-ago value beside them makes the reading unsure.
    if (others.length !== count || others.some((f) => unitKey(f.q) !== unit || f.q.ambiguous || f.q.bound)) continue;
    out.push({ sentence, average: average.q, items: others.map((f) => f.q), count });
  }
  return out;
}
