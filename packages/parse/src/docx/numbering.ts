import { attribute, childValue, elements, escapeXml, findStartTag, elementAt, firstElement } from './xml.js';

/**
 * Word numbers list paragraphs itself ("1.", "a.", "BAB II"): the digits are not in the text.
 * mammoth turns such paragraphs into <ol> items, which restart at 1 whenever a paragraph or a
 * table interrupts the list, drops the start value and the format, and so loses the numbers
 * LKIP drafts rely on ("9. Indikator Kinerja…" after two pages of tables, "A. GAMBARAN UMUM").
 * This module computes each paragraph's label as Word shows it and writes it into the
 * paragraph as text, before mammoth reads the document. Bullets are left to mammoth.
 */

interface LevelDefinition {
  start: number;
  format: string;
  text: string;
}

interface NumberingInstance {
  abstractId: string;
  starts: Map<number, number>;
  levels: Map<number, LevelDefinition>;
}

export interface NumberingDefinitions {
  abstracts: Map<string, Map<number, LevelDefinition>>;
  /** `w:numStyleLink`: the abstract list takes its levels from the list a numbering style points at. */
  styleLinks: Map<string, string>;
  instances: Map<string, NumberingInstance>;
  /** Paragraph styles that number their paragraphs (Heading 1 → "BAB %1"). */
  styleNumbering: Map<string, { numId: string; level: number }>;
  /** Abstract list levels bound to a paragraph style with `w:pStyle` (the other direction). */
  levelStyles: Map<string, { abstractId: string; level: number }>;
}

const MAX_LEVEL = 8;

function readLevel(xml: string): LevelDefinition {
  const start = Number.parseInt(childValue(xml, 'w:start') ?? '', 10);
  return {
    // Word writes w:start almost always; without it people expect 1, not the 0 of the spec.
    start: Number.isFinite(start) ? start : 1,
    format: childValue(xml, 'w:numFmt') ?? 'decimal',
    text: childValue(xml, 'w:lvlText') ?? '',
  };
}

function levelIndex(openTag: string): number | undefined {
  const n = Number.parseInt(attribute(openTag, 'w:ilvl') ?? '', 10);
  return Number.isInteger(n) && n >= 0 && n <= MAX_LEVEL ? n : undefined;
}

export function readNumbering(numberingXml: string | undefined, stylesXml: string | undefined): NumberingDefinitions {
  const defs: NumberingDefinitions = { abstracts: new Map(), styleLinks: new Map(), instances: new Map(), styleNumbering: new Map(), levelStyles: new Map() };
  if (numberingXml) {
    for (const abs of elements(numberingXml, 'w:abstractNum')) {
      const id = attribute(abs.openTag, 'w:abstractNumId');
      if (id === undefined) continue;
      const levels = new Map<number, LevelDefinition>();
      for (const lvl of elements(abs.inner, 'w:lvl')) {
        const index = levelIndex(lvl.openTag) ?? 0;
        levels.set(index, readLevel(lvl.inner));
        const style = childValue(lvl.inner, 'w:pStyle');
        if (style !== undefined) defs.levelStyles.set(style, { abstractId: id, level: index });
      }
      defs.abstracts.set(id, levels);
      const link = childValue(abs.inner, 'w:numStyleLink');
      if (link !== undefined) defs.styleLinks.set(id, link);
    }
    for (const num of elements(numberingXml, 'w:num')) {
      const id = attribute(num.openTag, 'w:numId');
      const abstractId = childValue(num.inner, 'w:abstractNumId');
      if (id === undefined || abstractId === undefined) continue;
      const instance: NumberingInstance = { abstractId, starts: new Map(), levels: new Map() };
      for (const override of elements(num.inner, 'w:lvlOverride')) {
        const index = levelIndex(override.openTag);
        if (index === undefined) continue;
        const start = Number.parseInt(childValue(override.inner, 'w:startOverride') ?? '', 10);
        if (Number.isFinite(start)) instance.starts.set(index, start);
        const lvl = firstElement(override.inner, 'w:lvl');
        if (lvl) instance.levels.set(index, readLevel(lvl.inner));
      }
      defs.instances.set(id, instance);
    }
  }
  if (stylesXml) {
    for (const style of elements(stylesXml, 'w:style')) {
      const styleId = attribute(style.openTag, 'w:styleId');
      const numPr = firstElement(style.inner, 'w:numPr');
      if (styleId === undefined || !numPr) continue;
      const numId = childValue(numPr.inner, 'w:numId');
      const level = Number.parseInt(childValue(numPr.inner, 'w:ilvl') ?? '0', 10);
      if (numId !== undefined) defs.styleNumbering.set(styleId, { numId, level: Number.isInteger(level) ? level : 0 });
    }
  }
  return defs;
}

/** Word's list formats; the rare ones (ordinal words, Asian digits) read as plain numbers. */
export function formatListNumber(n: number, format: string): string {
  switch (format) {
    case 'none':
      return '';
    case 'decimalZero':
      return n < 10 && n >= 0 ? `0${n}` : String(n);
    case 'upperRoman':
      return roman(n);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'upperLetter':
      return letters(n);
    case 'lowerLetter':
      return letters(n).toLowerCase();
    default:
      return String(n);
  }
}

function roman(n: number): string {
  if (n <= 0 || n >= 4000) return String(n);
  const table: [number, string][] = [
    [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
    [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
  ];
  let out = '';
  let rest = n;
  for (const [value, symbol] of table) {
    while (rest >= value) {
      out += symbol;
      rest -= value;
    }
  }
  return out;
}

// Word counts letters as A…Z, AA…ZZ, AAA…: the letter repeated, not a base-26 number.
function letters(n: number): string {
  if (n <= 0) return String(n);
  const letter = String.fromCharCode(65 + ((n - 1) % 26));
  return letter.repeat(Math.min(Math.floor((n - 1) / 26) + 1, 10));
}

interface ListCounters {
  values: (number | undefined)[];
}

/** The label of each numbered paragraph, in document order, the way Word counts them. */
export class ListNumberer {
  private readonly counters = new Map<string, ListCounters>();
  private readonly started = new Set<string>();

  constructor(private readonly defs: NumberingDefinitions) {}

  private abstractOf(instance: NumberingInstance): string {
    // A list defined through a numbering style: follow the link once to the real definition.
    const link = this.defs.styleLinks.get(instance.abstractId);
    if (link === undefined) return instance.abstractId;
    const target = this.defs.styleNumbering.get(link);
    const linked = target ? this.defs.instances.get(target.numId) : undefined;
    return linked?.abstractId ?? instance.abstractId;
  }

  private level(instance: NumberingInstance, abstractId: string, index: number): LevelDefinition | undefined {
    return instance.levels.get(index) ?? this.defs.abstracts.get(abstractId)?.get(index);
  }

  /**
   * `undefined` when the paragraph is not numbered or is a bullet; `''` for a level whose
   * format is "none" (numbered but showing nothing).
   */
  label(numId: string, levelIndexValue: number): string | undefined {
    const instance = this.defs.instances.get(numId);
    if (!instance) return undefined;
    const abstractId = this.abstractOf(instance);
    const def = this.level(instance, abstractId, levelIndexValue);
    if (!def || def.format === 'bullet') return undefined;
    // Lists that share an abstract definition continue each other, as in Word; an instance
    // with a start override restarts the count the first time it is used at that level.
    let counters = this.counters.get(abstractId);
    if (!counters) {
      counters = { values: [] };
      this.counters.set(abstractId, counters);
    }
    const key = `${numId}:${levelIndexValue}`;
    const override = instance.starts.get(levelIndexValue);
    const current = counters.values[levelIndexValue];
    if (override !== undefined && !this.started.has(key)) counters.values[levelIndexValue] = override;
    else counters.values[levelIndexValue] = current === undefined ? def.start : current + 1;
    this.started.add(key);
    for (let deeper = levelIndexValue + 1; deeper <= MAX_LEVEL; deeper++) counters.values[deeper] = undefined;

    return def.text.replace(/%([1-9])/g, (_all, digit: string) => {
      const at = Number(digit) - 1;
      const levelDef = this.level(instance, abstractId, at);
      const value = counters.values[at] ?? levelDef?.start ?? 1;
      return formatListNumber(value, at === levelIndexValue ? def.format : (levelDef?.format ?? 'decimal'));
    });
  }
}

/** Ranges of `<mc:Choice>` content: mammoth reads the fallback, so paragraphs here are not seen twice. */
function choiceRanges(xml: string): [number, number][] {
  const ranges: [number, number][] = [];
  let at = findStartTag(xml, 'mc:Choice', 0);
  while (at !== -1) {
    const el = elementAt(xml, 'mc:Choice', at);
    ranges.push([el.start, el.end]);
    at = findStartTag(xml, 'mc:Choice', el.end);
  }
  return ranges;
}

// numId 0 means "no numbering": it also stops a paragraph style from numbering the paragraph
// again in mammoth, which would wrap it in a list.
const NO_NUMBERING = '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="0"/></w:numPr>';

/**
 * Writes Word's list labels into the paragraphs of a document part as text runs. Returns the
 * part unchanged when nothing in it is numbered.
 */
export function writeListLabels(documentXml: string, defs: NumberingDefinitions): string {
  if (defs.instances.size === 0) return documentXml;
  const numberer = new ListNumberer(defs);
  const skip = choiceRanges(documentXml);
  let skipIndex = 0;
  const out: string[] = [];
  let copied = 0;
  let at = findStartTag(documentXml, 'w:p', 0);
  while (at !== -1) {
    while (skipIndex < skip.length && (skip[skipIndex] as [number, number])[1] <= at) skipIndex++;
    const range = skip[skipIndex];
    if (range && range[0] <= at) {
      at = findStartTag(documentXml, 'w:p', range[1]);
      continue;
    }
    const tagEnd = documentXml.indexOf('>', at);
    if (tagEnd === -1) break;
    const next = () => findStartTag(documentXml, 'w:p', tagEnd + 1);
    if (documentXml.charCodeAt(tagEnd - 1) === 47) {
      at = next();
      continue;
    }
    // The paragraph's properties come first in it, if it has any.
    let p = tagEnd + 1;
    while (p < documentXml.length && /\s/.test(documentXml[p] as string)) p++;
    const hasProperties = documentXml.startsWith('<w:pPr', p) && findStartTag(documentXml, 'w:pPr', p) === p;
    const pPr = hasProperties ? elementAt(documentXml, 'w:pPr', p) : undefined;
    // Tracked formatting changes keep the old properties inside; only the current ones count.
    const current = pPr ? withoutElement(pPr.inner, 'w:pPrChange') : '';
    const numPr = firstElement(current, 'w:numPr');
    let numId: string | undefined;
    let level = 0;
    if (numPr) {
      numId = childValue(numPr.inner, 'w:numId');
      level = Number.parseInt(childValue(numPr.inner, 'w:ilvl') ?? '0', 10) || 0;
    }
    if (numId === undefined) {
      const style = childValue(current, 'w:pStyle');
      const byStyle = style !== undefined ? defs.styleNumbering.get(style) : undefined;
      if (byStyle) {
        numId = byStyle.numId;
        level = numPr ? level : byStyle.level;
      } else if (style !== undefined) {
        const byLevel = defs.levelStyles.get(style);
        const instance = byLevel ? [...defs.instances.entries()].find(([, i]) => i.abstractId === byLevel.abstractId) : undefined;
        if (byLevel && instance) {
          numId = instance[0];
          level = byLevel.level;
        }
      }
    }
    const label = numId !== undefined && numId !== '0' ? numberer.label(numId, Math.min(Math.max(level, 0), MAX_LEVEL)) : undefined;
    if (label === undefined) {
      at = next();
      continue;
    }
    const run = label === '' ? '' : `<w:r><w:t xml:space="preserve">${escapeXml(label)} </w:t></w:r>`;
    if (pPr && pPr.inner === '' && pPr.innerStart === pPr.end) {
      out.push(documentXml.slice(copied, pPr.start), `<w:pPr>${NO_NUMBERING}</w:pPr>`, run);
      copied = pPr.end;
    } else if (pPr) {
      // Replace the numbering reference (direct or from the style) by "none".
      const numPrInPpr = firstElement(pPr.inner, 'w:numPr');
      const innerStart = pPr.innerStart;
      out.push(documentXml.slice(copied, innerStart));
      if (numPrInPpr && numPrInPpr.start < (firstElement(pPr.inner, 'w:pPrChange')?.start ?? Infinity)) {
        out.push(pPr.inner.slice(0, numPrInPpr.start), NO_NUMBERING, pPr.inner.slice(numPrInPpr.end));
      } else {
        out.push(pPr.inner, NO_NUMBERING);
      }
      const closeAt = pPr.innerStart + pPr.inner.length;
      out.push(documentXml.slice(closeAt, pPr.end), run);
      copied = pPr.end;
    } else {
      out.push(documentXml.slice(copied, tagEnd + 1), run);
      copied = tagEnd + 1;
    }
    at = findStartTag(documentXml, 'w:p', pPr ? pPr.end : tagEnd + 1);
  }
  if (copied === 0) return documentXml;
  out.push(documentXml.slice(copied));
  return out.join('');
}

function withoutElement(xml: string, name: string): string {
  const el = firstElement(xml, name);
  return el ? xml.slice(0, el.start) + xml.slice(el.end) : xml;
}
