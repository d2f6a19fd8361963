import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

// Catches render failures, mostly a lazy chunk that could not be downloaded (offline, or a new
// deployment replaced it), and offers a reload instead of a blank screen.

interface Props {
  children: ReactNode;
}

interface State {
  failed: boolean;
}

export class ErrorBoundary extends Component<Props, State> {
  override state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error(error, info.componentStack);
  }

  override render(): ReactNode {
    return this.state.failed ? <SectionFailed /> : this.props.children;
  }
}

function SectionFailed() {
  const { t } = useTranslation();
  return (
    <div className="notice notice--error" role="alert">
      <p>{t('app.chunkFailed')}</p>
      <button type="button" className="button button--secondary" onClick={() => location.reload()}>
        {t('app.reload')}
      </button>
    </div>
  );
}
