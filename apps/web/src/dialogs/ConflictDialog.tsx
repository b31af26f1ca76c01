import { EditorState } from '@codemirror/state';
import { EditorView, lineNumbers } from '@codemirror/view';
import { useEffect, useRef, useState } from 'react';
import type { UiWords } from '../i18n.ts';
import type { DiskVersion } from '../draft/served.ts';
import { Dialog } from './Dialog.tsx';

export interface ConflictDialogProps {
  words: UiWords;
  name: string;
  disk: DiskVersion;
  /** The editor's text (LF). */
  mine: string;
  /** Drop the edits and load what is on disk. */
  onReload(): void;
  /** Save `text` over the file as it is on disk now (the version the refusal carried). */
  onSave(text: string): void;
  onCancel(): void;
}

/**
 * A save was refused because the file changed on disk since it was opened. Nothing is lost
 * either way: reload what is on disk, overwrite it with the page's text, or look at both side
 * by side, take parts of the disk's version into one's own and save that.
 */
export function ConflictDialog(props: ConflictDialogProps) {
  const { words, name, disk } = props;
  const w = words.conflict;
  const [merging, setMerging] = useState(false);
  const readable = disk.text !== undefined && disk.version !== undefined;
  if (merging && readable) return <MergeDialog {...props} diskText={(disk.text ?? '').replace(/\r\n?/g, '\n')} onBack={() => setMerging(false)} />;
  return (
    <Dialog
      title={w.title}
      testId="conflict-dialog"
      onCancel={props.onCancel}
      actions={
        <>
          {readable ? (
            <button type="button" data-testid="conflict-merge" onClick={() => setMerging(true)} autoFocus>
              {w.sideBySide}
            </button>
          ) : null}
          {readable ? (
            <button type="button" data-testid="conflict-reload" onClick={props.onReload}>
              {w.reload}
            </button>
          ) : null}
          <button type="button" data-testid="conflict-overwrite" onClick={() => props.onSave(props.mine)}>
            {w.overwrite}
          </button>
          <button type="button" data-testid="conflict-cancel" onClick={props.onCancel}>
            {w.cancel}
          </button>
        </>
      }
    >
      <p>{readable ? w.body(name) : w.gone(disk.reason ?? '')}</p>
    </Dialog>
  );
}

function MergeDialog(props: ConflictDialogProps & { diskText: string; onBack(): void }) {
  const w = props.words.conflict;
  const host = useRef<HTMLDivElement>(null);
  const merged = useRef<() => string>(() => props.mine);
  const [ready, setReady] = useState(false);

  useEffect(() => {
    let destroy: (() => void) | undefined;
    let live = true;
    // The diff view is loaded only when someone asks to see both versions.
    void import('@codemirror/merge').then(({ MergeView }) => {
      if (!live || !host.current) return;
      const common = [lineNumbers(), EditorView.lineWrapping, EditorState.lineSeparator.of('\n')];
      const view = new MergeView({
        a: { doc: props.diskText, extensions: [...common, EditorState.readOnly.of(true), EditorView.editable.of(false), EditorView.contentAttributes.of({ 'aria-label': w.onDisk })] },
        b: { doc: props.mine, extensions: [...common, EditorView.contentAttributes.of({ 'aria-label': w.yours })] },
        parent: host.current,
        revertControls: 'a-to-b',
        highlightChanges: true,
        gutter: true,
        collapseUnchanged: { margin: 3, minSize: 8 },
      });
      merged.current = () => view.b.state.doc.toString();
      destroy = () => view.destroy();
      setReady(true);
    });
    return () => {
      live = false;
      destroy?.();
    };
  }, [props.diskText, props.mine, w.onDisk, w.yours]);

  return (
    <Dialog
      title={w.sideBySide}
      testId="conflict-merge-view"
      wide
      onCancel={props.onBack}
      actions={
        <>
          <button type="button" className="primary" data-testid="conflict-save-merged" disabled={!ready} onClick={() => props.onSave(merged.current())}>
            {w.saveMerged}
          </button>
          <button type="button" onClick={props.onBack}>
            {w.cancel}
          </button>
        </>
      }
    >
      <p className="muted small">{w.mergeHint}</p>
      <div className="merge-heads">
        <strong>{w.onDisk}</strong>
        <strong>{w.yours}</strong>
      </div>
      <div className="merge-host" ref={host} />
    </Dialog>
  );
}
