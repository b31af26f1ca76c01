import { defaultKeymap, history, historyKeymap, isolateHistory } from '@codemirror/commands';
import { lintGutter, setDiagnostics } from '@codemirror/lint';
import { gotoLine, openSearchPanel, search, searchKeymap } from '@codemirror/search';
import { Annotation, ChangeSet, EditorSelection, EditorState, StateEffect, StateField, type ChangeDesc, type Extension, type TransactionSpec } from '@codemirror/state';
import {
  EditorView,
  drawSelection,
  highlightActiveLine,
  highlightActiveLineGutter,
  highlightSpecialChars,
  keymap,
  lineNumbers,
} from '@codemirror/view';
import type { LintFix } from '@lkip/engine';
import type { Span } from '../findings/model.ts';
import { toDiagnostics, type FindingActions } from './diagnostics.ts';
import type { Finding } from '../findings/model.ts';
import { textChanges } from './text-diff.ts';

/** Marks edits the viewer makes itself (fix all): they arrive with their own findings. */
const alreadyLinted = Annotation.define<boolean>();
/** The findings now shown were computed for the document as it is in this transaction. */
const lintBaseline = StateEffect.define<null>();

/**
 * Every edit since the shown findings were computed. Findings keep the offsets of the text
 * they were computed for; mapping through these edits finds their figures now, and tells
 * whether a figure itself was edited (then its fix no longer applies).
 */
const editsSinceLint = StateField.define<ChangeDesc>({
  create: (state) => ChangeSet.empty(state.doc.length).desc,
  update(value, tr) {
    if (tr.effects.some((e) => e.is(lintBaseline))) return ChangeSet.empty(tr.state.doc.length).desc;
    return tr.docChanged ? value.composeDesc(tr.changes.desc) : value;
  },
});

export interface DraftEditorEvents {
  /** The user (or a single fix) changed the text; `linted` is true for fix-all, which brings its findings. */
  onChange(linted: boolean): void;
}

/** The CodeMirror side of the viewer: the draft, its diagnostics, selections and fixes. */
export class DraftEditor {
  readonly view: EditorView;

  constructor(
    parent: HTMLElement,
    private readonly events: DraftEditorEvents,
    /** The editor's accessible name. */
    private readonly label = 'draft',
  ) {
    this.view = new EditorView({ parent, state: this.createState('') });
  }

  private createState(text: string): EditorState {
    return EditorState.create({ doc: text, extensions: this.extensions() });
  }

  private extensions(): Extension[] {
    return [
      // The draft is LF text already (CRLF is split off and restored on save, as the CLI does);
      // a stray CR must stay a character so offsets match the linter's.
      EditorState.lineSeparator.of('\n'),
      lineNumbers(),
      highlightActiveLineGutter(),
      highlightSpecialChars(),
      history(),
      drawSelection(),
      highlightActiveLine(),
      EditorView.lineWrapping,
      lintGutter(),
      editsSinceLint,
      // Find / replace (Ctrl+F, F3) and go to line, as in code editors; Ctrl+G goes to a line
      // as in VS Code (the search keymap binds it to "find next", which F3 also does).
      search({ top: true }),
      keymap.of([{ key: 'Mod-g', run: gotoLine, preventDefault: true }, ...searchKeymap, ...defaultKeymap, ...historyKeymap]),
      // tabindex: the editable text is focusable anyway; said explicitly, checkers (axe's
      // scrollable-region-focusable) see that its scroller can be reached by keyboard.
      EditorView.contentAttributes.of({ 'aria-label': this.label, spellcheck: 'false', 'data-testid': 'editor', tabindex: '0' }),
      EditorView.domEventHandlers({
        // A file dropped on the text opens it (handled by the page); CodeMirror would paste it.
        drop: (event) => (event.dataTransfer?.files.length ?? 0) > 0,
      }),
      EditorView.updateListener.of((update) => {
        if (!update.docChanged) return;
        this.events.onChange(update.transactions.some((tr) => tr.annotation(alreadyLinted) === true));
      }),
    ];
  }

  /** A new draft: new history, no findings. */
  load(text: string): void {
    this.view.setState(this.createState(text));
  }

  text(): string {
    return this.view.state.doc.toString();
  }

  /** Where the cursor is (the head of the main selection). */
  cursor(): number {
    return this.view.state.selection.main.head;
  }

  /** Opens the find / replace panel (Ctrl+F). */
  openSearch(): void {
    openSearchPanel(this.view);
  }

  /** Opens the go-to-line prompt (Ctrl+G). */
  goToLinePrompt(): void {
    gotoLine(this.view);
  }

  /**
   * Replaces a range of `base` (a text the editor held) as its own undo step; false when the
   * text changed since `base` was read (the range would land elsewhere).
   */
  applyEdit(base: string, edit: { from: number; to: number; insert: string }): boolean {
    if (this.text() !== base) return false;
    this.view.dispatch({
      changes: edit,
      selection: EditorSelection.single(edit.from + edit.insert.length),
      annotations: isolateHistory.of('full'),
      userEvent: 'input.lkip-edit',
      scrollIntoView: true,
    });
    return true;
  }

  /** Replaces the whole text with `text` as one undo step (a version merged with the one on disk). */
  replaceText(text: string): void {
    this.view.dispatch({ changes: textChanges(this.text(), text), annotations: isolateHistory.of('full'), userEvent: 'input.lkip-merge' });
  }

  /** Shows findings computed for the current text. */
  showFindings(findings: readonly Finding[], actions: FindingActions): void {
    const spec = setDiagnostics(this.view.state, toDiagnostics(findings, actions));
    this.view.dispatch({ effects: [...effectsOf(spec), lintBaseline.of(null)] });
  }

  /** Where a span of the linted text is now; undefined when it was deleted. */
  current(span: Span): Span | undefined {
    const edits = this.view.state.field(editsSinceLint);
    const from = edits.mapPos(span.from, 1);
    const to = Math.max(from, edits.mapPos(span.to, -1));
    return from <= this.view.state.doc.length ? { from, to } : undefined;
  }

  /** The figure was edited since the findings were computed: its fix would no longer be right. */
  edited(span: Span): boolean {
    return this.view.state.field(editsSinceLint).touchesRange(span.from, span.to) !== false;
  }

  /** Selects a figure and scrolls it to the middle of the view. */
  select(span: Span, focus = false): void {
    const at = this.current(span);
    if (!at) return;
    this.view.dispatch({
      selection: EditorSelection.single(at.from, at.to),
      effects: EditorView.scrollIntoView(at.from, { y: 'center' }),
      userEvent: 'select.lkip',
    });
    if (focus) this.view.focus();
  }

  /** Selects the place a 1-based line and column name (a finding opened from the compare view). */
  selectAt(line: number, column: number, focus = false): void {
    const doc = this.view.state.doc;
    if (line < 1 || line > doc.lines) return;
    const at = Math.min(doc.line(line).from + Math.max(0, column - 1), doc.line(line).to);
    this.view.dispatch({ selection: EditorSelection.single(at), effects: EditorView.scrollIntoView(at, { y: 'center' }), userEvent: 'select.lkip' });
    if (focus) this.view.focus();
  }

  /** Applies one engine fix (or a suggestion's); false when its figure was edited meanwhile. */
  applyFix(fix: LintFix): boolean {
    const span = { from: fix.range[0], to: fix.range[1] };
    if (this.edited(span)) return false;
    const at = this.current(span);
    if (!at) return false;
    this.view.dispatch({
      changes: { from: at.from, to: at.to, insert: fix.text },
      selection: EditorSelection.single(at.from, at.from + fix.text.length),
      // Its own undo step, even right after typing.
      annotations: isolateHistory.of('full'),
      userEvent: 'input.lkip-fix',
    });
    return true;
  }

  /**
   * Replaces the text with the fixed draft as one undo step, and shows the findings that come
   * with it (computed for exactly that text, so no re-lint is needed).
   */
  replaceWithFixed(output: string, findings: readonly Finding[], actions: FindingActions): number {
    const changes = textChanges(this.text(), output);
    const spec = setDiagnostics(this.view.state, toDiagnostics(findings, actions));
    this.view.dispatch({
      changes,
      effects: [...effectsOf(spec), lintBaseline.of(null)],
      annotations: [isolateHistory.of('full'), alreadyLinted.of(true)],
      userEvent: 'input.lkip-fix-all',
    });
    return changes.length;
  }

  focus(): void {
    this.view.focus();
  }

  destroy(): void {
    this.view.destroy();
  }
}

function effectsOf(spec: TransactionSpec): StateEffect<unknown>[] {
  const { effects } = spec;
  if (!effects) return [];
  return Array.isArray(effects) ? [...(effects as readonly StateEffect<unknown>[])] : [effects as StateEffect<unknown>];
}
