import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { lintDocument, resolveConfig, verifyAndFix, type LintMessage } from '@lkip/engine';
import { parseDraft } from '@lkip/parse';
import { rules } from '@lkip/rules';
import type { LkipDocument } from '@lkip/schema';
import { makeVariant } from '../../fixtures/tools/variant.mjs';

const at = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const SEED = at('../../../shared/seed/lkip-bnnp-ntt-2024.md');
const HAS_SEED = existsSync(SEED);
const NTT = at('../../fixtures/ntt-2024/draft.md');
const config = resolveConfig({});

if (!HAS_SEED) console.warn(`whole-drafts.test: ${SEED} is absent (a fresh clone has no ../shared); the seed cases are skipped.`);

function lint(text: string): LintMessage[] {
  return lintDocument(parseDraft(text), { rules, config, text });
}

function perRule(messages: LintMessage[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const m of messages) counts[m.ruleId ?? 'engine'] = (counts[m.ruleId ?? 'engine'] ?? 0) + 1;
  return counts;
}

/** The model with the figures' values left out: what must survive a fix unchanged. */
function shape(doc: LkipDocument) {
  return {
    indicators: doc.indicators.map((i) => i.name),
    units: doc.units.map((u) => u.name),
    measurements: doc.measurements.map((m) => [m.indicatorId, m.unitId, m.role, m.measure, m.place.kind, m.position.line].join('|')),
    fractions: doc.fractions.length,
    scales: doc.scales.map((s) => s.bands.length),
    budget: doc.budget.length,
    claims: doc.claims.map((c) => c.kind),
  };
}

function values(doc: LkipDocument): string[] {
  return doc.measurements.map((m) => `${m.position.line}:${m.role}:${m.quantity?.value ?? m.label?.text ?? ''}`);
}

const drafts: [string, () => string, boolean][] = [
  ['the real seed', () => readFileSync(SEED, 'utf8'), HAS_SEED],
  ['the NTT fixture', () => readFileSync(NTT, 'utf8'), true],
];

for (const [name, read, present] of drafts) {
  describe(name, () => {
    it.skipIf(!present)('gives the same findings per rule when rewritten with pipe tables and renamed offices', () => {
      const text = read();
      const original = perRule(lint(text));
      const variant = perRule(lint(makeVariant(text)));
      expect(variant).toEqual(original);
      // Every family the primer names fires on this draft.
      for (const id of ['capaian-mismatch', 'inverted-ratio', 'tally-mismatch', 'cross-ref-mismatch', 'category-mismatch', 'band-definition', 'formula-mismatch', 'year-mismatch', 'unit-mismatch']) {
        expect(original[id], id).toBeGreaterThan(0);
      }
    });

    it.skipIf(!present)('--fix corrects the derived figures, a second pass changes nothing, and the model keeps its shape', () => {
      const text = read();
      const parse = (t: string) => parseDraft(t);
      const once = verifyAndFix(text, parse, { rules, config, fix: true, text });
      expect(once.fixed).toBe(true);
      const twice = verifyAndFix(once.output, parse, { rules, config, fix: true, text: once.output });
      expect(twice.fixed).toBe(false);
      expect(twice.output).toBe(once.output);
      expect(once.messages.filter((m) => m.fix)).toEqual([]);

      const before = parseDraft(text);
      const after = parseDraft(once.output);
      expect(shape(after)).toEqual(shape(before));
      // Only derived figures change: stated achievements, and the count of districts a count
      // indicator reports (tally-mismatch derives it from the per-unit categories).
      const derived = (i: number) => {
        const m = after.measurements[i];
        const indicator = after.indicators.find((x) => x.id === m?.indicatorId);
        return m?.role === 'achievement' || (m?.role === 'realisation' && m.measure === 'indicator' && indicator?.countOf !== undefined);
      };
      const changed = values(after).flatMap((v, i) => (v !== values(before)[i] ? [i] : []));
      expect(changed.length).toBeGreaterThan(0);
      expect(changed.filter((i) => !derived(i)).map((i) => values(after)[i])).toEqual([]);
    });
  });
}
