import type { Indicator, PlaceKind } from '@lkip/schema';
import { logicalParagraphs, type Block } from './blocks.js';
import type { BuildContext } from './context.js';

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

function computeScopes(ctx: BuildContext): ProseScope[] {
  const out: ProseScope[] = [];
  const paragraphs = paragraphsOf(ctx);
  for (const section of ctx.sections) {
    if (section.kind === 'summary') {
      let current: Indicator | undefined;
      for (const block of paragraphs) {
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
      for (const block of paragraphs) {
        if (block.start < section.headingEnd || block.start >= section.end) continue;
        if (/^b[.)]\s/i.test(block.plain)) current = false;
        if (block.kind === 'paragraph') out.push({ block, indicator, placeKind: 'chapter-prose', current });
      }
    }
  }
  return out;
}
