import { defineRule, wordRef, type FindingEvidence, type FixDescriptor, type ResolvedConfig, type Tolerance } from '@lkip/engine';
import type { Fraction, LkipDocument, Measurement, Quantity } from '@lkip/schema';
import { indicatorLabel, indicatorShort, placeNote, said, unitName } from './support/describe.js';
import { figureOf } from './support/evidence.js';
import { figureText } from './support/figures.js';
import { fractionOrientation, type FractionOrientation, type SwappedPair } from './support/fraction-orientation.js';
import { indicatorById } from './support/indexes.js';

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
  const indicator = indicatorShort(doc, fraction.indicatorId);
  const unit = unitName(doc, fraction.unitId);
  return {
    who: [indicator, unit].filter((s) => s.length > 0).join(', ') || 'Perhitungan Capaian',
    numerator: said(fraction.numerator),
    denominator: said(fraction.denominator),
    stated: said(fraction.stated),
  };
}

/** The same upside-down fraction written twice is one problem: its figures are the key. */
function evidenceOf(doc: LkipDocument, fraction: Fraction, subject: { indicator?: string; unit?: string }): FindingEvidence {
  return {
    figure: ['fraction', subject.indicator ?? '', subject.unit ?? '', fraction.numerator.value, fraction.denominator.value].join('|'),
    stated: figureOf(fraction.stated),
    basis: 'rule',
    label: indicatorLabel(doc, fraction.indicatorId),
  };
}

function subjectOf(doc: LkipDocument, fraction: Fraction): { indicator?: string; unit?: string; role: string; detail: string } {
  const indicator = (fraction.indicatorId === undefined ? undefined : indicatorById(doc).get(fraction.indicatorId));
  const unit = unitName(doc, fraction.unitId);
  return {
    ...(indicator ? { indicator: String(indicator.number ?? indicator.key) } : {}),
    ...(unit ? { unit } : {}),
    role: 'achievement',
    detail: `fraction ${numberPart(fraction.numerator).trim()}/${numberPart(fraction.denominator).trim()}`,
  };
}

function relatedPair(doc: LkipDocument, pair: SwappedPair): { at: Measurement['position']; note: string }[] {
  return [pair.target, pair.realisation].map((m) => ({ at: m.position, note: `${wordRef(m.role === 'target' ? 'target' : 'realisation')}: ${placeNote(doc, m.place, m.position.line, m.unitId)}` }));
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
        en: '{who}: fraction {numerator} / {denominator} = {stated} is upside down; {stated} is {denominator} / {numerator}.',
        id: '{who}: pecahan {numerator} / {denominator} = {stated} terbalik; {stated} adalah {denominator} / {numerator}.',
      },
      targetOverRealisation: {
        en: '{who}: fraction target {numerator} / realisation {denominator} is upside down; achievement is realisation / target.',
        id: '{who}: pecahan target {numerator} / realisasi {denominator} terbalik; capaian adalah realisasi / target.',
      },
      realisationOverTarget: {
        en: '{who}: fraction realisation {numerator} / target {denominator} is upside down; lower is better here, so achievement is target / realisation.',
        id: '{who}: pecahan realisasi {numerator} / target {denominator} terbalik; indikator ini makin kecil makin baik, capaian adalah target / realisasi.',
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
      const subject = subjectOf(doc, fraction);
      context.report({
        at: fraction.position,
        messageId,
        data,
        suggestions: [{ messageId: 'swap', data: { numerator: figureText(fraction.numerator), denominator: figureText(fraction.denominator) }, fix: swapEdits(fraction) }],
        ...(pair ? { related: relatedPair(doc, pair) } : {}),
        subject,
        evidence: evidenceOf(doc, fraction, subject),
      });
    }
  },
});
