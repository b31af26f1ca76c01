import type { BudgetLine, Quantity, TableKind } from '@lkip/schema';
import { findNumbers } from '../numbers/index.js';
import type { TableBlock } from '../tables/types.js';
import { sentences } from './blocks.js';
import { columnRoles } from './classify.js';
import { cellFigure, nextId, placeFor, toQuantity, type BuildContext } from './context.js';
import { sectionAt, topSectionAt } from './sections.js';

const ACTIVITY = /^\s*(?:[-*]\s+)?(\d{1,2})[.)]\s+(.+?)\s*$/s;

function unitIdAt(ctx: BuildContext, offset: number): string | undefined {
  const section = sectionAt(ctx.sections, offset);
  const unitId = section ? ctx.doc.sections.find((s) => s.id === section.id)?.unitId : undefined;
  return unitId ?? ctx.units.province?.id;
}

/** Budget lines: activity lists with their ceilings, the appendix table, and totals stated in prose. */
export function readBudget(ctx: BuildContext, tables: { block: TableBlock; kind: TableKind }[]): BudgetLine[] {
  const lines: BudgetLine[] = [];
  for (const { block, kind } of tables) {
    if (kind === 'budget') lines.push(...activityTable(ctx, block));
    if (kind === 'appendix-summary') lines.push(...appendixTable(ctx, block));
  }
  lines.push(...activityParagraphs(ctx));
  lines.push(...proseTotals(ctx));
  return lines.sort((a, b) => a.position.offset - b.position.offset);
}

/** Activity lists inside a unit's signed PK (in the appendix) are that unit's, not the report's PK. */
function inSignedPk(ctx: BuildContext, offset: number): boolean {
  return sectionAt(ctx.sections, offset)?.kind === 'signed-pk' || topSectionAt(ctx.sections, offset)?.kind === 'appendix';
}

function money(ctx: BuildContext, text: string, base: number): Quantity[] {
  return findNumbers(text, { kind: 'money' })
    .filter((f) => f.currency || (f.decimals === 0 && f.value >= 1000 && /\d[.,]\d{3}([.,]\d{3})+/.test(f.raw)))
    .map((f) => toQuantity(ctx, f, base));
}

function activityTable(ctx: BuildContext, table: TableBlock): BudgetLine[] {
  const out: BudgetLine[] = [];
  const group = `${table.id}:activities`;
  for (const row of table.rows) {
    const first = row[0];
    if (!first) continue;
    const m = ACTIVITY.exec(first.text);
    if (!m) continue;
    const start = row[0]?.position.offset ?? table.position.offset;
    const end = row[row.length - 1]?.position.endOffset ?? start;
    const amounts = money(ctx, ctx.text.slice(start, end), start);
    const amount = amounts[amounts.length - 1];
    if (!amount) continue;
    const unitId = unitIdAt(ctx, start);
    out.push({
      id: nextId(ctx, 'b'),
      label: (m[2] ?? '').replace(/\s*Rp\.?.*$/, '').trim(),
      number: Number(m[1]),
      ...(unitId ? { unitId } : {}),
      ceiling: amount,
      total: false,
      group,
      place: placeFor(ctx, inSignedPk(ctx, start) ? 'signed-pk' : 'pk', start, { tableId: table.id }),
      position: ctx.map.position(start, end),
    });
  }
  return out;
}

/** "1. Kegiatan Pelaksanaan Intelijen Berbasis Teknologi Rp. 75.000.000" written as list items. */
function activityParagraphs(ctx: BuildContext): BudgetLine[] {
  const out: BudgetLine[] = [];
  let group: string | undefined;
  let previousEnd = -1;
  for (const block of ctx.blocks) {
    if (block.kind !== 'paragraph') continue;
    const m = /^(?:(\d{1,2})[.)]\s+)?(Kegiatan\s.+?)\s+Rp\.?\s*\d/s.exec(block.plain);
    const amounts = m ? money(ctx, block.raw, block.start) : [];
    const amount = amounts[amounts.length - 1];
    if (!m || !amount || amounts.length !== 1) {
      if (block.plain.length > 0) group = undefined;
      continue;
    }
    const number = m[1] !== undefined ? Number(m[1]) : block.listNumber;
    if (!group || block.start - previousEnd > 400) group = nextId(ctx, 'list');
    previousEnd = block.end;
    const unitId = unitIdAt(ctx, block.start);
    out.push({
      id: nextId(ctx, 'b'),
      label: (m[2] ?? '').trim(),
      ...(number !== undefined ? { number } : {}),
      ...(unitId ? { unitId } : {}),
      ceiling: amount,
      total: false,
      group,
      place: placeFor(ctx, inSignedPk(ctx, block.start) ? 'signed-pk' : 'pk', block.start),
      position: ctx.map.position(block.start, block.end),
    });
  }
  return out;
}

function appendixTable(ctx: BuildContext, table: TableBlock): BudgetLine[] {
  const out: BudgetLine[] = [];
  const roles = columnRoles(table.columns, ctx.headerSynonyms);
  if (roles.ceiling === undefined) return out;
  const group = `${table.id}:appendix`;
  let goal: string | undefined;
  table.body.forEach((row, r) => {
    const goalText = roles.goal !== undefined ? row[roles.goal]?.text.trim() : undefined;
    if (goalText) goal = goalText;
    const ceiling = cellFigure(ctx, row[roles.ceiling ?? -1], { kind: 'money' });
    if (!ceiling) return;
    const spent = cellFigure(ctx, row[roles.spent ?? -1], { kind: 'money' });
    const percent = cellFigure(ctx, row[roles.spentPercent ?? -1], { kind: 'percent' });
    const firstText = row.map((c) => c.text.trim()).find((t) => t.length > 0) ?? '';
    const total = /^(total|jumlah)\b/i.test(firstText);
    const start = row[0]?.position.offset ?? table.position.offset;
    const end = row[row.length - 1]?.position.endOffset ?? start;
    const indicatorName = roles.indicator !== undefined ? row[roles.indicator]?.text.trim() : undefined;
    const indicator = indicatorName ? ctx.indicators.match({ name: indicatorName }) : undefined;
    const line: BudgetLine = {
      id: nextId(ctx, 'b'),
      label: total ? firstText : (goal ?? indicatorName ?? `baris ${r + 1}`).slice(0, 160),
      ...(ctx.units.province ? { unitId: ctx.units.province.id } : {}),
      ...(indicator ? { indicatorIds: [indicator.id] } : {}),
      ceiling,
      total,
      group,
      place: placeFor(ctx, 'appendix', start, { tableId: table.id, row: r }),
      position: ctx.map.position(start, end),
    };
    if (spent) line.realisation = spent;
    if (percent) {
      percent.percent = true;
      line.percent = percent;
    }
    out.push(line);
  });
  return out;
}

const OF_TOTAL = /^\s*(?:dari|terhadap)\s+(?:total|jumlah|keseluruhan)\s+(?:pagu\s+|alokasi\s+)?anggaran\b/i;
const SPENDING_KIND = /belanja\s+(?:pegawai|barang|modal)/i;

/** "total alokasi anggaran sebesar Rp. X dengan realisasi Rp. Y atau 76.70 % dengan sisa Rp. Z atau 23.30 %". */
function proseTotals(ctx: BuildContext): BudgetLine[] {
  const out: BudgetLine[] = [];
  for (const block of ctx.blocks) {
    if (block.kind !== 'paragraph' || !/Rp|pagu/i.test(block.raw)) continue;
    // The appendix writes the three figures on three lines of one paragraph; prose uses one sentence.
    const parts = /\n/.test(block.raw) && /pagu/i.test(block.raw) && !/\.\s/.test(block.raw) ? [{ start: block.start, end: block.end, raw: block.raw }] : sentences(block);
    for (const s of parts) {
      const figures = findNumbers(s.raw, { kind: 'money' });
      const line: Partial<BudgetLine> = {};
      let last: 'ceiling' | 'realisation' | 'remainder' | undefined;
      for (const f of figures) {
        const before = s.raw.slice(Math.max(0, f.start - 160), f.start).toLowerCase().replace(/realisasi\s+pagu/g, 'realisasi');
        const q = toQuantity(ctx, f, s.start);
        if (f.percent) {
          // "… atau 40 % dari total anggaran" in a sentence about one kind of spending is a share of another base (share-base judges it).
          if (OF_TOTAL.test(s.raw.slice(f.end, f.end + 60)) && SPENDING_KIND.test(s.raw)) continue;
          if (last === 'realisation' && !line.percent) line.percent = q;
          else if (last === 'remainder' && !line.remainderPercent) line.remainderPercent = q;
          else if (/prosentase|persentase/.test(before) && !line.percent) line.percent = q;
          continue;
        }
        const isMoney = f.currency || (f.decimals === 0 && f.value >= 100000);
        if (!isMoney) continue;
        const key = lastKeyword(before);
        if (key === 'remainder' && !line.remainder) [line.remainder, last] = [q, 'remainder'];
        else if (key === 'realisation' && !line.realisation) [line.realisation, last] = [q, 'realisation'];
        else if (key === 'ceiling' && !line.ceiling) [line.ceiling, last] = [q, 'ceiling'];
      }
      const parts = [line.ceiling, line.realisation, line.remainder].filter(Boolean).length;
      if (parts < 2) continue;
      out.push({
        id: nextId(ctx, 'b'),
        label: s.raw.replace(/\s+/g, ' ').trim().slice(0, 120),
        ...(ctx.units.province ? { unitId: ctx.units.province.id } : {}),
        ...line,
        // "Belanja Pegawai … dari Pagu Anggaran Rp…" is one kind of spending, not the whole budget.
        total: /total|seluruh|satker wilayah|pagu anggaran/i.test(s.raw) && !/belanja\s+(pegawai|barang|modal)/i.test(s.raw),
        group: nextId(ctx, 'prose'),
        place: placeFor(ctx, topSectionAt(ctx.sections, s.start)?.kind === 'closing' ? 'closing' : 'prose', s.start),
        position: ctx.map.position(s.start, s.end),
      });
    }
  }
  return out;
}

function lastKeyword(before: string): 'ceiling' | 'realisation' | 'remainder' | undefined {
  const keys: ['ceiling' | 'realisation' | 'remainder', RegExp][] = [
    ['remainder', /\bsisa\b/g],
    ['realisation', /\brealisasi\b/g],
    ['ceiling', /\b(pagu|alokasi)\b/g],
  ];
  let best: { key: 'ceiling' | 'realisation' | 'remainder'; at: number } | undefined;
  for (const [key, re] of keys) {
    for (const m of before.matchAll(re)) {
      const at = m.index ?? 0;
      if (!best || at > best.at) best = { key, at };
    }
  }
  return best?.key;
}
