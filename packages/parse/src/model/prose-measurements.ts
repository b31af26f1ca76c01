import type { Indicator, MeasurementRole, PlaceKind, Quantity, ReportingUnit } from '@lkip/schema';
import { findNumbers } from '../numbers/index.js';
import type { Block } from './blocks.js';
import { addMeasurement, placeFor, toQuantity, type BuildContext } from './context.js';
import { isCountOfUnits, measureOf } from './measure.js';
import { proseScopes } from './prose-scope.js';

const TARGET = /\b(?:target|ditargetkan)\b/gi;
const REALISATION = /\b(?:realisasi|terealisasi|realisasinya)\b/gi;
// "mencapai target", "di bawah target", "realisasi target": the word names the target without stating it.
const NOT_A_TARGET_BEFORE = /(mencapai|realisasi|capaian|di\s?bawah|di\s?atas|melebihi|sesuai|dari|ditetapkan)\s+(dari\s+)?$/i;
const ACHIEVEMENT_BEFORE = /(atau|sebesar|capaian(nya)?(\s+kinerja)?|setara\s+dengan|persentase(\s+capaian)?(\s+kinerja)?)\s*(sebesar\s*)?$/i;
const GROUP_OF_UNITS_ALL = /kabupaten\s*\/\s*kota\s+jajaran|kab\s*\/\s*kota\s+jajaran|masing-masing/gi;
const YEAR = /\b(19|20)\d{2}\b/g;
const MAX_GAP = 260;

interface Keyword {
  role: 'target' | 'realisation';
  end: number;
}

function keywordsOf(clause: string): Keyword[] {
  const out: Keyword[] = [];
  for (const m of clause.matchAll(TARGET)) {
    const at = m.index ?? 0;
    if (NOT_A_TARGET_BEFORE.test(clause.slice(Math.max(0, at - 30), at))) continue;
    out.push({ role: 'target', end: at + m[0].length });
  }
  for (const m of clause.matchAll(REALISATION)) {
    const at = m.index ?? 0;
    if (/^\s+anggaran/i.test(clause.slice(at + m[0].length, at + m[0].length + 12))) continue;
    out.push({ role: 'realisation', end: at + m[0].length });
  }
  return out.sort((a, b) => a.end - b.end);
}

/** Splits prose into clauses: sentences, then ";" and the "1)." items of inline enumerations. */
export function clauses(block: Block): { start: number; raw: string }[] {
  const out: { start: number; raw: string }[] = [];
  const cut = /;|\s\d\)\.\s|(?<=[a-z%)”"*])\.\s+(?=[A-Z])/g;
  let last = 0;
  for (const m of block.raw.matchAll(cut)) {
    const at = (m.index ?? 0) + m[0].length;
    out.push({ start: block.start + last, raw: block.raw.slice(last, at) });
    last = at;
  }
  out.push({ start: block.start + last, raw: block.raw.slice(last) });
  return out;
}

function unitOfClause(ctx: BuildContext, clause: string, before: number): ReportingUnit | undefined {
  const mentions = ctx.units.mentions(clause.slice(0, before).replace(/[*_]+/g, ''));
  for (let i = mentions.length - 1; i >= 0; i--) {
    const mention = mentions[i];
    const unit = mention ? ctx.units.resolve(mention.text) : undefined;
    if (unit) return unit;
  }
  return undefined;
}

/** Reads "target … N, realisasi … M atau sebesar P %" statements of one indicator's prose. */
function readClause(ctx: BuildContext, indicator: Indicator, clauseStart: number, clauseRaw: string, placeKind: PlaceKind): void {
  // "target … BCN Kabupaten/Kota Jajaran masing-masing sebesar 68 %, dengan realisasi … BCN
  // Kabupaten Batu Merah 100 %": what is said of all units together is not one unit's figure; read on
  // after the last such phrase.
  let start = clauseStart;
  let raw = clauseRaw;
  const groups = [...clauseRaw.matchAll(GROUP_OF_UNITS_ALL)];
  const lastGroup = groups[groups.length - 1];
  if (lastGroup) {
    const cut = (lastGroup.index ?? 0) + lastGroup[0].length;
    start += cut;
    raw = clauseRaw.slice(cut);
  }
  for (const y of raw.matchAll(YEAR)) if (Number(y[0]) !== ctx.fiscalYear) return;
  const keywords = keywordsOf(raw);
  if (keywords.length === 0) return;
  const figures = findNumbers(raw).filter((f) => !(f.decimals === 0 && f.value >= 1900 && f.value <= 2100 && !f.percent));
  const found: { role: MeasurementRole; figure: Quantity; at: number }[] = [];
  let previousEnd = 0;
  for (const f of figures) {
    const keyword = [...keywords].reverse().find((k) => k.end <= f.start);
    const between = keyword ? raw.slice(keyword.end, f.start) : '';
    const fresh = keyword !== undefined && keyword.end >= previousEnd && between.length <= MAX_GAP;
    let role: MeasurementRole | undefined;
    if (fresh && keyword) role = keyword.role;
    else if (f.percent && ACHIEVEMENT_BEFORE.test(raw.slice(Math.max(previousEnd, f.start - 40), f.start)) && found.length > 0) role = 'achievement';
    previousEnd = f.end;
    if (!role) continue;
    if (role !== 'achievement' && found.some((x) => x.role === role)) continue;
    found.push({ role, figure: toQuantity(ctx, f, start), at: f.start });
  }
  if (found.length === 0) return;
  const unit = unitOfClause(ctx, raw, found[0]?.at ?? 0) ?? ctx.units.province;
  const districtCount = ctx.units.units.filter((u) => u.kind !== 'province').length;
  let target = indicator;
  if (unit && unit.kind !== 'province' && !indicator.countOf) target = ctx.indicators.match({ name: indicator.name, district: true }) ?? indicator;
  const basis = found.filter((x) => x.role !== 'achievement').map((x) => x.figure);
  const measure = basis.some((q) => isCountOfUnits(q.unit)) ? 'indicator' : measureOf(target, unit, basis, false, districtCount);
  for (const { role, figure } of found) {
    addMeasurement(ctx, {
      indicatorId: target.id,
      ...(unit ? { unitId: unit.id } : {}),
      measure,
      statement: `p${clauseStart}`,
      role,
      quantity: figure,
      place: placeFor(ctx, placeKind, figure.position.offset, { label: placeKind === 'summary' ? 'Ikhtisar Eksekutif' : 'uraian capaian' }),
      position: figure.position,
    });
  }
}

/** The summary's numbered paragraphs, one per indicator, and each indicator section's "a. Capaian" prose. */
export function readProseMeasurements(ctx: BuildContext): void {
  for (const scope of proseScopes(ctx)) {
    if (!scope.current) continue;
    for (const c of clauses(scope.block)) readClause(ctx, scope.indicator, c.start, c.raw, scope.placeKind);
  }
}
