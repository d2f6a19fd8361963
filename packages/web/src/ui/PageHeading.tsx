import { type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from '../app/router.tsx';

// The one <h1> of a screen. It names the browser tab and, after a client-side navigation,
// takes focus so screen-reader and keyboard users start at the new content.

interface Props {
  /** Plain text of the heading; also names the browser tab unless `documentTitle` is given. */
  title: string;
  documentTitle?: string;
  children?: ReactNode;
}

export function PageHeading({ title, documentTitle, children }: Props) {
  const { t } = useTranslation();
  const ref = useRef<HTMLHeadingElement>(null);
  const location = useLocation();
  const firstScreen = useRef(location.first);

  useEffect(() => {
    document.title = t('app.pageTitle', { page: documentTitle ?? title });
  }, [t, title, documentTitle]);

  useEffect(() => {
    // The document's first screen: leave focus where the browser put it.
    if (firstScreen.current) return;
    ref.current?.focus();
  }, []);

  return (
    <h1 ref={ref} tabIndex={-1} className="page-heading">
      {children ?? title}
    </h1>
  );
}
