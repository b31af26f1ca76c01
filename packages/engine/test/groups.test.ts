import { describe, expect, it } from 'vitest';
import { emptyDocument } from '@lkip/schema';
import {
  buildResult,
  defineRule,
  fixRisk,
  groupFindings,
  lintDocument,
  withGroups,
  type EvidenceInput,
  type FindingEvidence,
  type LintMessage,
  type ReportDescriptor,
  type Span,
} from '@lkip/engine';
import { pos } from './helpers.js';

/** A finding as a rule reports it, reduced to what grouping reads. */
function finding(ruleId: string, at: Span, evidence?: FindingEvidence, extra: Partial<LintMessage> = {}): LintMessage {
  return { ruleId, severity: 2, message: `${ruleId} at ${at.line}`, line: at.line, column: at.column, endLine: at.endLine, endColumn: at.endColumn, ...(evidence ? { evidence } : {}), ...extra };
}

const REALISATION = '3|BNNK Belu|realisation|indicator|2024';
const TARGET = '3|BNNK Belu|target|indicator|2024';
const ACHIEVEMENT = '3|BNNK Belu|achievement|indicator|2024';

/** "Three places say 89,56, one says 89,58": the odd one, found by cross-ref-mismatch. */
function oddRealisation(at: Span, stated = 89.58, expected = 89.56, places = { stated: 1, expected: 3 }): LintMessage {
  return finding('cross-ref-mismatch', at, {
    figure: REALISATION,
    stated: { text: String(stated), value: stated, decimals: 2 },
    expected: { text: String(expected), value: expected, decimals: 2 },
    basis: places.expected > places.stated ? 'majority' : 'precedence',
    places,
    role: 'realisation',
    place: 'tabel BAB III',
  }, {
    related: [
      { message: 'Lampiran, baris 40', line: 40, column: 5, endLine: 40, endColumn: 10 },
      { message: 'Rekapitulasi, baris 60', line: 60, column: 5, endLine: 60, endColumn: 10 },
    ],
  });
}

function input(figure: string, value: number, at: Span, decimals = 2): EvidenceInput {
  return { figure, text: String(value), value, decimals, at };
}

/** A capaian stated beside a target of 90 and the realisation at `realisationAt`. */
function capaian(at: Span, stated: number, realisation: number, realisationAt: Span, computed = (realisation / 90) * 100): LintMessage {
  return finding('capaian-mismatch', at, {
    figure: ACHIEVEMENT,
    stated: { text: stated.toFixed(2), value: stated, decimals: 2 },
    expected: { text: computed.toFixed(2), value: Number(computed.toFixed(2)), decimals: 2 },
    basis: 'derived',
    role: 'achievement',
    derivation: { kind: 'achievement', target: { ...input(TARGET, 90, pos(at.line, 10), 0), exact: true }, realisation: input(REALISATION, realisation, realisationAt), polarity: { polarity: 'higher-is-better' } },
  }, { fix: { range: [at.line * 100, at.line * 100 + 5], text: computed.toFixed(2) } });
}

describe('groupFindings', () => {
  it('puts one wrong figure written in several places into one group, with the majority as its evidence', () => {
    const messages = [oddRealisation(pos(10, 5)), oddRealisation(pos(20, 5)), finding('year-mismatch', pos(30, 1))];
    const { groups, ids } = groupFindings(messages);
    expect(groups).toHaveLength(2);
    const [group] = groups;
    expect(group).toMatchObject({ kind: 'repeated', ruleId: 'cross-ref-mismatch', headline: 0, messages: [0, 1], symptoms: [] });
    expect(group?.culprit).toMatchObject({ confidence: 'majority', stated: '89.58', expected: '89.56', support: { stated: 1, expected: 3 } });
    expect(group?.culprit?.places.map((p) => p.line)).toEqual([10, 20]);
    // The other places are listed once, whichever culprit place named them.
    expect(group?.agreeing.map((p) => p.line)).toEqual([40, 60]);
    expect(ids[0]).toBe(ids[1]);
    expect(ids[2]).not.toBe(ids[0]);
  });

  it('joins two rules that report the same figure at the same place', () => {
    const tally = finding('tally-mismatch', pos(10, 5), { stated: { text: '89.58', value: 89.58, decimals: 2 }, expected: { text: '89.56', value: 89.56, decimals: 2 }, basis: 'derived' });
    const { groups } = groupFindings([oddRealisation(pos(10, 5)), tally]);
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({ headline: 0, symptoms: [1] });
  });

  it('keeps two rules apart at one place when their figures differ', () => {
    const other = finding('category-mismatch', pos(10, 5), { stated: { text: 'Tinggi' }, basis: 'rule' });
    expect(groupFindings([oddRealisation(pos(10, 5)), other]).groups).toHaveLength(2);
  });

  it('makes a capaian computed from a mistyped realisation a symptom of it, and takes its fix away', () => {
    // The table row states realisation 89,58 (the odd figure) and capaian 99,51 = 89,56 / 90: right for the true figure.
    const messages = [oddRealisation(pos(10, 20)), capaian(pos(10, 30), 99.51, 89.58, pos(10, 20))];
    const grouped = groupFindings(messages);
    expect(grouped.groups).toHaveLength(1);
    expect(grouped.groups[0]).toMatchObject({ kind: 'derived', headline: 0, symptoms: [1] });
    expect(grouped.groups[0]?.culprit?.confidence).toBe('majority');
    expect([...grouped.derivedFromCulprit]).toEqual([1]);
  });

  it('leaves a capaian that is wrong on its own out of the realisation’s group', () => {
    // 95,00 is wrong for 89,56 and for 89,58 alike: a second problem.
    const messages = [oddRealisation(pos(10, 20)), capaian(pos(10, 30), 95, 89.58, pos(10, 20))];
    expect(groupFindings(messages).groups).toHaveLength(2);
  });

  it('names no culprit when a figure computed from the majority’s value holds only with the odd value', () => {
    // Three places say 89,56; one says 89,58; the capaian stated beside 89,56 (line 40) is 99,53 = 89,58 / 90.
    const messages = [oddRealisation(pos(80, 5)), capaian(pos(40, 30), 99.53, 89.56, pos(40, 5, 10))];
    const grouped = groupFindings(messages);
    expect(grouped.groups).toHaveLength(1);
    const [group] = grouped.groups;
    expect(group).toMatchObject({ kind: 'conflict', culprit: null, conflicting: [1] });
    expect(group?.alternatives?.map((a) => a.reading)).toEqual(['majority', 'derived']);
    expect(group?.alternatives?.[0]?.changes.map((c) => [c.from, c.to, c.places.map((p) => p.line)])).toEqual([
      ['89.58', '89.56', [80]],
      ['99.53', '99.51', [40]],
    ]);
    expect(group?.alternatives?.[1]?.changes.map((c) => [c.from, c.to, c.places.map((p) => p.line)])).toEqual([['89.56', '89.58', [40, 60]]]);
    expect([...grouped.inConflict].sort()).toEqual([0, 1]);
  });

  it('names no culprit when as many places state each figure, unless the figures computed from one of them say which', () => {
    const tie = oddRealisation(pos(10, 5), 85.375, 84.375, { stated: 1, expected: 1 });
    const { groups } = groupFindings([tie]);
    expect(groups[0]).toMatchObject({ kind: 'conflict', culprit: null });
    expect(groups[0]?.alternatives?.map((a) => a.reading)).toEqual(['other', 'stated']);

    // The capaian beside the other place (line 40) was computed from 85,375, the reported place's value: the other place is wrong.
    const fromStated = capaian(pos(40, 30), 94.86, 84.375, pos(40, 5, 10), 93.75);
    const swapped = groupFindings([tie, fromStated]);
    expect(swapped.groups).toHaveLength(1);
    expect(swapped.groups[0]).toMatchObject({ kind: 'derived', symptoms: [1], culprit: { confidence: 'derived', stated: '84.375', expected: '85.375' } });
    expect(swapped.groups[0]?.culprit?.places.map((p) => p.line)).toEqual([40, 60]);
    expect([...swapped.derivedFromCulprit]).toEqual([1]);

    // The capaian beside the reported place was computed from 84,375: the reported place is wrong.
    const fromExpected = capaian(pos(10, 30), 93.75, 85.375, pos(10, 5), 94.86);
    const kept = groupFindings([tie, fromExpected]);
    expect(kept.groups[0]).toMatchObject({ kind: 'derived', culprit: { confidence: 'derived', stated: '85.375', expected: '84.375' } });
    expect(kept.groups[0]?.culprit?.places.map((p) => p.line)).toEqual([10]);
  });

  it('makes a tally that is one off only because of a mistyped realisation a symptom of it', () => {
    const indicators = [
      // 89,58 against 90 is below target; with the true 90,10 it is above.
      { label: 'IKK 1', target: input('1|p|target', 90, pos(5, 1), 0), realisation: input(REALISATION, 89.58, pos(10, 20)), polarity: { polarity: 'higher-is-better' as const }, decimals: 2 },
      { label: 'IKK 2', target: input('2|p|target', 50, pos(6, 1), 0), realisation: input('2|p|realisation', 60, pos(6, 9), 0), polarity: { polarity: 'higher-is-better' as const }, decimals: 2 },
    ];
    const tally = finding('tally-mismatch', pos(2, 30), {
      figure: 'tally|above',
      stated: { text: '2', value: 2, decimals: 0 },
      expected: { text: '1', value: 1, decimals: 0 },
      basis: 'derived',
      derivation: { kind: 'standing-count', standing: 'above', indicators },
    });
    const { groups } = groupFindings([oddRealisation(pos(10, 20), 89.58, 90.1), tally]);
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({ kind: 'derived', symptoms: [1] });
    // A tally that stays off with the figure corrected is a problem of its own.
    const wrong = { ...tally, evidence: { ...tally.evidence, stated: { text: '0', value: 0, decimals: 0 } } };
    expect(groupFindings([oddRealisation(pos(10, 20), 89.58, 90.1), wrong]).groups).toHaveLength(2);
  });

  it('recounts "N offices reached their target" with a mistyped realisation corrected', () => {
    const office = (n: number, target: number, realisation: number, at: Span, figure = `${n}|o|realisation`) => ({
      label: `office ${n}`,
      target: input(`${n}|o|target`, target, pos(at.line, 1), 0),
      realisation: input(figure, realisation, at),
      polarity: { polarity: 'higher-is-better' as const },
      decimals: 2,
    });
    // Office 1 reached 90 with 90,10, mistyped as 89,58; office 2 reached its target: the draft says 2, the table gives 1.
    const count = finding('tally-mismatch', pos(3, 40), {
      stated: { text: '2', value: 2, decimals: 0 },
      expected: { text: '1', value: 1, decimals: 0 },
      basis: 'derived',
      role: 'realisation',
      derivation: { kind: 'standing-count', standing: 'reached', indicators: [office(1, 90, 89.58, pos(10, 20), REALISATION), office(2, 50, 50, pos(11, 20))] },
    });
    const { groups } = groupFindings([oddRealisation(pos(10, 20), 89.58, 90.1), count]);
    expect(groups).toHaveLength(1);
    expect(groups[0]?.symptoms).toEqual([1]);
  });

  it('groups a table column that is wrong in most of its rows, not two slips in a long column', () => {
    const row = (line: number, checked: number) => finding('capaian-mismatch', pos(line, 30), { stated: { text: `${line}`, value: line, decimals: 0 }, basis: 'derived', column: { key: 't4:4', checked } });
    expect(groupFindings([row(10, 4), row(11, 4), row(12, 4)]).groups.map((g) => g.kind)).toEqual(['column']);
    expect(groupFindings([row(10, 10), row(11, 10)]).groups).toHaveLength(2);
  });

  it('trusts a rule without evidence with its words: the same message at several places is one problem', () => {
    const same = (line: number) => ({ ...finding('entity-mismatch', pos(line, 3)), message: `Baris Belu menyebut kota (baris ${line}).` });
    expect(groupFindings([same(10), same(20)]).groups).toHaveLength(1);
    expect(groupFindings([same(10), { ...same(20), message: 'Baris Alor menyebut kota.' }]).groups).toHaveLength(2);
  });

  it('keeps a group’s id when lines are added above it, and changes it with the figures', () => {
    const before = groupFindings([oddRealisation(pos(10, 5)), oddRealisation(pos(20, 5))]).groups[0]?.id;
    const after = groupFindings([finding('year-mismatch', pos(2, 1)), oddRealisation(pos(13, 5)), oddRealisation(pos(23, 5))]).groups[1]?.id;
    expect(after).toBe(before);
    expect(groupFindings([oddRealisation(pos(10, 5), 89.57)]).groups[0]?.id).not.toBe(before);
    expect(before).toMatch(/^[0-9a-f]{16}$/);
  });
});

describe('fixes judged with the groups in view', () => {
  const rule = (reports: ReportDescriptor[]) =>
    defineRule({
      meta: { id: 'capaian-mismatch', family: 'achievement', defaultSeverity: 'error', fixable: true, hasSuggestions: true, docs: { description: 'd', descriptionId: 'd' }, messages: { m: { en: 'm', id: 'm' } } },
      check(_doc, context) {
        for (const r of reports) context.report(r);
      },
    });
  const achievement = (stated: number, expected: number): FindingEvidence => ({
    stated: { text: String(stated), value: stated, decimals: 1 },
    expected: { text: String(expected), value: expected, decimals: 1 },
    basis: 'derived',
    role: 'achievement',
  });

  it('holds back a fix that moves an achievement across 100 % (114,9 → 97,5) and applies one that does not (66,70 → 66,67)', () => {
    const text = 'capaian 114.9 dan 66.70\n';
    const across = { at: { ...pos(1, 9, 14), offset: 8, endOffset: 13 }, messageId: 'm', fix: { at: { ...pos(1, 9, 14), offset: 8, endOffset: 13 }, text: '97.5' }, evidence: achievement(114.9, 97.5) };
    const tidy = { at: { ...pos(1, 19, 24), offset: 18, endOffset: 23 }, messageId: 'm', fix: { at: { ...pos(1, 19, 24), offset: 18, endOffset: 23 }, text: '66.67' }, evidence: achievement(66.7, 66.67) };
    const [held, kept] = lintDocument(emptyDocument(), { rules: [rule([across, tidy])], text, locale: 'en' });
    expect(held?.fix).toBeUndefined();
    expect(held?.suggestions?.[0]).toMatchObject({ messageId: 'reviewFix', fix: { range: [8, 13], text: '97.5' } });
    expect(held?.suggestions?.[0]?.desc).toBe('Change 114.9 to 97.5: this moves the figure from above target to below target; check before applying.');
    expect(kept?.fix).toEqual({ range: [18, 23], text: '66.67' });
  });

  it('judges a realisation’s fix against its target', () => {
    const against = { target: { text: '2', value: 2 }, polarity: { polarity: 'higher-is-better' as const } };
    expect(fixRisk({ role: 'realisation', stated: { text: '1', value: 1 }, expected: { text: '2', value: 2 }, against })).toEqual({ from: 'below', to: 'at', scale: 'target' });
    expect(fixRisk({ role: 'realisation', stated: { text: '1', value: 1 }, expected: { text: '3', value: 3 }, against: { ...against, target: { text: '5', value: 5 } } })).toBeUndefined();
    expect(fixRisk({ role: 'percent', stated: { text: '101', value: 101, decimals: 0 }, expected: { text: '99', value: 99, decimals: 0 } })).toMatchObject({ scale: 'hundred' });
  });
});

describe('withGroups', () => {
  it('adds each message’s group id and the groups to a result', () => {
    const result = withGroups(buildResult('laporan.md', [oddRealisation(pos(10, 5)), oddRealisation(pos(20, 5))]));
    expect(result.groups).toHaveLength(1);
    expect(result.messages.map((m) => m.group)).toEqual([result.groups?.[0]?.id, result.groups?.[0]?.id]);
  });
});
