import { defineRule, hull, lineRef, overlaps } from '@lkip/engine';
import type { CategoryStatement } from '@lkip/schema';
import { labelLike } from './category-mismatch.js';
import { indicatorLabel } from './support/describe.js';
import { figureText, readingsOf } from './support/figures.js';
import { bandOfLabel, bandOverlaps, scaleLabel, scaleRange, scalesFor, type BandRange, type ScaleRanges } from './support/scales.js';

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
        en: '{indicator}, {year}: the value {value} is labelled “{label}”, but on the scale {scale} (line {scaleLine}) it falls in {expected}.',
        id: '{indicator}, tahun {year}: nilai {value} diberi kategori “{label}”, padahal menurut skala {scale} (baris {scaleLine}) nilai itu termasuk {expected}.',
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
      const indicator = doc.indicators.find((i) => i.id === s.indicatorId);
      if (!indicator) continue;
      const verdict = judge({ ...s, value: s.value }, scalesFor(doc, context.config, indicator), (q) => context.tolerance.of(q));
      if (!verdict) continue;
      const position = verdict.scale.scale?.position;
      context.report({
        at: s.label.position,
        messageId: 'mismatch',
        data: {
          indicator: indicatorLabel(doc, s.indicatorId),
          year: s.year,
          value: figureText(s.value),
          label: s.label.text,
          scale: scaleLabel(verdict.scale.name),
          scaleLine: position?.line ?? '',
          expected: verdict.bands.map((b) => `${b.label} (${bandText(b)})`).join(' / '),
        },
        suggestions: verdict.bands.map((b) => ({ messageId: 'useBand', data: { band: b.label }, fix: { at: s.label.position, text: labelLike(b.label, s.label.text) } })),
        ...(position ? { related: [{ at: position, note: `skala ${scaleLabel(verdict.scale.name)}, ${lineRef(position.line)}` }] } : {}),
        subject: { indicator: String(indicator.number ?? indicator.key), role: 'category', detail: `prose:${s.year}:${s.label.text.toLowerCase()}` },
      });
    }
  },
});
