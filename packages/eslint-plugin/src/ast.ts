import type { Directive, LkipDocument } from '@lkip/schema';
import type { SourceLocation } from '@eslint/core';
import { offsetMapper, type LineEndings } from '@lkip/parse';

/**
 * The tree ESLint walks. lkip's rules read the document model, not a syntax tree, so the tree is
 * small: the draft, and its `lkip-disable` comments (which ESLint needs as nodes for
 * `noInlineConfig` warnings). The model itself is `sourceCode.model`.
 */
export interface DraftNode {
  type: 'Draft';
  range: [number, number];
  loc: SourceLocation;
  children: DirectiveNode[];
}

export interface DirectiveNode {
  type: 'Directive';
  kind: Directive['kind'];
  /** Empty: every rule. */
  ruleIds: string[];
  reason?: string;
  range: [number, number];
  loc: SourceLocation;
}

export type LkipNode = DraftNode | DirectiveNode;

export const VISITOR_KEYS: Record<LkipNode['type'], string[]> = {
  Draft: ['children'],
  Directive: [],
};

/**
 * `text` is the file as ESLint read it; `doc` was read from its LF form, whose lines and
 * columns are the same but whose offsets are not when the file has CRLF line ends.
 */
export function buildDraftTree(text: string, lf: string, lineEndings: LineEndings, doc: LkipDocument): DraftNode {
  const toText = offsetMapper(lf, lineEndings);
  const children: DirectiveNode[] = doc.directives.map((d) => ({
    type: 'Directive',
    kind: d.kind,
    ruleIds: [...d.ruleIds],
    ...(d.reason !== undefined ? { reason: d.reason } : {}),
    range: [toText(d.position.offset), toText(d.position.endOffset)],
    loc: { start: { line: d.position.line, column: d.position.column }, end: { line: d.position.endLine, column: d.position.endColumn } },
  }));
  return { type: 'Draft', range: [0, text.length], loc: { start: { line: 1, column: 1 }, end: endOf(text) }, children };
}

function endOf(text: string): { line: number; column: number } {
  const lines = text.split(/\r?\n/);
  return { line: lines.length, column: (lines[lines.length - 1]?.length ?? 0) + 1 };
}
