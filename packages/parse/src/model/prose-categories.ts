import type { CategoryStatement, Quantity } from '@lkip/schema';
import { findNumbers } from '../numbers/index.js';
import { placeFor, toQuantity, type BuildContext } from './context.js';
import { isCountOfUnits } from './measure.js';
import { proseScopes } from './prose-scope.js';

/**
 * Categories stated in prose: "Tahun 2023 nilai kinerja anggaran 77.91 indeks berkategori
 * “Baik”", "Indeks X Provinsi Teluk Biru Tahun 2024 berkategori “Tinggi”". Each statement keeps
 * its label, the value written just before it (when there is one), the office the clause names
 * and the year it speaks of, so rules can hold it against the draft's band scale and against the
 * category its tables give.
 */

const KEYWORD = /\b(?:ber)?kategori(?:kan)?\b|\b(?:ber)?predikat(?:nya)?\b/gi;
// "Kategori Tinggi (76,61 – 88,30)": a band being defined, not a category stated.
const BAND_AFTER = /^[”"'*_\s]*\(\s*[-\d≥≤<>$]/;
// Words between the keyword and its label: "berkategori NKA “Baik”", "kategori nilai IKPA “Baik”", "dengan".
const FILLER = /^(?:\s|[“"'*_:]|\b(?:[Dd]engan|[Nn]ilai|[Ss]ebagai|[Yy]aitu|[A-Z]{2,6})\b)*/;
// "berkategori “Tinggi” yaitu Kabupaten Lembah Hijau": the office named right after the label.
const NAMED_AFTER = /^[”"'*_\s]*(?:,\s*)?(?:berjumlah\s+\d+\s+\S+\s+)?(?:yaitu|yakni|adalah|:)\s+/i;
const QUOTED = /^[“"'*_]+\s*([^“”"'*_\n]{1,40}?)\s*[”"'*_]+/;
const WORDS = /^([A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2})\b/;
const YEAR = /\btahun\s+((?:19|20)\d{2})\b/gi;
// A count indicator's name ("Jumlah Kab/Kota dengan indeks … berkategori “Tinggi” di wilayah …") states no category.
const IN_NAME_AFTER = /^\s*(?:di\s+wilayah|di\s+provinsi|di\s+kab)/i;
const PLACE = /\b(Provinsi|Kabupaten|Kab\.|Kota)\s+([A-Z][A-Za-z]+(?:\s+[A-Z][A-Za-z]+){0,2})/g;
const WINDOW = 200;
// Words that may follow a value before its category: its unit, or the words that lead to the label.
const VALUE_WORDS = new Set(['indeks', 'index', 'poin', 'point', 'nilai', 'skor', 'atau', 'dengan', 'dan', 'yang', 'sehingga']);
const VALUE_GAP = 70;

function isYearFigure(value: number, decimals: number, percent: boolean, unit: string | undefined): boolean {
  return decimals === 0 && !percent && !unit && value >= 1900 && value <= 2100;
}

export function readCategoryStatements(ctx: BuildContext): CategoryStatement[] {
  const out: CategoryStatement[] = [];
  for (const scope of proseScopes(ctx)) {
    const raw = scope.block.raw;
    let previousEnd = 0;
    for (const m of raw.matchAll(KEYWORD)) {
      const at = m.index ?? 0;
      const after = raw.slice(at + m[0].length, at + m[0].length + 80);
      const filler = FILLER.exec(after)?.[0] ?? '';
      let rest = after.slice(filler.length);
      // The filler may have eaten the opening quote: read the label from the quote when there is one.
      const quoteAt = filler.search(/[“"'*_]/);
      if (quoteAt >= 0) rest = after.slice(quoteAt);
      const label = QUOTED.exec(rest)?.[1] ?? WORDS.exec(rest)?.[1];
      const labelRel = label ? after.indexOf(label, quoteAt >= 0 ? quoteAt : filler.length) : -1;
      const clauseFrom = Math.max(previousEnd, raw.lastIndexOf(';', at) + 1, raw.lastIndexOf('. ', at) + 1, at - WINDOW);
      previousEnd = at + m[0].length;
      if (!label || labelRel < 0 || label.trim().length < 1) continue;
      const labelStart = at + m[0].length + labelRel;
      const labelEnd = labelStart + label.length;
      if (IN_NAME_AFTER.test(raw.slice(labelEnd).replace(/^[”"'*_\s]+/, ' ')) || BAND_AFTER.test(raw.slice(labelEnd, labelEnd + 12))) continue;
      const clause = raw.slice(clauseFrom, at);
      // The value: the last figure of the clause before the keyword that is not a year, a share or a count.
      let value: Quantity | undefined;
      for (const f of findNumbers(clause)) {
        if (isYearFigure(f.value, f.decimals, f.percent, f.unit) || f.percent || isCountOfUnits(f.unit)) continue;
        if (clause.length - f.end > VALUE_GAP) continue;
        if (/^[.)]\s/.test(clause.slice(f.end, f.end + 2)) && f.decimals === 0) continue;
        // "3 kantor berkategori …" counts things; "77,91 indeks berkategori …" is the value.
        const next = /^\s+([\p{L}]+)/u.exec(clause.slice(f.end))?.[1]?.toLowerCase();
        if (next && !VALUE_WORDS.has(next) && !/^(?:ber)?kategori|^predikat/.test(next) && f.decimals === 0) continue;
        value = toQuantity(ctx, f, scope.block.start + clauseFrom);
      }
      const years = [...clause.matchAll(YEAR)].map((y) => Number(y[1]));
      const year = years[years.length - 1] ?? ctx.fiscalYear;
      // An office named right after the label is the one the label is about; the next clause starts after it.
      const following = NAMED_AFTER.exec(raw.slice(labelEnd, labelEnd + 60));
      let unit: string | undefined;
      if (following) {
        const from = labelEnd + following[0].length;
        const named = firstUnitAt(ctx, raw.slice(from, from + 60));
        if (named) {
          unit = named.id;
          previousEnd = from + named.end;
        }
      }
      unit ??= unitOfClause(ctx, clause);
      const statement: CategoryStatement = {
        indicatorId: scope.indicator.id,
        year,
        label: { text: label.trim(), position: ctx.map.position(scope.block.start + labelStart, scope.block.start + labelEnd) },
        place: placeFor(ctx, scope.placeKind, scope.block.start + at),
        position: ctx.map.position(scope.block.start + clauseFrom, scope.block.start + labelEnd),
      };
      if (unit) statement.unitId = unit;
      if (value) statement.value = value;
      out.push(statement);
    }
  }
  return out;
}

/** The office (or regency, city by its place name) a text opens with. */
function firstUnitAt(ctx: BuildContext, text: string): { id: string; end: number } | undefined {
  const flat = text.replace(/[*_]/g, ' ');
  const mention = ctx.units.mentions(flat).find((m) => flat.indexOf(m.text) <= 2);
  const viaMention = mention ? ctx.units.resolve(mention.text) : undefined;
  if (mention && viaMention) return { id: viaMention.id, end: flat.indexOf(mention.text) + mention.text.length };
  const place = /^\s*(Provinsi|Kabupaten|Kab\.|Kota)\s+([A-Z][A-Za-z]+(?:\s+[A-Z][A-Za-z]+){0,2})/.exec(flat);
  const unit = place ? ctx.units.resolve(`${place[1]} ${place[2]}`) : undefined;
  return unit && place ? { id: unit.id, end: place[0].length } : undefined;
}

/** The last office (or province, regency, city by its place name) the clause names. */
function unitOfClause(ctx: BuildContext, clause: string): string | undefined {
  const flat = clause.replace(/[*_]+/g, '');
  const found: { at: number; id: string }[] = [];
  for (const mention of ctx.units.mentions(flat)) {
    const unit = ctx.units.resolve(mention.text);
    if (unit) found.push({ at: flat.lastIndexOf(mention.text), id: unit.id });
  }
  for (const m of flat.matchAll(PLACE)) {
    const unit = ctx.units.resolve(`${m[1]} ${m[2]}`);
    if (unit) found.push({ at: m.index ?? 0, id: unit.id });
  }
  return found.sort((a, b) => a.at - b.at).pop()?.id;
}
