import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { lintDocument, resolveConfig, type LintMessage } from '@lkip/engine';
import { parseDraft, type ParseOptions } from '@lkip/parse';
import { rules } from '@lkip/rules';
import { AGENCIES, rewriteAgency } from '../../fixtures/tools/agency-rewrite.mjs';

// The fixtures rewritten into other agencies' vocabularies (office prefixes, the agency's name,
// the places, and for one of them the indicators' acronym) must read and lint alike: only the
// words changed, so the findings per rule, and their lines, must be the same.

const at = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const NTT = readFileSync(at('../../fixtures/ntt-2024/draft.md'), 'utf8');
const CONSISTENT = readFileSync(at('../../fixtures/consistent-2024/draft.md'), 'utf8');
const config = resolveConfig({});

function lint(text: string, options: ParseOptions = {}): LintMessage[] {
  return lintDocument(parseDraft(text, options), { rules, config, text });
}

function perRule(messages: LintMessage[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const m of messages) counts[m.ruleId ?? 'engine'] = (counts[m.ruleId ?? 'engine'] ?? 0) + 1;
  return counts;
}

// Lines, not columns: the new names are longer or shorter than the old ones.
const where = (messages: LintMessage[]) => messages.map((m) => `${m.ruleId}:${m.line}`).sort();

describe('the NTT fixture in other agencies’ vocabularies', () => {
  const original = lint(NTT);

  it.each(AGENCIES)('%s: the same findings per rule, on the same lines', (agency) => {
    const variant = lint(rewriteAgency(NTT, agency));
    expect(perRule(variant)).toEqual(perRule(original));
    expect(where(variant)).toEqual(where(original));
  });

  it.each(AGENCIES)('%s: four offices named in the agency’s own words, as many figures as the original', (agency) => {
    const before = parseDraft(NTT);
    const after = parseDraft(rewriteAgency(NTT, agency));
    expect(after.units.map((u) => u.kind)).toEqual(before.units.map((u) => u.kind));
    expect(after.measurements.length).toBe(before.measurements.length);
    expect(after.meta.profile).toBe(agency);
    for (const u of after.units) expect(u.name).not.toMatch(/\bBNN/);
  });

  it('bps: the generic profile, forced, learns the offices from the document and finds the same', () => {
    const variant = lint(rewriteAgency(NTT, 'bps'), { profile: 'generic' });
    expect(perRule(variant)).toEqual(perRule(original));
  });
});

describe('the consistent fixture in other agencies’ vocabularies', () => {
  const before = parseDraft(CONSISTENT);

  it('is consistent as written', () => {
    expect(lint(CONSISTENT)).toEqual([]);
    expect(before.units).toHaveLength(4);
  });

  it.each(AGENCIES)('%s: 4 reporting units, the same measurements, no finding', (agency) => {
    const text = rewriteAgency(CONSISTENT, agency);
    const doc = parseDraft(text);
    expect(doc.units).toHaveLength(4);
    expect(doc.units.map((u) => u.kind)).toEqual(before.units.map((u) => u.kind));
    expect(doc.measurements.length).toBe(before.measurements.length);
    expect(lint(text)).toEqual([]);
  });

  it('bps: unit names follow the profile’s template', () => {
    const doc = parseDraft(rewriteAgency(CONSISTENT, 'bps'));
    expect(doc.units.map((u) => u.name)).toEqual(['BPS Provinsi Tanjung Meranti', 'BPS Kabupaten Sungai Rotan', 'BPS Kota Meranti', 'BPS Kabupaten Bukit Kenari']);
  });

  it('kemenag: the draft calls its indicators IKU, and its IKU count is checked', () => {
    const text = rewriteAgency(CONSISTENT, 'kemenag');
    expect(parseDraft(text).meta.indicatorAcronym).toBe('IKU');
    const wrong = text.replace('6 (enam) Indikator Kinerja Utama', '7 (tujuh) Indikator Kinerja Utama');
    expect(wrong).not.toBe(text);
    const messages = lint(wrong);
    expect(messages.map((m) => m.ruleId)).toEqual(['count-claim']);
    expect(messages[0]?.message).toContain('IKU');
  });

  it('a report whose PK lists IKK still leaves its agency’s IKU count alone', () => {
    const text = CONSISTENT.replace('6 (enam) Indikator Kinerja Kegiatan', '6 (enam) Indikator Kinerja Kegiatan dan 9 (sembilan) Indikator Kinerja Utama');
    expect(text).not.toBe(CONSISTENT);
    expect(lint(text)).toEqual([]);
  });
});

/**
 * The rename a user makes by hand: only the agency's words change (office prefixes and the
 * agency's name), a column still headed by the old office acronym and the places as they were.
 */
function renameByHand(text: string): string {
  return text
    .replace(/BNNP /g, 'BPS Provinsi ')
    .replace(/BNNK /g, 'BPS Kabupaten ')
    .replace(/Badan Narkotika Nasional/g, 'Badan Pusat Statistik')
    .replace(/BADAN NARKOTIKA NASIONAL/g, 'BADAN PUSAT STATISTIK')
    .replace(/\bBNN\b/g, 'BPS');
}

describe('office names renamed by hand, a leftover acronym as a column header', () => {
  it('the NTT fixture gives the same findings per rule, on the same lines', () => {
    const renamed = renameByHand(NTT);
    expect(renamed).toMatch(/^No\tBNNK\tTarget/m);
    expect(perRule(lint(renamed))).toEqual(perRule(lint(NTT)));
    expect(where(lint(renamed))).toEqual(where(lint(NTT)));
  });

  it('the consistent fixture reads four offices and the same figures, and stays clean', () => {
    const renamed = renameByHand(CONSISTENT);
    const doc = parseDraft(renamed);
    expect(doc.units).toHaveLength(4);
    expect(doc.measurements).toHaveLength(parseDraft(CONSISTENT).measurements.length);
    expect(lint(renamed).filter((m) => m.ruleId !== null)).toEqual([]);
  });
});
