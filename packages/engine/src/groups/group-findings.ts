import { fingerprint, fnv1a64 } from '../fingerprint.js';
import { LineIndex } from '../text-lines.js';
import type { EvidenceFigure, FindingEvidence, LintMessage, Severity } from '../types.js';
import { derivedHolds, figureKeyPart, inputSpans, sameFigure, spanKey } from './figures.js';
import type { FindingGroup, GroupAlternative, GroupCulprit, GroupKind, GroupPlace } from './types.js';

export interface GroupingOptions {
  /** The linted text: a finding without evidence is known by the text it points at, which survives edits elsewhere. */
  text?: string;
}

export interface GroupedFindings {
  groups: FindingGroup[];
  /** The group id of each message, by index. */
  ids: string[];
  /**
   * Findings about a figure computed from a culprit: the figure is right, and its own fix would
   * copy the culprit's error into it.
   */
  derivedFromCulprit: ReadonlySet<number>;
  /** Findings of groups whose evidence points both ways: no fix of theirs is safe. */
  inConflict: ReadonlySet<number>;
}

/** Bump when what goes into a group id changes: dashboards would see every group as new. */
const GROUP_ID_VERSION = 'lkip-group/1';

class UnionFind {
  private readonly parent: number[];
  constructor(size: number) {
    this.parent = Array.from({ length: size }, (_, i) => i);
  }
  find(i: number): number {
    let root = i;
    while (this.parent[root] !== root) root = this.parent[root] ?? root;
    // Path compression keeps the next finds short.
    let node = i;
    while (this.parent[node] !== root) {
      const next = this.parent[node] ?? root;
      this.parent[node] = root;
      node = next;
    }
    return root;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    // The smaller index stays the root, so components come out in a stable order.
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

const BASIS_RANK: Record<NonNullable<FindingEvidence['basis']> | 'none', number> = { majority: 0, precedence: 1, derived: 2, rule: 3, none: 4 };

/**
 * Groups findings that one wrong figure explains. The links, each from the rules' evidence
 * (never from message text):
 *
 * 1. the same wrong figure written in several places (one figure key, the same stated and expected figures);
 * 2. one figure reported by several rules at one place, with the same figures;
 * 3. a figure computed from a figure that most places state otherwise, which holds once that figure is
 *    corrected (a capaian computed from a mistyped realisation; a tally counted from it): a symptom;
 * 4. a figure computed from the majority's value that holds only with the odd places' value: the
 *    evidence points both ways, so the group names no culprit and offers both readings;
 * 5. most rows of one table column wrong the same way (a column computed from something else);
 * 6. for rules that give no evidence, the same message word for word at several places.
 */
export function groupFindings(messages: readonly LintMessage[], options: GroupingOptions = {}): GroupedFindings {
  const n = messages.length;
  const all = new UnionFind(n);
  /** Links that make findings one culprit (the same figure in several places, one column), not symptom and cause. */
  const sameCulprit = new UnionFind(n);
  const evidence = (i: number): FindingEvidence | undefined => messages[i]?.evidence;
  const message = (i: number): LintMessage => messages[i] as LintMessage;

  const repeatKeys: (string | undefined)[] = messages.map((m) => repeatKey(m) ?? sameTextKey(m));
  for (const list of bucket(repeatKeys).values()) {
    for (const i of list.slice(1)) {
      all.union(list[0] as number, i);
      sameCulprit.union(list[0] as number, i);
    }
  }

  // One figure, several rules at the same place.
  const bySpan = bucket(messages.map((m) => (m.ruleId !== null && m.evidence?.stated ? spanKey(m) : undefined)));
  for (const list of bySpan.values()) {
    for (const [a, i] of list.entries()) {
      for (const j of list.slice(a + 1)) {
        const ei = evidence(i);
        const ej = evidence(j);
        if (!sameFigure(ei?.stated, ej?.stated)) continue;
        if (ei?.expected && ej?.expected && !sameFigure(ei.expected, ej.expected)) continue;
        all.union(i, j);
      }
    }
  }

  // Figures compared across places, by figure key: the candidates for "the figure that is wrong".
  const crossPlace = new Map<string, number[]>();
  messages.forEach((m, i) => {
    const e = m.evidence;
    if (e?.figure && e.expected && (e.basis === 'majority' || e.basis === 'precedence')) pushTo(crossPlace, e.figure, i);
  });

  const symptomOf = new Map<number, Set<number>>();
  const conflictWith = new Map<number, Set<number>>();
  const link = (map: Map<number, Set<number>>, d: number, c: number) => {
    all.union(d, c);
    let set = map.get(d);
    if (!set) map.set(d, (set = new Set()));
    set.add(c);
  };

  // Cross-place findings by the places they name: their own (the odd value) and the others (the value most places state).
  const oddAt = new Map<string, number[]>();
  const otherAt = new Map<string, number[]>();
  for (const list of crossPlace.values()) {
    for (const c of list) {
      const at = spanKey(message(c));
      pushTo(oddAt, at, c);
      for (const r of message(c).related ?? []) pushTo(otherAt, spanKey(r), c);
    }
  }

  // What a cross-place finding's other places would read if they said its figure: built once per
  // finding, not once per figure computed from one of its places (a long table has thousands).
  const swappedMaps = new Map<number, Map<string, EvidenceFigure>>();
  const swappedOf = (c: number, stated: EvidenceFigure): Map<string, EvidenceFigure> => {
    let map = swappedMaps.get(c);
    if (!map) swappedMaps.set(c, (map = new Map((message(c).related ?? []).map((r) => [spanKey(r), stated]))));
    return map;
  };

  messages.forEach((m, d) => {
    const e = m.evidence;
    const derivation = e?.derivation;
    if (!e?.stated || !derivation) return;
    const inputs = inputSpans(derivation);
    // The figures this one is computed from that are the odd figure of a cross-reference: corrected
    // all at once, does it hold? Then it follows from them.
    const odd = [...new Set(inputs.flatMap((at) => oddAt.get(at) ?? []))].filter((c) => c !== d);
    if (odd.length > 0) {
      const corrected = new Map(odd.map((c) => [spanKey(message(c)), evidence(c)?.expected as EvidenceFigure]));
      if (derivedHolds(derivation, e.stated, corrected)) for (const c of odd) link(symptomOf, d, c);
    }
    // Computed from the value most places state, yet it holds only with the odd value: the evidence points the other way.
    for (const c of new Set(inputs.flatMap((at) => otherAt.get(at) ?? []))) {
      if (c === d || symptomOf.get(d)?.has(c)) continue;
      const ce = evidence(c);
      if (!ce?.stated || !ce.expected) continue;
      const swapped = swappedOf(c, ce.stated);
      if (derivedHolds(derivation, e.stated, swapped)) link(conflictWith, d, c);
    }
  });

  // Most rows of one column wrong: the column was computed from something else.
  const byColumn = bucket(messages.map((m, i) => (m.evidence?.column && !symptomOf.has(i) && !conflictWith.has(i) ? `${m.ruleId}\u001f${m.evidence.column.key}` : undefined)));
  const columnLinked = new Set<number>();
  for (const list of byColumn.values()) {
    const checked = Math.max(...list.map((i) => evidence(i)?.column?.checked ?? 0));
    if (list.length < 2 || list.length * 2 <= checked) continue;
    for (const i of list) {
      columnLinked.add(i);
      all.union(list[0] as number, i);
      sameCulprit.union(list[0] as number, i);
    }
  }

  const identities = identify(messages, options.text);
  const components = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const root = all.find(i);
    pushTo(components, root, i);
  }

  const groups: FindingGroup[] = [];
  const ids: string[] = new Array<string>(n).fill('');
  const usedIds = new Map<string, number>();
  const derivedFromCulprit = new Set<number>();
  const inConflict = new Set<number>();

  const ordered = [...components.values()].map((members) => members.sort((a, b) => comparePosition(message(a), message(b)) || a - b));
  ordered.sort((a, b) => (a[0] as number) - (b[0] as number));
  for (const members of ordered) {
    const inGroup = new Set(members);
    const derived = members.filter((i) => [...(symptomOf.get(i) ?? [])].some((c) => inGroup.has(c)));
    const conflicted = members.filter((i) => [...(conflictWith.get(i) ?? [])].some((c) => inGroup.has(c)));
    const notCandidates = new Set([...derived, ...conflicted]);
    const candidates = members.filter((i) => !notCandidates.has(i));
    const headline = pickHeadline(candidates.length > 0 ? candidates : members, messages);
    const he = evidence(headline);
    const culpritMembers = candidates.filter((i) => sameCulprit.find(i) === sameCulprit.find(headline));
    const column = culpritMembers.some((i) => columnLinked.has(i));
    const tie = he?.basis === 'precedence';
    // As many places state each figure: the figures computed from one of them break the tie, when
    // they all point the same way. Otherwise, and when the majority's value is contradicted by
    // what was computed from it, the evidence points both ways.
    const tieBrokenForExpected = tie && derived.length > 0 && conflicted.length === 0;
    const swapped = tie && conflicted.length > 0 && derived.length === 0;
    const conflict = tie ? !tieBrokenForExpected && !swapped : conflicted.length > 0;
    const symptoms = members.filter((i) => !culpritMembers.includes(i) && (swapped || !conflicted.includes(i)));
    const conflicting = conflict ? conflicted : [];

    let kind: GroupKind;
    if (conflict) kind = 'conflict';
    else if (members.length === 1) kind = 'single';
    else if (derived.length > 0 || swapped) kind = 'derived';
    else if (column) kind = 'column';
    else kind = 'repeated';

    const headPlaces = culpritMembers.map((i) => placeOf(message(i)));
    const otherPlaces = he?.basis === 'majority' || he?.basis === 'precedence' ? agreeingPlaces(culpritMembers.map(message), headPlaces, he) : [];
    // When the tie breaks toward the reported place, the other places hold the wrong figure.
    const culpritPlaces = swapped ? otherPlaces : headPlaces;
    const agreeing = swapped ? headPlaces : otherPlaces;
    let culprit: GroupCulprit | null = null;
    let alternatives: GroupAlternative[] | undefined;
    if (!conflict) {
      culprit = { confidence: tie ? 'derived' : confidenceOf(he), places: culpritPlaces };
      const [stated, expected] = swapped ? [he?.expected, he?.stated] : [he?.stated, he?.expected];
      if (!column && stated) culprit.stated = stated.text;
      if (!column && expected) culprit.expected = expected.text;
      if (!column && stated && expected) culprit.figures = { stated: { ...stated }, expected: { ...expected } };
      if (he?.basis === 'majority' && he.places) culprit.support = { ...he.places };
    } else {
      alternatives = alternativesOf(he, headPlaces, otherPlaces, conflicted.map(message), tie);
      for (const i of members) inConflict.add(i);
    }
    // Figures computed from the right value are right: their own fixes would copy the error into them.
    for (const i of swapped ? conflicted : derived) derivedFromCulprit.add(i);

    const id = uniqueId(groupId(message(headline), he, column, identities[headline] ?? ''), usedIds);
    for (const i of members) ids[i] = id;
    const order = [headline, ...culpritMembers.filter((i) => i !== headline), ...symptoms, ...conflicting];
    const group: FindingGroup = {
      id,
      kind,
      ruleId: message(headline).ruleId,
      severity: Math.max(...members.map((i) => message(i).severity)) as Severity,
      messages: order,
      headline,
      culprit,
      symptoms,
      conflicting,
      agreeing,
      fixable: members.filter((i) => message(i).fix !== undefined).length,
    };
    if (alternatives) group.alternatives = alternatives;
    groups.push(group);
  }
  // By the headline's place, as a reader goes through the draft (the members may start earlier).
  groups.sort((a, b) => comparePosition(message(a.headline), message(b.headline)) || a.headline - b.headline);
  return { groups, ids, derivedFromCulprit, inConflict };
}

/** The key of "the same wrong figure": one rule, one figure, the same stated and expected figures. */
function repeatKey(m: LintMessage): string | undefined {
  const e = m.evidence;
  if (m.ruleId === null || !e?.figure || !e.stated) return undefined;
  return [m.ruleId, e.figure, figureKeyPart(e.stated), figureKeyPart(e.expected)].join('\u001f');
}

/**
 * A rule that gives no evidence is trusted with its words: the same finding, word for word but
 * for the lines it names, at several places is one problem written several times (a sentence or
 * a row copied from one office's part to another's).
 */
function sameTextKey(m: LintMessage): string | undefined {
  if (m.ruleId === null || m.evidence?.figure || m.evidence?.column || m.fatal) return undefined;
  return ['text', m.ruleId, m.messageId ?? '', m.message.replace(/\b(?:baris|line)\s+\d+/g, '#')].join('\u001f');
}

/** Appends to the list under `key`, in place: copying the list on every append costs the square of its length. */
function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function bucket(keys: readonly (string | undefined)[]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  keys.forEach((key, i) => {
    if (key !== undefined) pushTo(out, key, i);
  });
  return out;
}

function comparePosition(a: LintMessage, b: LintMessage): number {
  return a.line - b.line || a.column - b.column;
}

/** The finding that states the problem: cross-place evidence first, then derived figures, then the rest; errors before warnings; earliest first. */
function pickHeadline(candidates: readonly number[], messages: readonly LintMessage[]): number {
  const rank = (i: number) => BASIS_RANK[messages[i]?.evidence?.basis ?? 'none'];
  return [...candidates].sort((a, b) => rank(a) - rank(b) || (messages[b]?.severity ?? 0) - (messages[a]?.severity ?? 0) || a - b)[0] as number;
}

function confidenceOf(e: FindingEvidence | undefined): GroupCulprit['confidence'] {
  if (e?.basis === 'majority') return 'majority';
  if (e?.basis === 'derived') return 'derived';
  return 'rule';
}

function placeOf(m: LintMessage): GroupPlace {
  const place: GroupPlace = { line: m.line, column: m.column, endLine: m.endLine, endColumn: m.endColumn };
  if (m.evidence?.stated) place.text = m.evidence.stated.text;
  if (m.evidence?.place) place.note = m.evidence.place;
  return place;
}

/** The other places of a cross-reference (each once, whichever culprit place named it), which state the expected figure. */
function agreeingPlaces(culprits: readonly LintMessage[], culpritPlaces: readonly GroupPlace[], he: FindingEvidence): GroupPlace[] {
  const seen = new Set(culpritPlaces.map(spanKey));
  const out: GroupPlace[] = [];
  for (const m of culprits) {
    for (const r of m.related ?? []) {
      const key = spanKey(r);
      if (seen.has(key)) continue;
      seen.add(key);
      const place: GroupPlace = { line: r.line, column: r.column, endLine: r.endLine, endColumn: r.endColumn, note: r.message };
      if (he.expected) place.text = he.expected.text;
      out.push(place);
    }
  }
  return out.sort((a, b) => a.line - b.line || a.column - b.column);
}

function alternativesOf(
  he: FindingEvidence | undefined,
  culpritPlaces: GroupPlace[],
  agreeing: GroupPlace[],
  conflicted: readonly LintMessage[],
  tie: boolean,
): GroupAlternative[] {
  const stated = he?.stated?.text;
  const expected = he?.expected?.text;
  if (stated === undefined || expected === undefined) return [];
  const toExpected = { from: stated, to: expected, places: culpritPlaces };
  const toStated = { from: expected, to: stated, places: agreeing };
  if (tie) {
    return [
      { reading: 'other', changes: [toExpected] },
      { reading: 'stated', changes: [toStated] },
    ];
  }
  // The derived figures, by the change each would need if the majority is right.
  const derivedChanges = new Map<string, { from?: string; to: string; places: GroupPlace[] }>();
  for (const m of conflicted) {
    const e = m.evidence;
    if (!e?.stated || !e.expected) continue;
    const key = `${figureKeyPart(e.stated)}\u001f${figureKeyPart(e.expected)}`;
    const entry = derivedChanges.get(key) ?? { from: e.stated.text, to: e.expected.text, places: [] };
    entry.places.push(placeOf(m));
    derivedChanges.set(key, entry);
  }
  return [
    { reading: 'majority', changes: [toExpected, ...derivedChanges.values()] },
    { reading: 'derived', changes: [toStated] },
  ];
}

/**
 * Rule + the culprit's figure (its key, which names the indicator, office and role, never a
 * line) + the figures: the same problem keeps its id when text is added elsewhere.
 */
function groupId(headline: LintMessage, he: FindingEvidence | undefined, column: boolean, identity: string): string {
  const anchor = column ? `column\u001f${headline.subject?.indicator ?? ''}\u001f${headline.subject?.detail ?? ''}` : (he?.figure ?? identity);
  const figures = column ? ['', ''] : [figureKeyPart(he?.stated), figureKeyPart(he?.expected)];
  return fnv1a64([GROUP_ID_VERSION, headline.ruleId ?? 'lkip', anchor, ...figures].join('\u001f'));
}

function uniqueId(id: string, used: Map<string, number>): string {
  const count = (used.get(id) ?? 0) + 1;
  used.set(id, count);
  return count === 1 ? id : `${id}-${count}`;
}

/** Each finding's identity without evidence: its rule and subject, else the text it points at (see fingerprint). */
function identify(messages: readonly LintMessage[], text: string | undefined): string[] {
  const lines = text === undefined ? undefined : new LineIndex(text);
  return messages.map((m) => fingerprint(m.ruleId ?? 'lkip', m.subject, `${m.messageId ?? ''}\u001f${(lines && spanText(lines, m)) ?? m.message}`));
}

function spanText(lines: LineIndex, m: LintMessage): string | undefined {
  const start = lines.starts[m.line - 1];
  const end = lines.starts[m.endLine - 1];
  if (start === undefined || end === undefined) return undefined;
  return lines.text.slice(start + m.column - 1, end + m.endColumn - 1) || undefined;
}
