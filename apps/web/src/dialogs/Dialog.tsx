import { useEffect, useId, useRef, type ReactNode } from 'react';

export interface DialogProps {
  title: string;
  /** Escape, or the browser closing the dialog: the same as the cancel button. */
  onCancel(): void;
  children: ReactNode;
  /** Buttons, in reading order (the first is the default action). */
  actions: ReactNode;
  wide?: boolean;
  testId?: string;
}

/**
 * A modal dialog on the native `<dialog>` element: the browser keeps focus inside it, Escape
 * cancels it, and the page behind is inert for mouse, keyboard and screen readers alike.
 */
export function Dialog({ title, onCancel, children, actions, wide, testId }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className={`modal${wide ? ' wide' : ''}`}
      aria-labelledby={titleId}
      data-testid={testId}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      <h2 id={titleId}>{title}</h2>
      {/* Focusable: a long body scrolls, and keyboard users must be able to scroll it. */}
      <div className="modal-body" tabIndex={0}>
        {children}
      </div>
      <div className="modal-actions">{actions}</div>
    </dialog>
  );
}
