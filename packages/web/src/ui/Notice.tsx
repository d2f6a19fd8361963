import type { ReactNode } from 'react';
import { Icon } from './Icon.tsx';
import { IconAlert, IconCheck, IconInfo, type IconType, IconWarning } from './icons.ts';

// A message on the page about the page: information, a success, a warning or an error. Its
// meaning is in colour, an icon AND its words (never colour alone). An error is announced at
// once (role="alert"); the other tones politely (role="status"). A notice that sits inside a
// live region that is already there, or that is only part of the page's content from the
// start, passes `live={false}` so it is not announced twice or on arrival.

export type NoticeTone = 'info' | 'success' | 'warning' | 'error';

const TONE_ICONS: Record<NoticeTone, IconType> = {
  info: IconInfo,
  success: IconCheck,
  warning: IconWarning,
  error: IconAlert,
};

export interface NoticeProps {
  tone?: NoticeTone;
  /** A short heading in bold before the message. */
  title?: ReactNode;
  /** The message: text, paragraphs or a list. */
  children?: ReactNode;
  /** What the person can do about it (usually a kit Button), below the message. */
  action?: ReactNode;
  /** The live role; by default "alert" for an error and "status" otherwise; false for none. */
  live?: 'status' | 'alert' | false;
  id?: string;
}

export function Notice({ tone = 'info', title, children, action, live, id }: NoticeProps) {
  const role = live === undefined ? (tone === 'error' ? 'alert' : 'status') : live || undefined;
  return (
    <div className={`notice notice--${tone}`} role={role} id={id}>
      <span className="notice__icon">
        <Icon icon={TONE_ICONS[tone]} />
      </span>
      <div className="notice__body">
        {title ? <p className="notice__title">{title}</p> : null}
        {children}
        {action ? <div className="notice__action">{action}</div> : null}
      </div>
    </div>
  );
}

/** A form's alert: a live region that is always on the page (so a refusal shown later is
 *  announced) holding the error notice while there is one. */
export function FormAlert({
  message,
  id,
  children,
}: {
  message?: ReactNode;
  id?: string;
  /** Content of its own (e.g. an ErrorNotice, or field errors a field's aria-describedby names)
   *  instead of `message` in an error Notice; it must not be a live region itself. */
  children?: ReactNode;
}) {
  return (
    <div className="form__alert" role="alert" id={id}>
      {children ??
        (message ? (
          <Notice tone="error" live={false}>
            {message}
          </Notice>
        ) : null)}
    </div>
  );
}
