import { useState } from 'react';
import type { UiWords } from '../i18n.ts';
import { Dialog } from './Dialog.tsx';

/** Asks for the reason an `lkip-disable` comment will carry. */
export function IgnoreDialog({ words, message, busy, onApply, onCancel }: { words: UiWords; message: string; busy: boolean; onApply(reason: string): void; onCancel(): void }) {
  const w = words.ignore;
  const [reason, setReason] = useState('');
  return (
    <Dialog
      title={w.title}
      testId="ignore-dialog"
      onCancel={onCancel}
      actions={
        <>
          <button type="submit" form="ignore-form" className="primary" data-testid="ignore-apply" disabled={busy || reason.trim() === ''}>
            {w.apply}
          </button>
          <button type="button" onClick={onCancel}>
            {w.cancel}
          </button>
        </>
      }
    >
      <p className="quoted">{message}</p>
      <form
        id="ignore-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (reason.trim() !== '') onApply(reason);
        }}
      >
        <label className="field">
          {w.reason}
          <input type="text" value={reason} placeholder={w.placeholder} onChange={(e) => setReason(e.target.value)} data-testid="ignore-reason" autoFocus maxLength={200} />
        </label>
      </form>
    </Dialog>
  );
}
