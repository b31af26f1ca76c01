import type { UiWords } from '../i18n.ts';
import { Dialog } from './Dialog.tsx';

export type ReplaceChoice = 'save' | 'discard' | 'cancel';

/** Asked before a draft with unsaved changes is replaced by another (a file, the example, a compare cell). */
export function ReplaceDialog({ words, name, canSave, onChoose }: { words: UiWords; name: string; canSave: boolean; onChoose(choice: ReplaceChoice): void }) {
  const w = words.replace;
  return (
    <Dialog
      title={w.title}
      testId="replace-dialog"
      onCancel={() => onChoose('cancel')}
      actions={
        <>
          <button type="button" className="primary" data-testid="replace-save" onClick={() => onChoose('save')} autoFocus>
            {canSave ? w.save : w.download}
          </button>
          <button type="button" data-testid="replace-discard" onClick={() => onChoose('discard')}>
            {w.discard}
          </button>
          <button type="button" data-testid="replace-cancel" onClick={() => onChoose('cancel')}>
            {w.cancel}
          </button>
        </>
      }
    >
      <p>{w.body(name)}</p>
    </Dialog>
  );
}
