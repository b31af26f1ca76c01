/**
 * Just enough XML reading for the few WordprocessingML parts mammoth leaves out (numbering
 * labels, equations). indexOf scans, no regular expressions over whole parts: a damaged or
 * hostile file costs time linear in its size.
 */

export interface XmlElement {
  /** Offset of `<`. */
  start: number;
  /** Offset just after the closing tag (or after `/>`). */
  end: number;
  /** The text of the start tag, `<w:lvl w:ilvl="0">`. */
  openTag: string;
  /** Between the start and the end tag; empty for `<x/>`. */
  inner: string;
  /** Offset where `inner` starts. */
  innerStart: number;
}

function isNameEnd(code: number): boolean {
  // whitespace, `>` or `/` end a tag name; anything else (`w:num` vs `w:numId`) continues it.
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 62 || code === 47;
}

/** Offset of the next `<name` start tag at or after `from`, or -1. */
export function findStartTag(xml: string, name: string, from: number): number {
  const needle = `<${name}`;
  let i = xml.indexOf(needle, from);
  while (i !== -1 && !isNameEnd(xml.charCodeAt(i + needle.length))) i = xml.indexOf(needle, i + needle.length);
  return i;
}

/**
 * The element starting at `start` (which holds `<name`). Elements of the same name nest
 * (`w:pPr` inside `w:pPrChange`, `w:tbl` in a cell), so closing tags are matched by depth.
 * An element left open runs to the end of the text.
 */
export function elementAt(xml: string, name: string, start: number): XmlElement {
  const tagEnd = xml.indexOf('>', start);
  if (tagEnd === -1) return { start, end: xml.length, openTag: xml.slice(start), inner: '', innerStart: xml.length };
  const openTag = xml.slice(start, tagEnd + 1);
  if (xml.charCodeAt(tagEnd - 1) === 47) return { start, end: tagEnd + 1, openTag, inner: '', innerStart: tagEnd + 1 };
  const close = `</${name}>`;
  let depth = 1;
  let at = tagEnd + 1;
  while (depth > 0) {
    const nextClose = xml.indexOf(close, at);
    if (nextClose === -1) return { start, end: xml.length, openTag, inner: xml.slice(tagEnd + 1), innerStart: tagEnd + 1 };
    let nextOpen = findStartTag(xml, name, at);
    while (nextOpen !== -1 && nextOpen < nextClose) {
      const openEnd = xml.indexOf('>', nextOpen);
      // A self-closing twin does not open anything.
      if (openEnd !== -1 && xml.charCodeAt(openEnd - 1) !== 47) depth++;
      nextOpen = findStartTag(xml, name, openEnd === -1 ? xml.length : openEnd);
    }
    depth--;
    at = nextClose + close.length;
    if (depth === 0) return { start, end: at, openTag, inner: xml.slice(tagEnd + 1, nextClose), innerStart: tagEnd + 1 };
  }
  return { start, end: at, openTag, inner: '', innerStart: tagEnd + 1 };
}

/** Every `name` element of `xml` that is not inside another one, in document order. */
export function elements(xml: string, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  let at = findStartTag(xml, name, 0);
  while (at !== -1) {
    const element = elementAt(xml, name, at);
    out.push(element);
    at = findStartTag(xml, name, Math.max(element.end, at + 1));
  }
  return out;
}

export function firstElement(xml: string, name: string): XmlElement | undefined {
  const at = findStartTag(xml, name, 0);
  return at === -1 ? undefined : elementAt(xml, name, at);
}

/** The value of `attr` in a start tag (either quote style), entities decoded. */
export function attribute(openTag: string, attr: string): string | undefined {
  let i = openTag.indexOf(attr);
  while (i !== -1) {
    const before = openTag.charCodeAt(i - 1);
    const after = i + attr.length;
    if ((before === 32 || before === 9 || before === 10 || before === 13) && openTag.charCodeAt(after) === 61) {
      const quote = openTag[after + 1];
      if (quote === '"' || quote === "'") {
        const endQuote = openTag.indexOf(quote, after + 2);
        if (endQuote !== -1) return decodeEntities(openTag.slice(after + 2, endQuote));
      }
    }
    i = openTag.indexOf(attr, i + attr.length);
  }
  return undefined;
}

/** `w:val` of the first `name` child, e.g. `<w:numId w:val="3"/>`. */
export function childValue(xml: string, name: string): string | undefined {
  const el = firstElement(xml, name);
  return el ? attribute(el.openTag, 'w:val') : undefined;
}

export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(?:#x([0-9a-fA-F]{1,6})|#(\d{1,7})|(amp|lt|gt|quot|apos));/g, (all, hex: string | undefined, dec: string | undefined, name: string | undefined) => {
    if (hex !== undefined || dec !== undefined) {
      const code = hex !== undefined ? Number.parseInt(hex, 16) : Number(dec);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : all;
    }
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[name as 'amp'];
  });
}

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
