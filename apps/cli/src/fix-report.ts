import { createColors } from 'picocolors';
import type { AppliedFix, Locale } from '@lkip/engine';

/** A draft that fixing changed: its text before and after, and every change made on the way. */
export interface FixedDraft {
  label: string;
  applied: AppliedFix[];
  before: string;
  after: string;
}

export interface FixReportOptions {
  /** --fix-dry-run: nothing was written, so the report is the diff that would be. */
  dryRun: boolean;
  locale: Locale;
  color: boolean;
}

const WORDS = {
  en: {
    changed: (label: string, n: number) => `${label}: ${n} ${n === 1 ? 'figure' : 'figures'} changed by --fix`,
    wouldChange: (label: string, n: number) => `${label}: --fix would change ${n} ${n === 1 ? 'figure' : 'figures'}`,
  },
  id: {
    changed: (label: string, n: number) => `${label}: ${n} angka diubah oleh --fix`,
    wouldChange: (label: string, n: number) => `${label}: --fix akan mengubah ${n} angka`,
  },
} as const;

/**
 * What fixing did, so that no change goes unseen: one line per change (place, old → new, rule)
 * for --fix; for --fix-dry-run the same lines and a unified diff of the draft (jsdiff, loaded only
 * when a run fixes something).
 */
export async function describeFixes(drafts: readonly FixedDraft[], options: FixReportOptions): Promise<string> {
  const c = createColors(options.color);
  const w = WORDS[options.locale];
  let out = '';
  for (const draft of drafts) {
    if (draft.applied.length === 0 && draft.before === draft.after) continue;
    const title = options.dryRun ? w.wouldChange(draft.label, draft.applied.length) : w.changed(draft.label, draft.applied.length);
    out += `${c.bold(title)}\n`;
    const width = Math.max(...draft.applied.map((f) => `${f.line}:${f.column}`.length), 0);
    for (const fix of draft.applied) {
      const change = `${oneLine(fix.old)} → ${c.bold(oneLine(fix.new))}`;
      out += `  ${c.dim(`${fix.line}:${fix.column}`.padEnd(width))}  ${change}  ${c.dim(fix.ruleId ?? '')}\n`;
    }
    if (options.dryRun) out += `\n${await unifiedDiff(draft)}`;
    out += '\n';
  }
  return out;
}

/** A fixed draft with LF line endings in its texts, whatever the draft uses: what the diff shows. */
export function withLf(draft: FixedDraft): FixedDraft {
  const lf = (text: string) => text.replace(/\r\n?/g, '\n');
  return { ...draft, before: lf(draft.before), after: lf(draft.after) };
}

/** The draft's change as `diff -u` prints it, with LF line endings whatever the draft uses. */
async function unifiedDiff(draft: FixedDraft): Promise<string> {
  const { createTwoFilesPatch, FILE_HEADERS_ONLY } = await import('diff');
  const lf = (text: string) => text.replace(/\r\n?/g, '\n');
  // git's a/ and b/ prefixes for a path inside the working directory, so that `git apply` takes it.
  const [from, to] = draft.label.startsWith('/') || draft.label.startsWith('<') ? [draft.label, draft.label] : [`a/${draft.label}`, `b/${draft.label}`];
  const patch = createTwoFilesPatch(from, to, lf(draft.before), lf(draft.after), undefined, undefined, { context: 3, headerOptions: FILE_HEADERS_ONLY });
  return patch.endsWith('\n') ? patch : `${patch}\n`;
}

/** A change that spans lines (a directive removed with its line break) still reads on one line. */
function oneLine(text: string): string {
  return JSON.stringify(text).slice(1, -1).replace(/\\"/g, '"') || '∅';
}
