import type { EvidenceFigure, Severity, Span } from '../types.js';

/**
 * How sure the evidence is about the figure to change: most places state another figure
 * (`majority`), it is computed from figures that say otherwise (`derived`), or the rule's own
 * check names it (`rule`: a year, a category label, a swapped fraction).
 */
export type CulpritConfidence = 'majority' | 'derived' | 'rule';

/** A place of a group: where a figure stands, as written there, and what the place is. */
export interface GroupPlace extends Span {
  /** The figure as written at this place. */
  text?: string;
  /** The place in words ("PK BCNK Batu Merah"); may hold ⟦…⟧ references, which formatters word. */
  note?: string;
}

/** The figure to change: its wrong text, what to write, how sure, and every place that writes it. */
export interface GroupCulprit {
  /** The wrong figure as written, and what to write instead (as the draft would write it). */
  stated?: string;
  expected?: string;
  /** The same two figures with their values, for a report that writes numbers in its own language. */
  figures?: { stated: EvidenceFigure; expected: EvidenceFigure };
  confidence: CulpritConfidence;
  /** For `majority`: how many places state the figure as the culprit does, and as expected. */
  support?: { stated: number; expected: number };
  places: GroupPlace[];
}

/** One way to read evidence that points both ways: the figures to change if that reading is right. */
export interface GroupAlternative {
  /**
   * `majority`: the figure most places state is right; `derived`: the figures computed from the
   * other value are right (the odd places hold the true figure); when as many places state each
   * value, `other`: the other places are right, `stated`: the reported place is.
   */
  reading: 'majority' | 'derived' | 'other' | 'stated';
  changes: { from?: string; to: string; places: GroupPlace[] }[];
}

/**
 * What the groups module found: `single` one finding; `repeated` one wrong figure written in several
 * places (or the same figure reported by several rules at one place); `column` most rows of one
 * table column; `derived` a wrong figure and the figures computed from it; `conflict` evidence
 * that points both ways (no culprit, alternatives instead).
 */
export type GroupKind = 'single' | 'repeated' | 'column' | 'derived' | 'conflict';

/** Findings that one wrong figure explains. */
export interface FindingGroup {
  /** Stable across runs and edits elsewhere in the draft: rule + the culprit's figure + the figures. */
  id: string;
  kind: GroupKind;
  /** The rule of the headline finding. */
  ruleId: string | null;
  /** The highest severity among the group's findings. */
  severity: Severity;
  /** Indices of the group's findings in the result's messages, the headline first. */
  messages: number[];
  /** Index of the finding that states the problem: the culprit's first place, or the finding that names the conflict. */
  headline: number;
  /** The figure to change, or null when the evidence names none (see `alternatives`). */
  culprit: GroupCulprit | null;
  /** Indices of findings that follow from the culprit: figures computed from it, the same figure reported by another rule. */
  symptoms: number[];
  /** Indices of findings about figures computed from the odd places' value, in a group without a culprit. */
  conflicting: number[];
  /** Places that state the figure as the evidence expects (the other places of a cross-reference). */
  agreeing: GroupPlace[];
  /** When no culprit can be named: each reading of the evidence with what it would change. */
  alternatives?: GroupAlternative[];
  /** Findings of the group whose fix `--fix` applies. */
  fixable: number;
}
