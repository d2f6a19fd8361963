import { type ReactNode, useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { IconButton } from './IconButton.tsx';
import { IconClose } from './icons.ts';

// Sheet / Dialog on the native <dialog> (focus trap, Escape, inert page and backdrop come from
// the browser): a bottom sheet the full width of a phone, a centred dialog on wider screens.
// Controlled: `open` shows it with showModal(); Escape, the close button and a tap on the
// backdrop call `onClose`. `alert` makes it an alertdialog (a decision the person must make).

export interface SheetProps {
  open: boolean;
  onClose: () => void;
  title: ReactNode;
  children: ReactNode;
  /** Actions, stacked full width on phones (put the main one first). */
  footer?: ReactNode;
  alert?: boolean;
  /** Id of the element that describes the dialog (e.g. the body of a warning). */
  describedBy?: string;
}

export function Sheet({ open, onClose, title, children, footer, alert, describedBy }: SheetProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: Escape is handled by the dialog's cancel event
    <dialog
      ref={ref}
      className="sheet"
      role={alert ? 'alertdialog' : undefined}
      aria-labelledby={titleId}
      aria-describedby={describedBy}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      onClick={(event) => {
        if (event.target === event.currentTarget) onClose();
      }}
    >
      {open ? (
        <>
          <div className="sheet__header">
            <h2 id={titleId} className="sheet__title">
              {title}
            </h2>
            <IconButton icon={IconClose} label={t('ui.close')} onClick={onClose} />
          </div>
          <div className="sheet__body">{children}</div>
          {footer ? <div className="sheet__footer">{footer}</div> : null}
        </>
      ) : null}
    </dialog>
  );
}
