import type { Indicator, Quantity, Sentence } from '@lkip/schema';
import type { ComparableDocument } from '../types.js';
import { unitClassOf } from '../units-of-measure.js';
import { OfficeFinder, provinceName, SectionSubjects, type OfficeMention } from './places.js';
import { PROVINCE_OFFICE, stated, unitFits, usable, type HistoryRole, type PriorFigure } from './figures.js';

/**
 * Figures stated for earlier years in prose, in BAB III's indicator sections:
 *
 *   "meningkat dari 93,5 % pada tahun 2023 menjadi 95,1 % pada tahun 2024"
 *   "Tahun 2023 nilai kinerja anggaran 90,83 indeks …; dan Tahun 2024 … 94,50 indeks"
 *   "Pada Tahun 2022 dan 2023 … yaitu 113,48 persen dan 110,29 persen, sedangkan tahun 2024 …"
 *   "Pada Tahun 2022 s.d 2024 … yaitu 124,30 persen, 109,41 persen dan 136,54 persen"
 *   "dibandingkan tahun sebelumnya sebesar 93,5 %"
 *
 * A sentence is cut into clauses at the words that turn from one year to another ("sedangkan",
 * "menjadi", "dibandingkan", ";"); a clause with one year and one figure, or as many figures as
 * years (listed, or a range "2022 s.d. 2024"), pairs them in order. Anything else is left alone:
 * a figure paired with the wrong year would be a false finding, and precision comes first.
 */
export function priorFiguresInProse(doc: ComparableDocument, fiscalYear: number): PriorFigure[] {
  const subjects = new SectionSubjects(doc.sections ?? [], doc.units);
  const offices = new OfficeFinder(doc.units);
  const indicators = new Map(doc.indicators.map((i) => [i.id, i]));
  const province: OfficeMention = { key: PROVINCE_OFFICE, name: provinceName(doc) };
  const out: PriorFigure[] = [];
  for (const sentence of doc.sentences ?? []) {
    if (sentence.kind !== 'sentence' && sentence.kind !== 'list-item') continue;
    // Most sentences name no year at all: skip them before any other work.
    if (!/(?:19|20)\d\d|sebelumnya|lalu/i.test(sentence.text)) continue;
    const indicatorId = subjects.indicatorOf(sentence.sectionId);
    const indicator = indicatorId === undefined ? undefined : indicators.get(indicatorId);
    if (!indicator) continue;
    let inSentence: OfficeMention[] | undefined;
    for (const clause of clauses(sentence.text)) {
      const years = yearMentions(clause.text, fiscalYear);
      if (years.length === 0 || !years.some((y) => y.year < fiscalYear)) continue;
      const figures = figuresIn(sentence, clause, years);
      const pairs = pair(years, figures);
      if (!pairs) continue;
      const inClause = offices.mentions(clause.text);
      inSentence ??= offices.mentions(sentence.text);
      const office = inClause.length === 1 ? inClause[0] : inClause.length > 1 ? undefined : inSentence.length === 1 ? inSentence[0] : inSentence.length > 1 ? undefined : (subjects.officeOf(sentence.sectionId) ?? province);
      if (!office) continue;
      for (const { year, quantity, since } of pairs) {
        if (year >= fiscalYear || !unitFits(quantity, indicator.unitOfMeasure)) continue;
        out.push({
          ...stated(quantity),
          indicatorId: indicator.id,
          office: office.key,
          officeName: office.name || province.name,
          year,
          roles: proseRoles(quantity, since, indicator),
          source: 'prose',
        });
      }
    }
  }
  return withoutConflicts(out);
}

/**
 * Prose that states two different figures for one office's year ("… 110,29 persen" under one
 * office's heading, "… 90,59 persen" under the next, neither sentence naming its office) cannot be
 * told apart: none of them is held against the earlier filing.
 */
function withoutConflicts(figures: PriorFigure[]): PriorFigure[] {
  const values = new Map<string, Set<string>>();
  const key = (f: PriorFigure) => `${f.indicatorId}\u0000${f.office}\u0000${f.year}\u0000${f.roles.join('/')}`;
  for (const f of figures) values.set(key(f), (values.get(key(f)) ?? new Set()).add(String(f.value)));
  return figures.filter((f) => (values.get(key(f))?.size ?? 0) === 1);
}

interface Clause {
  text: string;
  /** Offset of the clause in the sentence's text. */
  start: number;
}

const CLAUSE_BREAK = /;|\.\s|\b(?:sedangkan|menjadi|namun|sementara\s+itu|sementara|dibandingkan|dibanding|sebaliknya|kemudian)\b/gi;

function clauses(text: string): Clause[] {
  const out: Clause[] = [];
  let start = 0;
  for (const m of text.matchAll(CLAUSE_BREAK)) {
    const at = m.index ?? 0;
    if (at > start) out.push({ text: text.slice(start, at), start });
    start = at;
  }
  out.push({ text: text.slice(start), start });
  return out;
}

interface YearMention {
  year: number;
  /** Offsets in the clause of the text naming it (a range names several years with one span). */
  start: number;
  end: number;
}

const Y = '(?:19|20)\\d{2}';
const YEAR_RUN = new RegExp(
  `\\b(?:tahun|th\\.?|ta\\.?|pada|periode)\\s*(?:anggaran\\s*)?(${Y})((?:\\s*(?:,|dan|s\\.?\\s*d\\.?|sampai(?:\\s+dengan)?|hingga|[-–])\\s*(?:(?:tahun|th\\.?)\\s*)?${Y})*)(?![\\d.,]?\\d)`,
  'gi',
);
const RANGE = /s\.?\s*d|sampai|hingga|[-–]/i;
// "Nomor 5 Tahun 2023" dates a regulation; "2 (dua) tahun sebelumnya" counts years.
const REGULATION = /(?:nomor|no\.?|undang|uu|pp|perpres|permen\w*|peraturan)\s*:?\s*[\w./-]*\s*$/i;

/** The years a clause names, in order: "tahun 2022 dan 2023", "Tahun 2022 s.d 2024", "tahun sebelumnya". */
export function yearMentions(text: string, fiscalYear: number): YearMention[] {
  const out: YearMention[] = [];
  for (const m of text.matchAll(YEAR_RUN)) {
    const at = m.index ?? 0;
    if (REGULATION.test(text.slice(Math.max(0, at - 40), at))) continue;
    const found = [...m[0].matchAll(new RegExp(Y, 'g'))].map((y) => Number(y[0]));
    const tail = m[2] ?? '';
    const years: number[] = [];
    if (found.length === 2 && RANGE.test(tail) && (found[1] as number) > (found[0] as number) && (found[1] as number) - (found[0] as number) <= 10) {
      for (let y = found[0] as number; y <= (found[1] as number); y++) years.push(y);
    } else {
      years.push(...found);
    }
    for (const year of years) out.push({ year, start: at, end: at + m[0].length });
  }
  for (const m of text.matchAll(/\btahun\s+(?:sebelumnya|lalu)\b/gi)) {
    const at = m.index ?? 0;
    // "2 (dua) tahun sebelumnya", "tahun-tahun sebelumnya": several years, none in particular.
    if (/(?:\d|\))\s*$/.test(text.slice(Math.max(0, at - 12), at)) || /tahun-\s*$/i.test(text.slice(Math.max(0, at - 7), at))) continue;
    out.push({ year: fiscalYear - 1, start: at, end: at + m[0].length });
  }
  out.sort((a, b) => a.start - b.start);
  return out.filter((y, i) => i === 0 || y.year !== out[i - 1]?.year || y.start !== out[i - 1]?.start);
}

interface ClauseFigure {
  quantity: Quantity;
  /** The clause's text before the figure, for its role. */
  before: string;
  /** The text between the previous figure of the clause and this one. */
  since: string;
}

// "naik 2,5 poin", "meningkat sebesar 3 %": a change between years, not a year's figure.
const CHANGE_BEFORE = /(?:naik|meningkat|turun|menurun|kenaikan|penurunan|peningkatan|selisih|bertambah|berkurang|perubahan)\s+(?:sebesar\s+|sebanyak\s+)?$/i;

function figuresIn(sentence: Sentence, clause: Clause, years: readonly YearMention[]): ClauseFigure[] {
  const out: ClauseFigure[] = [];
  for (const q of sentence.quantities) {
    const at = q.position.offset - sentence.position.offset - clause.start;
    if (at < 0 || at >= clause.text.length) continue;
    if (years.some((y) => at >= y.start && at < y.end)) continue;
    if (!usable(q)) continue;
    // A bare whole number between 1900 and 2100 is a year, whatever the words around it.
    if (q.decimals === 0 && !q.percent && !q.unit && q.value >= 1900 && q.value <= 2100) continue;
    const before = clause.text.slice(0, at);
    const after = clause.text.slice(at + q.raw.length, at + q.raw.length + 30);
    if (REGULATION.test(before.slice(-40)) || CHANGE_BEFORE.test(before.slice(-40))) continue;
    if (/^\s*(?:\([\p{L}\s-]+\)\s*)?(?:tahun|poin)\b/iu.test(after)) continue;
    if (q.unit && /^poin/i.test(q.unit)) continue;
    // Weights of a stated formula ("NKA = 60% × EKA + 40% × IKPA"), in TeX or in words.
    if (/\\/.test(q.raw) || /^\s*(?:\\%\s*)?(?:×|x\b|\*|\\times)/i.test(after) || /[=+]\s*$/.test(before)) continue;
    out.push({ quantity: q, before, since: '' });
  }
  out.sort((a, b) => a.quantity.position.offset - b.quantity.position.offset);
  let end = 0;
  for (const f of out) {
    const at = f.before.length;
    f.since = clause.text.slice(Math.min(end, at), at);
    end = at + f.quantity.raw.length;
  }
  return out;
}

/**
 * Which year each figure is for. One year: its one figure, or several figures that the words
 * before each tell apart ("realisasi … 72,50 % dengan capaian 103,6 %"). One list or range of
 * years ("Tahun 2022 dan 2023 … 113,48 persen dan 110,29 persen"): as many figures, in order.
 * Years named apart, each followed by its figure: in order. Anything else ("tahun 2024 dengan
 * tahun sebelumnya … 60 % … 40 %"): nothing.
 */
function pair(years: readonly YearMention[], figures: readonly ClauseFigure[]): ({ year: number } & ClauseFigure)[] | undefined {
  if (figures.length === 0) return undefined;
  const runs = new Set(years.map((y) => y.start));
  if (years.length === 1) {
    const year = (years[0] as YearMention).year;
    if (figures.length === 1) return [{ year, ...(figures[0] as ClauseFigure) }];
    const named = figures.map((f) => namedRole(f.since));
    if (named.every((r) => r !== undefined) && new Set(named).size === named.length) return figures.map((f) => ({ year, ...f }));
    return undefined;
  }
  if (years.length !== figures.length) return undefined;
  if (runs.size === 1) return figures.map((f, i) => ({ year: (years[i] as YearMention).year, ...f }));
  // "Tahun 2023 adalah 90,83 indeks …, dan Tahun 2024 adalah 94,50 indeks": each year followed by
  // its own figure before the next year is named.
  const at = (f: ClauseFigure) => f.before.length;
  const interleaved = years.every((y, i) => {
    const next = years[i + 1];
    const figure = figures[i] as ClauseFigure;
    return at(figure) >= y.end && (next === undefined || at(figure) < next.start);
  });
  return interleaved ? figures.map((f, i) => ({ year: (years[i] as YearMention).year, ...f })) : undefined;
}

/** The role the words between the previous figure and this one name last: "target", "realisasi", "capaian". */
function namedRole(since: string): HistoryRole | undefined {
  const words = [...since.matchAll(/\b(target|realisasi|capaian)\b/gi)].map((m) => (m[1] ?? '').toLowerCase());
  const last = words[words.length - 1];
  return last === 'target' ? 'target' : last === 'realisasi' ? 'realisation' : last === 'capaian' ? 'achievement' : undefined;
}

/**
 * What a figure in prose can be. "target … 90" is a target; a percentage of an indicator not
 * measured in % is its achievement; anything else may be the realisation or the target (or, for an
 * indicator measured in %, the achievement too).
 */
function proseRoles(q: Quantity, text: string, indicator: Indicator): HistoryRole[] {
  // The words right before the figure decide; a bounded tail keeps the end-anchored patterns linear.
  const since = text.slice(-80);
  const percentIndicator = unitClassOf(indicator.unitOfMeasure) === 'percent';
  // A percentage of an indicator not measured in % can only be its achievement ("di atas target: 124,30 persen").
  if (q.percent && !percentIndicator) return ['achievement'];
  // "target 90 Indeks", "targetnya sebesar 90": a target; "di atas target", "mencapai target" are verdicts, not figures.
  if (/\btarget(?:nya)?\s*(?:sebesar|yaitu|adalah|:)?\s*$/i.test(since) && !/\b(?:atas|bawah|melebihi|mencapai|sesuai|dari)\s+target(?:nya)?\s*(?:sebesar|yaitu|adalah|:)?\s*$/i.test(since)) return ['target'];
  // "dengan capaian 103,6 %": an achievement.
  if (q.percent && /\bcapaian(?:nya)?\s*(?:kinerja\s*)?(?:sebesar|yaitu|adalah|:)?\s*$/i.test(since)) return ['achievement'];
  if (q.percent) return ['realisation', 'achievement', 'target'];
  return ['realisation', 'target'];
}
