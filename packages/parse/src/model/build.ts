import { emptyDocument, type LkipDocument, type RawTable, type Section, type TableKind } from '@lkip/schema';
import { collectFractions } from '../fractions/index.js';
import { withScanMemo } from '../numbers/index.js';
import type { MarkdownCache } from '../incremental.js';
import { checkLimits, checkTableSize, limitDiagnostic, ReaderLimitError, type ReaderLimits } from '../limits.js';
import { parseMarkdown } from '../pipeline.js';
import { collectTables } from '../tables/index.js';
import type { TableBlock } from '../tables/types.js';
import { collectBlocks } from './blocks.js';
import { readBudget } from './budget.js';
import { classifyTable, columnRoles } from './classify.js';
import { columnRoleList, hasColumnRoles, type HeaderSynonyms } from './column-roles.js';
import { readClaims } from './claims.js';
import { readComponentMeasurements } from './component-measurements.js';
import { cellQuantities, columnContexts, type BuildContext } from './context.js';
import { readActivities } from './activities.js';
import { readEnumerations } from './enumerations.js';
import { readOfficeMentions, readOfficeParts } from './office-mentions.js';
import { readCategoryStatements } from './prose-categories.js';
import { readIndicatorMentions } from './indicator-mentions.js';
import { readStatedWeights } from './stated-weights.js';
import { inputKindDiagnostic } from './excerpt.js';

import { readFormulas } from './formulas.js';
import { readFractions } from './fractions.js';
import { findAcronyms, indicatorKey } from './indicator-names.js';
import { IndicatorRegistry } from './indicators.js';
import { readDirectives, readFiscalYear, readMeta } from './meta.js';
import { readProseMeasurements } from './prose-measurements.js';
import { readScales } from './scales.js';
import { readSentences } from './sentences.js';
import { detectSections, topSectionAt, type SectionSpan } from './sections.js';
import { SourceMap } from './source-map.js';
import { readTableMeasurements } from './table-measurements.js';
import { buildUnits, findOfficeMentions, normaliseWords, officeVocabulary, type OfficeVocabulary } from './units.js';
import { detectProfile, resolveProfile, type AgencyProfile, type ProfileInput } from '../profiles/index.js';

export interface BuildOptions {
  path?: string;
  format?: LkipDocument['source']['format'];
  fiscalYear?: number;
  /** The agency profile (a built-in id or additions to one); detected from the title when absent. */
  profile?: ProfileInput;
  /** Reuses the Markdown parse of the blocks unchanged since the last read with this cache. */
  markdownCache?: MarkdownCache;
  /** Bounds on nesting and table size; past one the draft is refused (see limits.ts). */
  limits?: Partial<ReaderLimits>;
}

interface ClassifiedTable {
  block: TableBlock;
  kind: TableKind;
}

/** Reads a draft into the document model. Never throws: what cannot be read becomes a diagnostic. */
export function buildDocument(text: string, options: BuildOptions = {}): LkipDocument {
  const doc = emptyDocument(options.format ?? 'markdown', text.length);
  if (options.path !== undefined) doc.source.path = options.path;
  // Checked before any work: a draft past a limit costs one pass over its lines.
  const exceeded = checkLimits(text, options.limits);
  if (exceeded) {
    doc.diagnostics.push(limitDiagnostic(exceeded, text));
    return doc;
  }
  try {
    withScanMemo(() => fill(doc, text, options));
  } catch (error) {
    if (error instanceof ReaderLimitError) {
      doc.diagnostics.push(limitDiagnostic(error.exceeded, text));
      return doc;
    }
    doc.diagnostics.push({
      severity: 'error',
      code: 'reader-failure',
      message: `The reader stopped on this draft: ${error instanceof Error ? error.message : String(error)}`,
    });
  }
  return doc;
}

function fill(doc: LkipDocument, text: string, options: BuildOptions): void {
  const tree = parseMarkdown(text, options.markdownCache);
  const map = new SourceMap(text);
  const blocks = collectBlocks(tree, text);
  const tableBlocks = collectTables(tree, text);
  // Tables of the text layouts are only known once read: checked before the model is built on them.
  for (const block of tableBlocks) {
    const over = checkTableSize(block.rows, block.position.line, options.limits);
    if (over) throw new ReaderLimitError(over);
  }
  const spans = detectSections(blocks, tableBlocks, text.length);
  const profile = profileOf(doc, text, options.profile);
  const vocabulary = officeVocabulary(profile, text);
  const headerSynonyms = learnUnitHeaders(tableBlocks, vocabulary);
  const tables: ClassifiedTable[] = tableBlocks.map((block) => ({ block, kind: classifyTable(block, headerSynonyms) }));

  const units = buildUnits(text, strongUnitNames(text, spans, tables, vocabulary), vocabulary);
  doc.units = units.units;
  const fiscalYear = options.fiscalYear ?? readFiscalYear(text, tableBlocks);
  const extraStop = new Set([...vocabulary.acronyms, ...(units.province ? normaliseWords(units.province.placeName) : [])]);
  const indicators = new IndicatorRegistry(extraStop, findAcronyms(text), profile.lowerIsBetter);
  const ctx: BuildContext = { text, map, doc, blocks, sections: spans, units, indicators, fiscalYear: fiscalYear ?? 0, ids: new Map(), cache: {}, profile, headerSynonyms };

  doc.sections = spans.map((s) => toSection(ctx, s));
  seedIndicators(ctx, tables, spans);
  linkIndicatorSections(ctx, spans);
  if (splitSectionsByContent(ctx, spans, tables)) {
    doc.sections = spans.map((s) => toSection(ctx, s));
    linkIndicatorSections(ctx, spans);
  }
  doc.indicators = indicators.indicators;
  doc.goals = indicators.goals;

  doc.tables = tables.map((t) => toRawTable(ctx, t));
  for (const t of tables) readMeasurementsOf(ctx, t, spans);
  readProseMeasurements(ctx);
  doc.fractions = readFractions(ctx, collectFractions(tree, text));
  doc.scales = readScales(ctx, tables.filter((t) => t.kind === 'band' || t.kind === 'other'));
  doc.claims = readClaims(ctx);
  doc.budget = readBudget(ctx, tables);
  doc.formulas = [...readFormulas(ctx, tables), ...readStatedWeights(ctx, tables)].sort((a, b) => a.position.offset - b.position.offset);
  doc.meta = readMeta(ctx);
  doc.directives = readDirectives(ctx);
  doc.sentences = readSentences(ctx);
  doc.enumerations = readEnumerations(ctx, tree);
  doc.officeMentions = readOfficeMentions(ctx);
  doc.officeParts = readOfficeParts(ctx);
  doc.activities = readActivities(ctx);
  doc.categoryStatements = readCategoryStatements(ctx);
  doc.indicatorMentions = readIndicatorMentions(ctx);
  for (const u of indicators.unmatched.slice(0, 50)) {
    doc.diagnostics.push({
      severity: 'info',
      code: 'unmatched-indicator',
      message: `No indicator of this draft matches "${u.name.slice(0, 80)}".`,
      position: map.position(u.offset, u.offset + Math.min(u.name.length, 1)),
    });
  }
  if (fiscalYear === undefined) {
    doc.diagnostics.push({ severity: 'warning', code: 'no-fiscal-year', message: 'The fiscal year of the report could not be read; year checks are off.' });
  }
  const inputKind = inputKindDiagnostic(doc, text, map);
  if (inputKind) doc.diagnostics.push(inputKind);
}

/** The configured profile, else the one the title names; an unknown id falls back to the detected one with a warning. */
function profileOf(doc: LkipDocument, text: string, input: ProfileInput | undefined): AgencyProfile {
  const detected = detectProfile(text);
  try {
    return resolveProfile(input, detected);
  } catch (error) {
    doc.diagnostics.push({ severity: 'warning', code: 'unknown-profile', message: error instanceof Error ? error.message : String(error) });
    return resolveProfile(undefined, detected);
  }
}

const SHORT_NAME = /^[A-Za-z][A-Za-z .'’/-]{1,40}$/;

/**
 * A column whose header no vocabulary knows (a leftover office acronym, "Wilayah Kerja") but whose
 * cells are office names (at least one with an office prefix, the others short names such as
 * "Kota Batu Merah" or "Lembah Hijau") is a unit column: its header becomes a unit synonym for
 * this draft, so renaming an agency does not turn its per-office tables into indicator tables.
 */
function learnUnitHeaders(tables: TableBlock[], vocabulary: OfficeVocabulary): HeaderSynonyms {
  const learned = new Set<string>();
  for (const block of tables) {
    const roles = columnRoles(block.columns, vocabulary.headerSynonyms);
    if (roles.unit !== undefined || roles.indicator !== undefined || roles.target === undefined || roles.realisation === undefined) continue;
    const { roles: list } = columnRoleList(block.columns, vocabulary.headerSynonyms);
    const column = list.findIndex((r) => r === 'other' || r === 'label');
    const header = block.columns[column]?.trim() ?? '';
    if (column < 0 || header === '' || block.body.length < 2) continue;
    const cells = block.body.map((row) => row[column]?.text.replace(/[*_]+/g, '').trim() ?? '');
    const named = cells.filter((c) => findOfficeMentions(c, vocabulary).length > 0).length;
    if (named >= 1 && cells.every((c) => SHORT_NAME.test(c))) learned.add(header.toLowerCase());
  }
  if (learned.size === 0) return vocabulary.headerSynonyms;
  return { ...vocabulary.headerSynonyms, unit: [...(vocabulary.headerSynonyms.unit ?? []), ...learned] };
}

function strongUnitNames(text: string, spans: SectionSpan[], tables: ClassifiedTable[], vocabulary: OfficeVocabulary): string[] {
  const names: string[] = [];
  for (const s of spans) if (s.kind === 'signed-pk') names.push(text.slice(s.headingStart, s.headingEnd).replace(/\s+/g, ' '));
  for (const { block, kind } of tables) {
    if (kind !== 'unit-measurement' && kind !== 'recap' && kind !== 'component') continue;
    const col = columnRoles(block.columns, vocabulary.headerSynonyms).unit;
    if (col === undefined) continue;
    for (const row of block.body) {
      const cell = row[col]?.text.trim();
      // A bare "Batu Merah" is only a unit once the draft names its office somewhere; office-prefixed cells count.
      if (cell && findOfficeMentions(cell, vocabulary, true).length > 0) names.push(cell);
    }
  }
  return names;
}

function toSection(ctx: BuildContext, s: SectionSpan): Section {
  const section: Section = { id: s.id, kind: s.kind, title: s.title, position: ctx.map.position(s.headingStart, s.headingEnd) };
  if (s.parentId) section.parentId = s.parentId;
  if (s.kind === 'signed-pk') {
    const unit = unitOfTitle(ctx, ctx.text.slice(s.headingStart, s.headingEnd));
    if (unit) section.unitId = unit;
  }
  return section;
}

function unitOfTitle(ctx: BuildContext, title: string): string | undefined {
  const flat = title.replace(/[*_]+/g, '').replace(/\s+/g, ' ');
  for (const m of ctx.units.mentions(flat)) {
    const unit = ctx.units.resolve(m.text);
    if (unit) return unit.id;
  }
  // A division head's PK ("KEPALA BIDANG PEMBERANTASAN … PROVINSI …") is part of the province office.
  return /PROVINSI/i.test(flat) ? ctx.units.province?.id : undefined;
}

function isReportPk(spans: SectionSpan[], offset: number): boolean {
  const top = topSectionAt(spans, offset);
  return top === undefined || top.kind === 'planning' || top.kind === 'summary' || top.kind === 'introduction';
}

/** The indicators come from the draft's own PK table; without one, from the BAB III section titles. */
function seedIndicators(ctx: BuildContext, tables: ClassifiedTable[], spans: SectionSpan[]): void {
  const pk = tables.filter((t) => t.kind === 'pk' && isReportPk(spans, t.block.position.offset));
  for (const { block } of pk) {
    const roles = columnRoles(block.columns, ctx.headerSynonyms);
    if (roles.indicator === undefined) continue;
    let goal: string | undefined;
    for (const row of block.body) {
      const name = row[roles.indicator]?.text.trim();
      const goalText = roles.goal !== undefined ? row[roles.goal]?.text.trim() : undefined;
      if (goalText) goal = goalText;
      if (!name || name.length < 6) continue;
      const numberText = roles.number !== undefined ? row[roles.number]?.text.trim() : undefined;
      const number = numberText && /^\d{1,2}$/.test(numberText) ? Number(numberText) : undefined;
      if (ctx.indicators.indicators.some((i) => i.number !== undefined && i.number === number)) continue;
      const target = roles.target !== undefined ? row[roles.target] : undefined;
      const figure = target ? cellQuantities(ctx, target)[0] : undefined;
      const unitOfMeasure = figure?.unit ?? (figure?.percent ? '%' : undefined);
      ctx.indicators.add({
        name,
        ...(number !== undefined ? { number } : {}),
        ...(goal ? { goal } : {}),
        ...(unitOfMeasure ? { unitOfMeasure } : {}),
        position: row[roles.indicator]?.position ?? block.position,
      });
    }
  }
  if (ctx.indicators.indicators.length > 0) return;
  seedFromSections(ctx, spans);
  if (ctx.indicators.indicators.length > 0) return;
  // A fragment (a chapter, an appendix) still names its indicators in its tables.
  for (const { block, kind } of tables) {
    if (kind !== 'indicator-summary' && kind !== 'appendix-summary' && kind !== 'recap') continue;
    const col = columnRoles(block.columns, ctx.headerSynonyms).indicator;
    if (col === undefined) continue;
    // Two rows of one table are two indicators, however alike their names ("Net Death Rate …" and
    // "Gross Death Rate …"): a row only joins an indicator that another table named.
    const fromThisTable = new Set<string>();
    for (const row of block.body) {
      const name = row[col]?.text.trim();
      if (!name || name.length < 6) continue;
      const known = ctx.indicators.match({ name });
      if (known && !fromThisTable.has(known.id)) continue;
      if (known && known.key === indicatorKey(name)) continue;
      fromThisTable.add(ctx.indicators.add({ name, position: row[col]?.position ?? block.position }).id);
    }
  }
}

function seedFromSections(ctx: BuildContext, spans: SectionSpan[]): void {
  let n = 0;
  for (const s of spans) {
    if (s.kind !== 'indicator' || !s.indicatorName) continue;
    n++;
    const position = ctx.map.position(s.indicatorNameStart ?? s.headingStart, s.indicatorNameEnd ?? s.headingEnd);
    ctx.indicators.add({ name: s.indicatorName, number: s.indicatorNumber ?? n, position, sectionId: s.id });
  }
}

function linkIndicatorSections(ctx: BuildContext, spans: SectionSpan[]): void {
  for (const s of spans) {
    if (s.kind !== 'indicator' || !s.indicatorName) continue;
    const indicator = s.indicatorId
      ? ctx.indicators.indicators.find((i) => i.id === s.indicatorId)
      : ctx.indicators.match({ name: s.indicatorName, ...(s.indicatorNumber !== undefined ? { number: s.indicatorNumber } : {}) }, s.indicatorNameStart ?? s.headingStart);
    if (!indicator) continue;
    s.indicatorId = indicator.id;
    indicator.sectionId ??= s.id;
    const section = ctx.doc.sections.find((x) => x.id === s.id);
    if (section) section.indicatorId = indicator.id;
  }
}

function toRawTable(ctx: BuildContext, { block, kind }: ClassifiedTable): RawTable {
  const contexts = columnContexts(block);
  const table: RawTable = {
    id: block.id,
    kind,
    format: block.format,
    columns: block.columns,
    headerRows: block.headerRows,
    rows: block.body.map((row) => row.map((cell, c) => ({ text: cell.text, position: cell.position, quantities: cellQuantities(ctx, cell, contexts[c]) }))),
    position: block.position,
  };
  if (block.caption) table.caption = block.caption;
  const { roles, years } = columnRoleList(block.columns, ctx.headerSynonyms);
  if (hasColumnRoles(roles)) {
    table.roles = roles;
    table.years = years;
  }
  const sectionId = sectionIdAt(ctx, block.position.offset);
  if (sectionId) {
    table.sectionId = sectionId;
    const indicatorId = ctx.doc.sections.find((s) => s.id === sectionId)?.indicatorId;
    if (indicatorId) table.indicatorId = indicatorId;
  }
  return table;
}

function sectionIdAt(ctx: BuildContext, offset: number): string | undefined {
  let best: SectionSpan | undefined;
  for (const s of ctx.sections) if (s.start <= offset && offset < s.end && (!best || s.start >= best.start)) best = s;
  return best?.id;
}

function readMeasurementsOf(ctx: BuildContext, { block, kind }: ClassifiedTable, spans: SectionSpan[]): void {
  const top = topSectionAt(spans, block.position.offset);
  // Looked up once: inside the callback it was found again for every span (quadratic in sections).
  const innerId = sectionIdAt(ctx, block.position.offset);
  const inner = spans.find((s) => s.id === innerId);
  switch (kind) {
    case 'pk': {
      if (inner?.kind === 'signed-pk') {
        const unitId = ctx.doc.sections.find((s) => s.id === inner.id)?.unitId;
        const unit = ctx.units.units.find((u) => u.id === unitId);
        if (unit) readTableMeasurements(ctx, block, kind, unit, 'signed-pk');
        return;
      }
      if (top?.kind === 'appendix' || top?.kind === 'recap') return;
      readTableMeasurements(ctx, block, kind, ctx.units.province, 'pk');
      return;
    }
    case 'indicator-summary':
    case 'unit-measurement':
    case 'appendix-summary':
    case 'recap':
      readTableMeasurements(ctx, block, kind);
      return;
    case 'component':
      readComponentMeasurements(ctx, block);
      return;
    default:
      return;
  }
}

const DEFINITION = /^(?:\d{1,2}[.)]\s*)?(?:Defenisi|Definisi)\s+operasional\s+(.+?)\s+(?:adalah|yaitu|merupakan)\b/i;

/**
 * Some indicator sections have no "Indikator Kinerja Kegiatan :" title at all (converted drafts
 * lose them); such a section still opens with the indicator's operational definition or its
 * summary table. A definition or table naming another indicator than the section it sits in
 * starts a new section there.
 */
function splitSectionsByContent(ctx: BuildContext, spans: SectionSpan[], tables: ClassifiedTable[]): boolean {
  const accountability = spans.find((s) => s.kind === 'accountability');
  if (!accountability) return false;
  const end = spans.find((s) => s.start > accountability.start && s.parentId === undefined)?.start ?? ctx.text.length;
  const starts: { at: number; headingEnd: number; name: string; indicatorId: string }[] = [];
  for (const block of ctx.blocks) {
    if (block.start < accountability.start || block.start >= end) continue;
    let name: string | undefined;
    if (block.kind === 'paragraph') name = DEFINITION.exec(block.plain)?.[1];
    if (block.kind === 'table') {
      const t = tables.find((x) => x.block.position.offset === block.start);
      if (t?.kind === 'indicator-summary') {
        const col = columnRoles(t.block.columns, ctx.headerSynonyms).indicator;
        const first = col !== undefined ? t.block.body[0]?.[col]?.text : undefined;
        if (first && t.block.body.length === 1) name = first;
      }
    }
    if (!name || name.length < 8) continue;
    const indicator = ctx.indicators.match({ name });
    if (!indicator) continue;
    const inner = spans.find((s) => s.kind === 'indicator' && s.start <= block.start && block.start < s.end);
    if (inner?.indicatorId === indicator.id) continue;
    if (starts.some((x) => x.indicatorId === indicator.id)) continue;
    if (spans.some((s) => s.indicatorId === indicator.id)) continue;
    // The section begins at its number line ("9.") when the draft kept one.
    const index = ctx.blocks.indexOf(block);
    const previous = index > 0 ? ctx.blocks[index - 1] : undefined;
    const at = previous && /^\d{1,2}\s*[.)]?$/.test(previous.plain) ? previous.start : block.start;
    starts.push({ at, headingEnd: block.end, name: name.replace(/\s+/g, ' ').trim(), indicatorId: indicator.id });
  }
  if (starts.length === 0) return false;
  for (const start of starts) {
    const container = spans.find((s) => s.kind === 'indicator' && s.start <= start.at && start.at < s.end);
    const parent = spans.find((s) => s.start <= start.at && start.at < s.end && s.parentId === undefined);
    const span: SectionSpan = {
      id: `s${spans.length + 1}`,
      kind: 'indicator',
      title: start.name.slice(0, 160),
      start: start.at,
      end: container ? container.end : (spans.find((s) => s.start > start.at && (s.kind === 'indicator' || s.parentId === undefined))?.start ?? end),
      headingStart: start.at,
      headingEnd: start.headingEnd,
      indicatorName: start.name,
      indicatorId: start.indicatorId,
    };
    if (parent) span.parentId = parent.id;
    if (container) container.end = start.at;
    spans.push(span);
  }
  spans.sort((a, b) => a.start - b.start);
  return true;
}
