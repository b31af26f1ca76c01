import type { UiWords } from '../i18n.ts';
import type { TextChange } from '../editor/text-diff.ts';
import { Dialog } from './Dialog.tsx';

/** One change of "fix all" as the preview lists it: the line, and the text around it before and after. */
export interface PreviewChange {
  line: number;
  lead: string;
  removed: string;
  added: string;
  trail: string;
}

const CONTEXT = 40;

/** What each change does to its line, with a little of the line around it for context. */
export function previewChanges(before: string, changes: readonly TextChange[]): PreviewChange[] {
  return changes.map((c) => {
    let line = 1;
    for (let i = before.indexOf('\n'); i !== -1 && i < c.from; i = before.indexOf('\n', i + 1)) line++;
    const lineStart = before.lastIndexOf('\n', c.from - 1) + 1;
    const lineEnd = before.indexOf('\n', c.to) === -1 ? before.length : before.indexOf('\n', c.to);
    const lead = before.slice(Math.max(lineStart, c.from - CONTEXT), c.from);
    const trail = before.slice(c.to, Math.min(lineEnd, c.to + CONTEXT));
    return { line, lead: (c.from - CONTEXT > lineStart ? '…' : '') + lead, removed: before.slice(c.from, c.to), added: c.insert, trail: trail + (c.to + CONTEXT < lineEnd ? '…' : '') };
  });
}

/** "Fix all" shows every change it will make; nothing is written until Apply. */
export function FixAllDialog({ words, changes, onApply, onCancel }: { words: UiWords; changes: readonly PreviewChange[]; onApply(): void; onCancel(): void }) {
  const w = words.fixPreview;
  return (
    <Dialog
      title={w.title(changes.length)}
      testId="fix-all-preview"
      wide
      onCancel={onCancel}
      actions={
        <>
          <button type="button" className="primary" data-testid="fix-all-apply" onClick={onApply} autoFocus>
            {w.apply}
          </button>
          <button type="button" onClick={onCancel}>
            {w.cancel}
          </button>
        </>
      }
    >
      <p className="muted small">{w.note}</p>
      <ol className="fix-preview" data-testid="fix-preview-list">
        {changes.map((c, i) => (
          <li key={i} data-line={c.line}>
            <span className="where">{words.lineOnly(c.line)}</span>
            <span className="change">
              {c.lead}
              <del aria-label={w.before}>{c.removed}</del>
              <ins aria-label={w.after}>{c.added}</ins>
              {c.trail}
            </span>
          </li>
        ))}
      </ol>
    </Dialog>
  );
}
