'use client';

import { type ReactNode, useEffect, useRef } from 'react';

type Props = {
  open: boolean;
  onClose: () => void;
  className: string;
  /** The id of the dialog's heading, or a name when it has none. */
  labelledBy?: string;
  label?: string;
  testId?: string;
  children: ReactNode;
};

/**
 * A modal dialog on the browser's own `<dialog>` (`showModal`): the rest of the page is inert
 * while it is open (the focus stays in it; it starts in its first text box, else on its first
 * control), Escape closes it, the focus goes back where it was,
 * and a click on the backdrop closes it too. Its content is rendered only while open.
 */
export function ModalDialog({ open, onClose, className, labelledBy, label, testId, children }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      // The first text box takes the focus (the palette's), else the dialog's first control does.
      dialog.querySelector<HTMLElement>('input, textarea')?.focus();
    }
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: a click on the backdrop; the keyboard's way out is Escape, handled by the dialog itself.
    <dialog
      ref={ref}
      className={`modal ${className}`}
      aria-labelledby={labelledBy}
      aria-label={label}
      data-testid={testId}
      onClose={onClose}
      onClick={(event) => {
        if (event.target === event.currentTarget) onClose();
      }}
    >
      {open && children}
    </dialog>
  );
}
