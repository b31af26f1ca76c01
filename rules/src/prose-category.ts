import { defineRule, hull, lineRef, overlaps, wordRef, type FindingEvidence } from '@lkip/engine';
import type { CategoryStatement, LkipDocument } from '@lkip/schema';
import { labelLike } from './category-mismatch.js';
import { indicatorLabel, indicatorShort, said, unitName } from './support/describe.js';
import { derivationBand, inputOf, measurementAt } from './support/evidence.js';
import { readingsOf } from './support/figures.js';
import { bandOfLabel, bandOverlaps, scaleLabel, scaleRange, scalesFor, type BandRange, type ScaleRanges } from './support/scales.js';
import { indicatorById } from './support/indexes.js';

/**
 * prose-category: a category stated in prose beside its value — this year's or an earlier
 * year's ("Tahun 2023 nilai kinerja anggaran 77.91 indeks berkategori “Baik”") — must be the band
 * of the draft's own scale that the value falls in. category-mismatch judges the tables; earlier
 * years appear only in prose, and a wrong label there is as wrong as in a table.
 */

function bandText(band: BandRange): string {
  const lo = band.band?.min?.raw.trim() ?? String(band.lo);
  const hi = band.band?.max?.raw.trim() ?? String(band.hi);
  if (band.lo === -Infinity) return `${band.hiInclusive ? '≤' : '<'} ${hi}`;
  if (band.hi === Infinity) return `${band.loInclusive ? '≥' : '>'} ${lo}`;
  return `${lo} – ${hi}`;
}

interface Verdict {
  scale: ScaleRanges;
  bands: BandRange[];
}

/** The bands the value falls in on a scale that knows the label, when none of them is the label's. */
function judge(s: CategoryStatement & { value: NonNullable<CategoryStatement['value']> }, scales: ScaleRanges[], of: (q: { value: number; decimals: number }) => { lo: number; hi: number }): Verdict | undefined {
  const interval = readingsOf(s.value).map(of).reduce(hull);
  const applicable = scales.filter((scale) => bandOfLabel(scale, s.label.text) && overlaps(scaleRange(scale), interval));
  let verdict: Verdict | undefined;
  for (const scale of applicable) {
    const stated = bandOfLabel(scale, s.label.text);
    if (stated && bandOverlaps(stated, interval)) return undefined;
    const bands = scale.bands.filter((b) => bandOverlaps(b, interval));
    if (bands.length > 0) verdict ??= { scale, bands };
  }
  return verdict;
}

/**
 * The label stated and the bands its value falls in; when the value is a figure of the model, the
 * label is derived from it: a label that fits the figure the other places state follows from a
 * mistyped value, and joins that value's group.
 */
function evidenceOf(doc: LkipDocument, s: CategoryStatement & { value: NonNullable<CategoryStatement['value']> }, verdict: Verdict): FindingEvidence {
  const evidence: FindingEvidence = {
    stated: { text: s.label.text.trim() },
    expected: { text: verdict.bands.map((b) => b.label).join(' / ') },
    basis: 'rule',
    label: indicatorLabel(doc, s.indicatorId),
    place: [unitName(doc, s.unitId), String(s.year)].filter((w) => w.length > 0).join(', '),
  };
  const measured = measurementAt(doc).get(s.value.position.offset);
  const band = bandOfLabel(verdict.scale, s.label.text);
  if (measured && band) evidence.derivation = { kind: 'category', value: inputOf(doc, measured), band: derivationBand(band) };
  return evidence;
}

export default defineRule({
  meta: {
    id: 'prose-category',
    family: 'category',
    defaultSeverity: 'error',
    fixable: false,
    hasSuggestions: true,
    docs: {
      description: 'A category stated in prose with its value, for this year or an earlier one, must be the band of the draft’s scale that the value falls in',
      descriptionId: 'Kategori yang disebut dalam uraian bersama nilainya, untuk tahun ini maupun tahun sebelumnya, harus sesuai rentang skala draf tempat nilai itu berada',
    },
    messages: {
      mismatch: {
        en: '{indicator}, {year}: the value {value} is labelled “{label}”, but by its scale{scaleLine} it falls in {expected}.',
        id: '{indicator}, tahun {year}: nilai {value} diberi kategori “{label}”, padahal menurut skalanya{scaleLine} termasuk {expected}.',
      },
      useBand: {
        en: 'Change the category to “{band}”.',
        id: 'Ubah kategorinya menjadi “{band}”.',
      },
    },
  },
  check(doc, context) {
    for (const s of doc.categoryStatements) {
      if (!s.value) continue;
      const indicator = indicatorById(doc).get(s.indicatorId);
      if (!indicator) continue;
      const verdict = judge({ ...s, value: s.value }, scalesFor(doc, context.config, indicator), (q) => context.tolerance.of(q));
      if (!verdict) continue;
      const position = verdict.scale.scale?.position;
      context.report({
        at: s.label.position,
        messageId: 'mismatch',
        data: {
          indicator: indicatorShort(doc, s.indicatorId),
          year: s.year,
          value: said(s.value),
          label: s.label.text,
          scale: scaleLabel(verdict.scale.name),
          // The scale's name is its place's note; the message names its line.
          scaleLine: position ? ` (${lineRef(position.line)})` : '',
          expected: verdict.bands.map((b) => `${b.label} (${bandText(b)})`).join(' / '),
        },
        suggestions: verdict.bands.map((b) => ({ messageId: 'useBand', data: { band: b.label }, fix: { at: s.label.position, text: labelLike(b.label, s.label.text) } })),
        ...(position ? { related: [{ at: position, note: `${wordRef('scale')} ${scaleLabel(verdict.scale.name)}, ${lineRef(position.line)}` }] } : {}),
        subject: { indicator: String(indicator.number ?? indicator.key), role: 'category', detail: `prose:${s.year}:${s.label.text.toLowerCase()}` },
        evidence: evidenceOf(doc, { ...s, value: s.value }, verdict),
      });
    }
  },
});
