import { checkHistory, historyView, sameEntity, type HistoryView } from '@lkip/compare';
import { defineRule } from '@lkip/engine';
import type { LkipDocument } from '@lkip/schema';
import { z } from 'zod';

const Options = z.object({}).strict();
type Options = z.infer<typeof Options>;

// The same earlier filing serves every draft of a run: read its figures once.
const views = new WeakMap<LkipDocument, HistoryView>();

function viewOf(doc: LkipDocument): HistoryView {
  let view = views.get(doc);
  if (!view) {
    view = historyView(doc.source.path ?? '', doc);
    views.set(doc, view);
  }
  return view;
}

// One message per role: the role is a word of the sentence, in the sentence's language.
const MESSAGE_ID = { target: 'target', realisation: 'realisation', achievement: 'achievement' } as const;

/**
 * Every LKIP compares this year with earlier years ("perbandingan realisasi kinerja dengan tahun
 * sebelumnya"). A figure it gives for an earlier year must be what that year's filing states, as
 * XBRL US DQC's prior-period rules hold a filing's prior-period facts against the prior filing.
 * The earlier filings come from `--previous` or `previous` in the config (`context.previous`);
 * without them the rule is silent.
 */
export default defineRule<Options>({
  meta: {
    id: 'history-mismatch',
    family: 'cross-reference',
    defaultSeverity: 'error',
    fixable: false,
    docs: {
      description: "A figure given for an earlier year must be the one that year's filing states",
      descriptionId: 'Angka yang disebut untuk tahun sebelumnya harus sama dengan angka dalam laporan tahun itu',
    },
    messages: {
      target: {
        en: '"{indicator}": the {year} target of {office} is given as {stated}, but the {year} filing ({previous}) states {expected} (line {line}).',
        id: '"{indicator}": target {year} {office} ditulis {stated}, padahal laporan tahun {year} ({previous}) menyatakan {expected} (baris {line}).',
      },
      realisation: {
        en: '"{indicator}": the {year} realisation of {office} is given as {stated}, but the {year} filing ({previous}) states {expected} (line {line}).',
        id: '"{indicator}": realisasi {year} {office} ditulis {stated}, padahal laporan tahun {year} ({previous}) menyatakan {expected} (baris {line}).',
      },
      achievement: {
        en: '"{indicator}": the {year} achievement of {office} is given as {stated}, but the {year} filing ({previous}) states {expected} (line {line}).',
        id: '"{indicator}": capaian {year} {office} ditulis {stated}, padahal laporan tahun {year} ({previous}) menyatakan {expected} (baris {line}).',
      },
    },
    options: Options,
  },
  check(doc, context) {
    if (context.previous.length === 0) return;
    const current = historyView(doc.source.path ?? '', doc);
    if (current.prior.length === 0) return;
    for (const earlier of context.previous) {
      const previous = viewOf(earlier);
      if (!sameEntity(current, previous)) continue;
      for (const finding of checkHistory(current, previous, { rounding: context.config.rounding })) {
        const expected = finding.expected[0];
        if (!expected) continue;
        const at = finding.stated;
        context.report({
          at: { line: at.line, column: at.column, endLine: at.endLine, endColumn: at.endColumn, offset: at.offset, endOffset: at.endOffset },
          messageId: MESSAGE_ID[finding.role],
          data: {
            indicator: finding.indicator.name,
            year: finding.year,
            office: at.officeName,
            stated: at.raw,
            previous: previous.file,
            expected: expected.raw,
            line: expected.line,
          },
          subject: { indicator: finding.indicator.number !== null ? String(finding.indicator.number) : finding.indicator.name, unit: at.office, role: finding.role, detail: `history:${finding.year}` },
          evidence: {
            figure: `${finding.indicator.number ?? finding.indicator.name}|${at.office}|${finding.role}|${finding.year}`,
            stated: { text: at.raw, value: at.value, decimals: at.decimals },
            expected: { text: expected.raw, value: expected.value, decimals: expected.decimals },
            basis: 'rule',
            role: finding.role,
          },
        });
      }
    }
  },
});
