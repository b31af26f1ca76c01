import type { IndicatorMention } from '@lkip/schema';
import type { BuildContext } from './context.js';
import { indicatorWords } from './indicator-names.js';

/**
 * Sub-headings inside an indicator's section restate the indicator's name ("b. Metode Pengukuran
 * dan Analisis Realisasi Indikator Kinerja Kegiatan <name> tahun 2024 serta perbandingan …").
 * Copied from a neighbouring section, they name the neighbour: each such name is matched to the
 * draft's indicators and kept with the section it stands in.
 */

const LEAD = /\b(?:analisis|analisa|analisi|metode|metedo|pengukuran|perbandingan|capaian)\b/i;
const NAMED = /\bIndikator\s+Kinerja(?:\s+(?:Kegiatan|Utama|Program))?\s+(.{8,260}?)(?=\s+(?:tahun\s+(?:19|20)\d{2}|serta\b|dengan\s+tahun\b)|\s*$)/i;
const MAX_HEADING = 400;

export function readIndicatorMentions(ctx: BuildContext): IndicatorMention[] {
  const out: IndicatorMention[] = [];
  // Blocks as written, not joined across page breaks: a heading without a full stop is not the start of a long sentence.
  const paragraphs = ctx.blocks;
  for (const section of ctx.sections) {
    if (section.kind !== 'indicator' || !section.indicatorId) continue;
    for (const block of paragraphs) {
      if (block.start < section.headingEnd || block.start >= section.end) continue;
      if (block.kind !== 'paragraph' && block.kind !== 'heading') continue;
      const text = block.plain.replace(/^[-*•❖✚📊📌\s]+/u, '').replace(/^[a-z][.)]\s+/i, '');
      // A sub-heading: short, no closing full stop, opened by the words such headings use.
      if (text.length > MAX_HEADING || /\.\s*$/.test(text) || /\.\s+[A-Z]/.test(text) || !LEAD.test(text.slice(0, 60))) continue;
      const m = NAMED.exec(text);
      const name = m?.[1]?.trim();
      if (!name) continue;
      const indicator = ctx.indicators.match({ name });
      if (!indicator || indicator.id === section.indicatorId) continue;
      // "Jumlah Kab/Kota dengan Nilai X mencapai target" is analysed through "Nilai X": a name inside the section's own is its measure.
      const own = ctx.indicators.indicators.find((i) => i.id === section.indicatorId);
      const ownWords = new Set(own ? indicatorWords(own.name) : []);
      if (indicatorWords(name).every((w) => ownWords.has(w))) continue;
      out.push({ indicatorId: indicator.id, sectionIndicatorId: section.indicatorId, text: name, position: ctx.map.position(block.start, block.end) });
    }
  }
  return out;
}
