import type { SectionKind } from '@lkip/schema';
import type { TableBlock } from '../tables/index.js';
import type { Block } from './blocks.js';

export interface SectionSpan {
  id: string;
  kind: SectionKind;
  title: string;
  start: number;
  end: number;
  /** The heading's own extent, for positions. */
  headingStart: number;
  headingEnd: number;
  parentId?: string;
  /** Indicator sections: the name after "Indikator Kinerja Kegiatan :" and the number, when the draft gives one. */
  indicatorName?: string;
  indicatorNumber?: number;
  indicatorNameStart?: number;
  indicatorNameEnd?: number;
  /** Set once the section is tied to one of the draft's indicators. */
  indicatorId?: string;
}

interface TopLevelPattern {
  kind: SectionKind;
  pattern: RegExp;
}

// Titles are recognised by their words, not by numbering or markup: converted drafts lose both.
const TOP_LEVEL: TopLevelPattern[] = [
  { kind: 'front', pattern: /^(KATA PENGANTAR|DAFTAR ISI|DAFTAR TABEL|DAFTAR GAMBAR)\b/i },
  { kind: 'summary', pattern: /^(IKHTISAR|RINGKASAN)\s+EKSEKUTIF\b/i },
  { kind: 'introduction', pattern: /^(BAB\s+(I|1)\b(?![IV])|PENDAHULUAN$)/i },
  { kind: 'planning', pattern: /^(BAB\s+(II|2)\b(?!I)|PERENCANAAN( KINERJA)?( DAN PERJANJIAN KINERJA)?$)/i },
  { kind: 'accountability', pattern: /^(BAB\s+(III|3)\b|AKUNTABILITAS KINERJA$)/i },
  { kind: 'closing', pattern: /^(BAB\s+(IV|4)\b|PENUTUP$)/i },
  { kind: 'appendix', pattern: /^LAMPIRAN\b(?!\s+(perjanjian|ini))/i },
  { kind: 'recap', pattern: /^REKAPITULASI\b/i },
];

const FINANCIAL = /^([A-Z][.)]\s*)?AKUNTABILITAS KEUANGAN\b/i;
const PK_SUBSECTION = /^([A-Z][.)]\s*)?PERJANJIAN KINERJA$/i;
const SIGNED_PK = /^PERJANJIAN KINERJA\b/i;
export const INDICATOR_HEADING = /^(?:(\d{1,2})\s*[.)]?\s+)?Indikator Kinerja(?:\s+(?:Kegiatan|Utama|Program))?\s*(?:\([A-Z]{2,4}\))?\s*:\s*(\S.*)$/is;

const MAX_TITLE = 260;

/** A signed PK's cover title is set in capitals ("PERJANJIAN KINERJA TAHUN 2024 / BADAN …"); prose about the PK is not. */
function isUpperCaseTitle(plain: string): boolean {
  const letters = plain.replace(/[^A-Za-z]/g, '');
  if (letters.length === 0 || plain.length > 200) return false;
  const upper = letters.replace(/[^A-Z]/g, '').length;
  return upper / letters.length > 0.8;
}

interface Candidate {
  kind: SectionKind;
  title: string;
  start: number;
  end: number;
  indicatorName?: string;
  indicatorNumber?: number;
  nameStart?: number;
  nameEnd?: number;
}

function indicatorCandidate(text: string, rawStart: number, raw: string, number: number | undefined): Candidate | undefined {
  const match = INDICATOR_HEADING.exec(text);
  if (!match) return undefined;
  const name = (match[2] ?? '').replace(/\s+/g, ' ').trim();
  if (name.length < 8) return undefined;
  const nameAt = raw.indexOf(name.slice(0, Math.min(20, name.length)));
  const candidate: Candidate = {
    kind: 'indicator',
    title: text.replace(/\s+/g, ' ').trim(),
    start: rawStart,
    end: rawStart + raw.length,
    indicatorName: name,
  };
  const n = match[1] !== undefined ? Number(match[1]) : number;
  if (n !== undefined) candidate.indicatorNumber = n;
  if (nameAt >= 0) {
    candidate.nameStart = rawStart + nameAt;
    candidate.nameEnd = rawStart + nameAt + Math.min(raw.length - nameAt, name.length);
  }
  return candidate;
}

/** Finds the sections of a draft from its blocks (titles are plain paragraphs in converted drafts). */
export function detectSections(blocks: Block[], tables: TableBlock[], textLength: number): SectionSpan[] {
  const candidates: Candidate[] = [];
  const tableAt = new Map(tables.map((t) => [t.position.offset, t]));
  let inAccountability = false;
  let pendingNumber: number | undefined;
  for (const block of blocks) {
    if (block.kind === 'table') {
      // A one-row "7. | Indikator Kinerja Kegiatan : …" table is a title laid out as a table.
      const table = tableAt.get(block.start);
      // Only a table of at most three rows can be such a title: a longer one's cells are not read.
      const cells = table && table.rows.length <= 3 ? table.rows.slice(0, 2).flat() : [];
      for (const [i, cell] of cells.entries()) {
        const prev = i > 0 ? cells[i - 1]?.text : undefined;
        const number = prev && /^\d{1,2}\s*[.)]?$/.test(prev) ? Number(prev.replace(/\D/g, '')) : pendingNumber;
        const plain = cell.text.replace(/<[^<>\n]{0,400}>/g, '').trim();
        const c = indicatorCandidate(plain, cell.position.offset, cell.text, number);
        if (c && table && table.rows.length <= 3) {
          c.start = block.start;
          c.end = block.end;
          candidates.push(c);
          break;
        }
      }
      pendingNumber = undefined;
      continue;
    }
    const plain = block.plain;
    if (/^\d{1,2}\s*[.)]?$/.test(plain)) {
      pendingNumber = Number(plain.replace(/\D/g, ''));
      continue;
    }
    if (plain.length > 0 && plain.length <= MAX_TITLE && block.kind !== 'math') {
      const top = TOP_LEVEL.find((p) => p.pattern.test(plain));
      // A block listing several titles, one per line, is a table of contents, not a title.
      const titleLines = block.raw.split('\n').filter((line) => TOP_LEVEL.some((p) => p.pattern.test(line.replace(/[*_#]+/g, '').trim()))).length;
      if (top && titleLines < 2) {
        candidates.push({ kind: top.kind, title: plain, start: block.start, end: block.end });
        inAccountability = top.kind === 'accountability';
        pendingNumber = undefined;
        continue;
      }
      if (FINANCIAL.test(plain)) {
        candidates.push({ kind: 'financial', title: plain, start: block.start, end: block.end });
        inAccountability = false;
        continue;
      }
      if (PK_SUBSECTION.test(plain)) {
        candidates.push({ kind: 'pk', title: plain, start: block.start, end: block.end });
        continue;
      }
      if (SIGNED_PK.test(plain) && isUpperCaseTitle(plain)) {
        candidates.push({ kind: 'signed-pk', title: plain, start: block.start, end: block.end });
        continue;
      }
      const c = indicatorCandidate(plain, block.start, block.raw, block.listNumber ?? pendingNumber);
      if (c && (inAccountability || candidates.some((x) => x.kind === 'accountability'))) {
        candidates.push(c);
        pendingNumber = undefined;
        continue;
      }
    }
    if (plain.length > 0) pendingNumber = undefined;
  }
  return nest(candidates, textLength);
}

const TOP_KINDS: ReadonlySet<SectionKind> = new Set(['front', 'summary', 'introduction', 'planning', 'accountability', 'closing', 'appendix', 'recap', 'financial']);

function nest(candidates: Candidate[], textLength: number): SectionSpan[] {
  const spans: SectionSpan[] = [];
  let top: SectionSpan | undefined;
  let child: SectionSpan | undefined;
  const close = (span: SectionSpan | undefined, at: number) => {
    if (span && span.end === Number.POSITIVE_INFINITY) span.end = at;
  };
  for (const [i, c] of candidates.entries()) {
    const span: SectionSpan = {
      id: `s${i + 1}`,
      kind: c.kind,
      title: c.title.length > 160 ? `${c.title.slice(0, 157)}…` : c.title,
      start: c.start,
      end: Number.POSITIVE_INFINITY,
      headingStart: c.start,
      headingEnd: c.end,
    };
    if (c.indicatorName !== undefined) span.indicatorName = c.indicatorName;
    if (c.indicatorNumber !== undefined) span.indicatorNumber = c.indicatorNumber;
    if (c.nameStart !== undefined) span.indicatorNameStart = c.nameStart;
    if (c.nameEnd !== undefined) span.indicatorNameEnd = c.nameEnd;
    if (TOP_KINDS.has(c.kind)) {
      close(child, c.start);
      close(top, c.start);
      child = undefined;
      top = span;
    } else {
      close(child, c.start);
      if (top) span.parentId = top.id;
      child = span;
    }
    spans.push(span);
  }
  for (const s of spans) if (s.end === Number.POSITIVE_INFINITY) s.end = textLength;
  return spans;
}

/** The innermost section containing an offset. */
export function sectionAt(spans: readonly SectionSpan[], offset: number): SectionSpan | undefined {
  let best: SectionSpan | undefined;
  for (const s of spans) {
    if (s.start <= offset && offset < s.end) {
      if (!best || s.start >= best.start) best = s;
    }
  }
  return best;
}

/** The top-level section containing an offset. */
export function topSectionAt(spans: readonly SectionSpan[], offset: number): SectionSpan | undefined {
  const inner = sectionAt(spans, offset);
  if (!inner) return undefined;
  return inner.parentId ? spans.find((s) => s.id === inner.parentId) ?? inner : inner;
}
