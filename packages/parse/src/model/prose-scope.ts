import type { Indicator, PlaceKind } from '@lkip/schema';
import { logicalParagraphs, type Block } from './blocks.js';
import type { BuildContext } from './context.js';
import { countBefore } from '../text/sorted.js';

export interface ProseScope {
  block: Block;
  indicator: Indicator;
  placeKind: PlaceKind;
  /** The block sits in part "a. Capaian …" of an indicator section (this year's figures), or in the summary. */
  current: boolean;
}

// "1. Indikator Kinerja Kegiatan <name>, target …" or "1. <name> ditargetkan …": the item names its indicator first.
const SUMMARY_ITEM = /^(?:\d{1,2}[.)]\s*)?(?:Indikator Kinerja(?:\s+Kegiatan|\s+Utama)?\s+)?(.+?)(?:,?\s+(?:dengan\s+)?(?:target|ditargetkan)\b|\.\s|$)/is;

/**
 * Which indicator each prose block speaks of: the summary's numbered paragraphs (continued across
 * page breaks until the next item) and every block of an indicator section.
 */
export function proseScopes(ctx: BuildContext): ProseScope[] {
  ctx.cache.scopes ??= computeScopes(ctx);
  return ctx.cache.scopes;
}

/** Page breaks cut sentences in two; the readers need them whole. */
export function paragraphsOf(ctx: BuildContext): Block[] {
  ctx.cache.paragraphs ??= logicalParagraphs(ctx.blocks, ctx.text);
  return ctx.cache.paragraphs;
}

/**
 * Whether the span [start, end) overlaps one of the document's tables (prose readers skip those
 * blocks). The tables are sorted once, with the furthest end reached so far, so each question is
 * a binary search; four readers used to test every table for every paragraph.
 */
export function overlapsTable(ctx: BuildContext, start: number, end: number): boolean {
  const tables = ctx.doc.tables;
  let index = ctx.cache.tableSpans;
  if (index?.of !== tables) {
    const spans = tables.map((t) => [t.position.offset, t.position.endOffset] as const).sort((a, b) => a[0] - b[0]);
    let furthest = -Infinity;
    index = { of: tables, starts: spans.map((s) => s[0]), maxEnds: spans.map((s) => (furthest = Math.max(furthest, s[1]))) };
    ctx.cache.tableSpans = index;
  }
  // The tables that start before `end` are a prefix of the sorted starts; one of them reaches past `start`?
  const { starts, maxEnds } = index;
  const before = countBefore(starts.length, (i) => (starts[i] as number) < end);
  return before > 0 && (maxEnds[before - 1] as number) > start;
}

/** The paragraphs that start in [from, to), in order: paragraphs are sorted by start, so a binary search finds the first. */
function paragraphsIn(paragraphs: readonly Block[], from: number, to: number): Block[] {
  const out: Block[] = [];
  for (let i = countBefore(paragraphs.length, (k) => (paragraphs[k] as Block).start < from); i < paragraphs.length && (paragraphs[i] as Block).start < to; i++) out.push(paragraphs[i] as Block);
  return out;
}

function isSortedByStart(blocks: readonly Block[]): boolean {
  for (let i = 1; i < blocks.length; i++) if ((blocks[i] as Block).start < (blocks[i - 1] as Block).start) return false;
  return true;
}

function computeScopes(ctx: BuildContext): ProseScope[] {
  const out: ProseScope[] = [];
  const paragraphs = paragraphsOf(ctx);
  // Each section reads only its own paragraphs (found by a binary search, not by a walk over all of them).
  const sorted = isSortedByStart(paragraphs);
  const within = (from: number, to: number) => (sorted ? paragraphsIn(paragraphs, from, to) : paragraphs);
  for (const section of ctx.sections) {
    if (section.kind === 'summary') {
      let current: Indicator | undefined;
      for (const block of within(section.headingEnd, section.end)) {
        if (block.start < section.headingEnd || block.start >= section.end || block.kind !== 'paragraph') continue;
        const item = SUMMARY_ITEM.exec(block.plain);
        const numbered = block.inList && block.listNumber !== undefined ? block.listNumber : /^\d{1,2}[.)]\s/.test(block.plain) ? Number(/^\d{1,2}/.exec(block.plain)?.[0]) : undefined;
        if (numbered !== undefined) current = item ? ctx.indicators.match({ name: item[1] ?? '', number: numbered }, block.start) : undefined;
        // An item may run over several paragraphs; the tally paragraph after the last item is about all of them.
        else if (current && /target\s+berjumlah|\bdi\s?atas\s+target\b.*\bdi\s?bawah\s+target\b/is.test(block.plain)) current = undefined;
        if (current) out.push({ block, indicator: current, placeKind: 'summary', current: true });
      }
    }
    if (section.kind === 'indicator') {
      const indicatorId = ctx.doc.sections.find((s) => s.id === section.id)?.indicatorId;
      const indicator = ctx.indicators.indicators.find((i) => i.id === indicatorId);
      if (!indicator) continue;
      let current = true;
      for (const block of within(section.headingEnd, section.end)) {
        if (block.start < section.headingEnd || block.start >= section.end) continue;
        if (/^b[.)]\s/i.test(block.plain)) current = false;
        if (block.kind === 'paragraph') out.push({ block, indicator, placeKind: 'chapter-prose', current });
      }
    }
  }
  return out;
}
