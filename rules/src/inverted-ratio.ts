import { defineRule, type FixDescriptor, type ResolvedConfig, type Tolerance } from '@lkip/engine';
import type { Fraction, LkipDocument, Measurement, Quantity } from '@lkip/schema';
import { indicatorLabel, placeNote, unitName } from './support/describe.js';
import { figureText } from './support/figures.js';
import { fractionOrientation, type FractionOrientation, type SwappedPair } from './support/fraction-orientation.js';

interface SwappedFraction {
  fraction: Fraction;
  orientation: FractionOrientation;
}

function findSwapped(doc: LkipDocument, context: { config: ResolvedConfig; tolerance: Tolerance }): SwappedFraction[] {
  const out: SwappedFraction[] = [];
  for (const fraction of doc.fractions) {
    const orientation = fractionOrientation(doc, fraction, context.config, context.tolerance.mode);
    if (orientation.swappedByResult || orientation.swappedByIndicator) out.push({ fraction, orientation });
  }
  return out;
}

/** "3 Kab/Kota" keeps its unit words: only the numbers trade places. */
function numberPart(q: Quantity): string {
  const number = /[-–−]?\s*\d[\d.,]*/.exec(q.raw);
  return number ? number[0] : q.raw;
}

function withNumber(q: Quantity, number: string): string {
  const current = /[-–−]?\s*\d[\d.,]*/.exec(q.raw);
  if (!current) return number;
  return q.raw.slice(0, current.index) + number + q.raw.slice(current.index + current[0].length);
}

function swapEdits(fraction: Fraction): FixDescriptor[] {
  const { numerator, denominator } = fraction;
  return [
    { at: numerator.position, text: withNumber(numerator, numberPart(denominator)) },
    { at: denominator.position, text: withNumber(denominator, numberPart(numerator)) },
  ];
}

function describeFigures(doc: LkipDocument, fraction: Fraction): Record<string, string> {
  const indicator = indicatorLabel(doc, fraction.indicatorId);
  const unit = unitName(doc, fraction.unitId);
  return {
    who: [indicator, unit].filter((s) => s.length > 0).join(', ') || 'Perhitungan Capaian',
    numerator: figureText(fraction.numerator),
    denominator: figureText(fraction.denominator),
    stated: figureText(fraction.stated),
    times: fraction.multiplier === 100 ? ' × 100 %' : '',
  };
}

function subjectOf(doc: LkipDocument, fraction: Fraction): { indicator?: string; unit?: string; role: string; detail: string } {
  const indicator = doc.indicators.find((i) => i.id === fraction.indicatorId);
  const unit = unitName(doc, fraction.unitId);
  return {
    ...(indicator ? { indicator: String(indicator.number ?? indicator.key) } : {}),
    ...(unit ? { unit } : {}),
    role: 'achievement',
    detail: `fraction ${numberPart(fraction.numerator).trim()}/${numberPart(fraction.denominator).trim()}`,
  };
}

function relatedPair(doc: LkipDocument, pair: SwappedPair): { at: Measurement['position']; note: string }[] {
  return [pair.target, pair.realisation].map((m) => ({ at: m.position, note: `${m.role === 'target' ? 'target' : 'realisasi'}: ${placeNote(doc, m.place, m.position.line, m.unitId)}` }));
}

export default defineRule({
  meta: {
    id: 'inverted-ratio',
    family: 'inverted-ratio',
    defaultSeverity: 'error',
    fixable: false,
    hasSuggestions: true,
    docs: {
      description: 'A "Perhitungan Capaian" fraction must not show target over realisation (numerator and denominator swapped)',
      descriptionId: 'Pecahan "Perhitungan Capaian" tidak boleh menampilkan target per realisasi (pembilang dan penyebut tertukar)',
    },
    messages: {
      swappedByResult: {
        en: '{who}: the fraction {numerator} / {denominator}{times} is stated as {stated}, which is {denominator} / {numerator}{times}: numerator and denominator are swapped.',
        id: '{who}: pecahan {numerator} / {denominator}{times} dinyatakan {stated}, padahal itu hasil {denominator} / {numerator}{times}: pembilang dan penyebut tertukar.',
      },
      targetOverRealisation: {
        en: '{who}: the fraction puts the target ({numerator}) over the realisation ({denominator}); achievement is realisation / target.',
        id: '{who}: pecahan menempatkan target ({numerator}) di atas realisasi ({denominator}); capaian adalah realisasi / target.',
      },
      realisationOverTarget: {
        en: '{who}: the fraction puts the realisation ({numerator}) over the target ({denominator}); for this lower-is-better indicator achievement is target / realisation.',
        id: '{who}: pecahan menempatkan realisasi ({numerator}) di atas target ({denominator}); untuk indikator yang makin kecil makin baik, capaian adalah target / realisasi.',
      },
      swap: {
        en: 'Swap numerator and denominator: {denominator} / {numerator}',
        id: 'Tukar pembilang dan penyebut: {denominator} / {numerator}',
      },
    },
  },
  check(doc, context) {
    for (const { fraction, orientation } of findSwapped(doc, context)) {
      const data = describeFigures(doc, fraction);
      const pair = orientation.swappedByIndicator;
      // The stated result is the stronger evidence: it shows which way the writer divided.
      const messageId = orientation.swappedByResult ? 'swappedByResult' : pair?.numerator === 'realisation' ? 'realisationOverTarget' : 'targetOverRealisation';
      context.report({
        at: fraction.position,
        messageId,
        data,
        suggestions: [{ messageId: 'swap', data: { numerator: data.numerator ?? '', denominator: data.denominator ?? '' }, fix: swapEdits(fraction) }],
        ...(pair ? { related: relatedPair(doc, pair) } : {}),
        subject: subjectOf(doc, fraction),
      });
    }
  },
});
