import type { OfficeMention, OfficePart } from '@lkip/schema';
import type { Block } from './blocks.js';
import type { BuildContext } from './context.js';
import { overlapsTable, paragraphsOf } from './prose-scope.js';
import { openingWordIndex, openingWordStarts, openingWordStartsIn, prefixOf, readPlace } from './units.js';

/**
 * Where the draft names its offices outside the per-office columns: in prose and in the text
 * cells of tables, each mention resolved to a unit when it names one, with whether the office is
 * named as a partner. And the parts of the draft given to one office (a sub-heading that is only
 * an office's name, and the paragraphs under it). Rules compare the two: the paragraphs under one
 * office's heading, or the row of one office, that speak of another.
 */

const PLACE_WORD = /^[ \u00a0]+([^\s,.;:()"“”/]+)/;
// "bekerja sama dengan …", "bersama …", "kepada …", "antara A dan …": the office is not the one acting.
const PARTNER_BEFORE = /(?:^|[\s(])(?:dengan|bersama|kepada|oleh|dari|ke|dan|serta|atau|melalui|terhadap)\s+$/i;
const MARKER = /^\s*(?:\(?(?:\d{1,2}|[a-z])[.)]+\s*)/i;

/** Up to three capitalised words after an office prefix, as the unit reader reads a place. */
function placeAfter(rest: string, stopWords: ReadonlySet<string>): string | undefined {
  return readPlace(rest, 3, stopWords, PLACE_WORD);
}

interface Found {
  mention: Omit<OfficeMention, 'position'>;
  start: number;
  end: number;
}

/**
 * Where the office words stand in `text`: from the draft's index when `text` is the draft's own
 * text at `base` (a paragraph, a cell), else by searching `text`.
 */
function openingStarts(ctx: BuildContext, text: string, base: number | undefined): number[] {
  const vocab = ctx.units.vocabulary;
  if (base === undefined || !ctx.text.startsWith(text, base)) return openingWordStarts(text, vocab);
  if (ctx.cache.openingWords?.vocab !== vocab) ctx.cache.openingWords = { vocab, index: openingWordIndex(ctx.text, vocab) };
  const { index } = ctx.cache.openingWords;
  return index ? openingWordStartsIn(index, text, base) : openingWordStarts(text, vocab);
}

/**
 * Every office named in `text` (offsets relative to it), with bare kinds ("<acronym> Kota dengan …")
 * too. `base`: where `text` stands in the draft, when it is a slice of it.
 */
export function officeMentionsIn(ctx: BuildContext, text: string, base?: number): Found[] {
  const vocab = ctx.units.vocabulary;
  const out: Found[] = [];
  let after = 0;
  for (const at of openingStarts(ctx, text, base)) {
    if (at < after) continue;
    const prefix = prefixOf(vocab, text.slice(at, at + 160), false);
    if (!prefix) continue;
    after = at + prefix.prefix.length;
    // "<acronym> Kab/Kota", "<acronym>K/Kota Jajaran": offices as a group.
    if (/^\s*\//.test(prefix.rest) || /\/\s*$/.test(prefix.prefix)) continue;
    const place = placeAfter(prefix.rest, vocab.stopWords);
    // "… Kabupaten Kota Lembah" reads no place but is no bare kind either: a name follows.
    if (!place && /^[ \u00a0]+[A-Z]/.test(prefix.rest)) continue;
    const words = place ? `${prefix.prefix.trimEnd()} ${place}` : prefix.prefix.trimEnd();
    const end = at + (place ? prefix.prefix.length + prefix.rest.indexOf(place) + place.length : prefix.prefix.trimEnd().length);
    const unit = place ? ctx.units.resolve(words) : undefined;
    const partner = PARTNER_BEFORE.test(text.slice(Math.max(0, at - 40), at));
    const mention: Omit<OfficeMention, 'position'> = { kind: prefix.kind, text: text.slice(at, end).replace(/\s+/g, ' '), partner };
    if (unit) mention.unitId = unit.id;
    if (place) mention.place = place;
    out.push({ mention, start: at, end });
  }
  return out;
}


export function readOfficeMentions(ctx: BuildContext): OfficeMention[] {
  const out: OfficeMention[] = [];
  for (const block of paragraphsOf(ctx)) {
    if (block.kind === 'table' || block.kind === 'code' || overlapsTable(ctx, block.start, block.end)) continue;
    for (const f of officeMentionsIn(ctx, block.raw, block.start)) out.push({ ...f.mention, position: ctx.map.position(block.start + f.start, block.start + f.end) });
  }
  for (const table of ctx.doc.tables) {
    table.rows.forEach((row, r) => {
      row.forEach((cell, c) => {
        // Figures and short labels name no partner; only text cells are read.
        if (cell.text.trim().length < 4) return;
        const base = cell.position.offset;
        const text = ctx.text.slice(base, cell.position.endOffset);
        for (const f of officeMentionsIn(ctx, text, base)) out.push({ ...f.mention, tableId: table.id, row: r, column: c, position: ctx.map.position(base + f.start, base + f.end) });
      });
    });
  }
  return out.sort((a, b) => a.position.offset - b.position.offset);
}

/**
 * A block that is an office's name and nothing else ("4. Kantor Kabupaten Lembah Hijau", "2) Kantor
 * Kota Batu Merah :"): the unit it names, or null for an office the draft does not know as a unit
 * (it still ends the part before it).
 */
function officeHeading(ctx: BuildContext, block: Block): string | null | undefined {
  if (block.kind !== 'paragraph' && block.kind !== 'heading') return undefined;
  const stripped = block.plain.replace(MARKER, '').trim();
  const text = (stripped.endsWith(':') ? stripped.slice(0, -1) : stripped).trim();
  if (text.length === 0 || text.length > 80 || (!block.inList && !MARKER.test(block.plain) && block.kind !== 'heading')) return undefined;
  const found = officeMentionsIn(ctx, text);
  const only = found[0];
  if (found.length !== 1 || !only?.mention.place || only.start !== 0) return undefined;
  // The rest of the line may only continue the place name ("… Sungai Dalam" where "Dalam" ends a place read in prose).
  const rest = text.slice(only.end).trim();
  const restWords = rest === '' ? [] : rest.split(/\s+/);
  if (restWords.length > 3 || !restWords.every((w) => /^[A-Z][\p{L}'’-]*$/u.test(w))) return undefined;
  return rest === '' ? (only.mention.unitId ?? null) : null;
}

// "c. Faktor Penyebab …", "b. Metode Pengukuran": the next lettered part of a section ends an office's part.
const LETTERED_PART = /^[a-z][.)]\s+\S/;

/** The parts of the draft under a sub-heading that names one office. */
export function readOfficeParts(ctx: BuildContext): OfficePart[] {
  const blocks = paragraphsOf(ctx).filter((b) => b.kind !== 'code' && b.kind !== 'html');
  const sectionStarts = new Set(ctx.sections.map((s) => s.start));
  const out: OfficePart[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const heading = blocks[i];
    const unitId = heading ? officeHeading(ctx, heading) : undefined;
    if (!heading || !unitId) continue;
    const paragraphs: Block[] = [];
    let end = heading.end;
    for (let j = i + 1; j < blocks.length; j++) {
      const b = blocks[j];
      if (!b || sectionStarts.has(b.start) || b.kind === 'heading' || officeHeading(ctx, b) !== undefined || LETTERED_PART.test(b.plain)) break;
      // A section's own start may sit inside a logical paragraph; the section map decides.
      if (ctx.sections.some((s) => s.start > heading.start && s.start <= b.start && s.start >= heading.end)) break;
      end = b.end;
      if (b.kind === 'paragraph' && !overlapsTable(ctx, b.start, b.end)) paragraphs.push(b);
    }
    if (paragraphs.length === 0) continue;
    out.push({
      unitId,
      heading: ctx.map.position(heading.start, heading.end),
      paragraphs: paragraphs.map((p) => ctx.map.position(p.start, p.end)),
      position: ctx.map.position(heading.start, end),
    });
  }
  return out;
}
