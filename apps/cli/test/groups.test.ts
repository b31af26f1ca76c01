import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Rule } from '@lkip/engine';
import { parseDraft } from '@lkip/parse';
import { rules as shippedRules } from '@lkip/rules';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lkip, tempDir, writeInto } from './helpers.js';

/**
 * One wrong figure, many symptoms: the consistent fixture with one realisation mistyped in its
 * BAB III table (90.60 → 86.60). The capaian beside it, the cross-reference against the five other
 * places that state 90.60 and the above/below-target tally all follow from that one figure.
 */
const CONSISTENT = fileURLToPath(new URL('../../../fixtures/consistent-2024/draft.md', import.meta.url));
const ROW = '1\tNilai Kinerja Anggaran BNN Provinsi Teluk Cendana\t88.00 Indeks\t90.60 Indeks\t102.95 %';
const real = { parse: parseDraft, rules: shippedRules as Rule[] };

function mistyped(): string {
  const text = readFileSync(CONSISTENT, 'utf8');
  expect(text).toContain(ROW);
  return text.replace(ROW, ROW.replace('90.60 Indeks', '86.60 Indeks'));
}

interface JsonGroup {
  id: string;
  kind: string;
  headline: number;
  messages: number[];
  symptoms: number[];
  culprit: { confidence: string; stated?: string; expected?: string; places: { line: number }[] } | null;
  agreeing: { line: number }[];
}
interface JsonResult {
  messages: { ruleId: string; line: number; fix?: unknown; group: string }[];
  groups: JsonGroup[];
}

let dir: string;
let cleanup: () => void;
beforeEach(() => {
  ({ dir, cleanup } = tempDir());
});
afterEach(() => cleanup());

describe('a mistyped realisation and what follows from it', () => {
  it('lands in one group whose culprit is the mistyped figure, by the majority of places', async () => {
    writeInto(dir, 'draft.md', mistyped());
    const r = await lkip(['lint', 'draft.md', '--format', 'json'], { cwd: dir, ...real });
    const [result] = JSON.parse(r.stdout) as JsonResult[];
    expect(result?.messages.map((m) => m.ruleId).sort()).toEqual(['capaian-mismatch', 'cross-ref-mismatch', 'tally-mismatch', 'tally-mismatch']);
    expect(result?.groups).toHaveLength(1);
    const group = result?.groups[0];
    expect(group?.kind).toBe('derived');
    expect(result?.messages[group?.headline ?? -1]?.ruleId).toBe('cross-ref-mismatch');
    expect(group?.culprit).toMatchObject({ confidence: 'majority', stated: '86.60', expected: '90.60' });
    expect(group?.culprit?.places.map((p) => p.line)).toEqual([297]);
    expect(group?.agreeing).toHaveLength(5);
    expect(group?.symptoms).toHaveLength(3);
    expect(new Set(result?.messages.map((m) => m.group))).toEqual(new Set([group?.id]));
    // The capaian and the tallies are right: fixing them would copy the typo into them.
    expect(result?.messages.filter((m) => m.fix)).toEqual([]);
  });

  it('prints the problem once in stylish: the culprit, one line per place, what follows from it', async () => {
    writeInto(dir, 'draft.md', mistyped());
    const r = await lkip(['lint', 'draft.md', '--locale', 'en'], { cwd: dir, ...real });
    const lines = r.stdout.split('\n');
    expect(lines.filter((l) => /^ {2}\d+:\d+ /.test(l))).toHaveLength(1);
    expect(r.stdout).toContain('    ✎ 86.60 → 90.60: most places say otherwise (5 against 1)\n    ✗ 297:66  the Chapter III table — BNNP Teluk Cendana  86.60\n');
    expect(lines.filter((l) => l.startsWith('    ✓ '))).toHaveLength(5);
    expect(lines.filter((l) => l.startsWith('    → '))).toHaveLength(3);
    expect(r.stdout).toContain('✖ 1 problem (4 findings: 4 errors, 0 warnings)');
    // No list of places inside a message that the place lines list again.
    for (const line of lines) expect(line).not.toMatch(/line \d+.*line \d+/);
  });

  it('keeps the group id when a paragraph is added above, and gives one SARIF result with one fingerprint', async () => {
    writeInto(dir, 'draft.md', mistyped());
    const before = JSON.parse((await lkip(['lint', 'draft.md', '--format', 'json'], { cwd: dir, ...real })).stdout) as JsonResult[];
    writeInto(dir, 'draft.md', mistyped().replace('\n\n', '\n\nCatatan revisi: paragraf baru.\n\n'));
    const after = JSON.parse((await lkip(['lint', 'draft.md', '--format', 'json'], { cwd: dir, ...real })).stdout) as JsonResult[];
    expect(after[0]?.messages[0]?.line).not.toBe(before[0]?.messages[0]?.line);
    expect(after[0]?.groups[0]?.id).toBe(before[0]?.groups[0]?.id);

    const sarif = JSON.parse((await lkip(['lint', 'draft.md', '--format', 'sarif'], { cwd: dir, ...real })).stdout) as {
      runs: { results: { ruleId: string; partialFingerprints: Record<string, string>; relatedLocations: { message: { text: string } }[] }[] }[];
    };
    const results = sarif.runs[0]?.results ?? [];
    expect(results).toHaveLength(1);
    expect(results[0]?.ruleId).toBe('cross-ref-mismatch');
    expect(results[0]?.partialFingerprints).toEqual({ 'lkip/group/v1': after[0]?.groups[0]?.id });
    // The symptoms and the five agreeing places are related locations.
    expect(results[0]?.relatedLocations).toHaveLength(3 + 5);
  });

  it('breaks a tie between two places by the figures computed from them', async () => {
    // A district's index typed 42.10 for 52.10 in the BAB III table; only the recap states it again.
    // The capaian beside it, its category label and the provincial average all follow from 52.10.
    const row = '2\tBNNK Batu Hijau\t50.50\t52.10\t103.17\tTinggi';
    const text = readFileSync(CONSISTENT, 'utf8');
    expect(text).toContain(row);
    writeInto(dir, 'draft.md', text.replace(row, row.replace('52.10', '42.10')));
    const [result] = JSON.parse((await lkip(['lint', 'draft.md', '--format', 'json'], { cwd: dir, ...real })).stdout) as JsonResult[];
    expect(result?.messages.map((m) => m.ruleId).sort()).toEqual(['aggregate-mismatch', 'capaian-mismatch', 'category-mismatch', 'cross-ref-mismatch']);
    expect(result?.groups).toHaveLength(1);
    expect(result?.groups[0]?.culprit).toMatchObject({ confidence: 'derived', stated: '42.10', expected: '52.10' });
    expect(result?.groups[0]?.culprit?.places.map((p) => p.line)).toEqual([159]);
    // The average row and the capaian are right: no fix may rewrite them from the typo.
    expect(result?.messages.filter((m) => m.fix)).toEqual([]);
  });

  it('is silent on the draft as it was', async () => {
    writeInto(dir, 'draft.md', readFileSync(CONSISTENT, 'utf8'));
    const r = await lkip(['lint', 'draft.md'], { cwd: dir, ...real });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
  });
});
