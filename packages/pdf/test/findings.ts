import { lintDocument } from '@lkip/engine';
import { parseDraft } from '@lkip/parse';
import { rules } from '@lkip/rules';

export interface RuleAgreement {
  rule: string;
  /** Findings of the draft itself. */
  expected: number;
  /** Findings of its PDF. */
  found: number;
  /** Findings of the draft found in the PDF, with the same message. */
  matched: number;
  recall: number;
  /** PDF findings not among the draft's, as a share of the draft's (or their count when it has none). */
  extra: number;
}

/** Findings as rule and message, line numbers taken out: the two texts number their lines differently. */
export function findings(text: string, format: 'markdown' | 'text' = 'markdown'): { rule: string; message: string }[] {
  const doc = parseDraft(text, { format });
  return lintDocument(doc, { rules, text }).map((m) => ({ rule: m.ruleId ?? '(engine)', message: m.message.replace(/\b(baris|line)\s+\d+/g, '$1 N') }));
}

/** Per rule: how many of the draft's findings its PDF gives (same rule, same message), and how many more. */
export function agreement(draft: string, format: 'markdown' | 'text', converted: string): RuleAgreement[] {
  const a = findings(draft, format);
  const b = findings(converted, 'markdown');
  const ids = [...new Set([...a, ...b].map((f) => f.rule))].sort();
  return ids.map((rule) => {
    const want = a.filter((f) => f.rule === rule).map((f) => f.message);
    const left = b.filter((f) => f.rule === rule).map((f) => f.message);
    const found = left.length;
    let matched = 0;
    for (const m of want) {
      const i = left.indexOf(m);
      if (i >= 0) {
        matched++;
        left.splice(i, 1);
      }
    }
    return { rule, expected: want.length, found, matched, recall: want.length === 0 ? 1 : matched / want.length, extra: want.length === 0 ? left.length : left.length / want.length };
  });
}
