import { t } from '../i18n';
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { errorMessage } from '../errors';

interface Props {
  /** Which screen this guards, for the message; a new value (another screen) clears a failure. */
  screen: string;
  children: ReactNode;
}

interface State {
  failed: { screen: string; message: string } | null;
}

/**
 * Keeps one screen's failure (a card that cannot be drawn, say) from blanking the window: it says what
 * failed, the rest of the app (navigation, status bar, sync) keeps running, and the queue is untouched.
 */
export class ScreenErrorBoundary extends Component<Props, State> {
  override state: State = { failed: null };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { failed: { screen: '', message: errorMessage(error) } };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    if (state.failed === null) return null;
    if (state.failed.screen === '') return { failed: { ...state.failed, screen: props.screen } };
    return state.failed.screen === props.screen ? null : { failed: null };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error(`The ${this.props.screen} screen failed`, error, info.componentStack);
  }

  override render(): ReactNode {
    const { failed } = this.state;
    if (failed === null) return this.props.children;
    return (
      <section role="alert" className="screen-failed">
        <h2 tabIndex={-1}>{t('shell.failed.title')}</h2>
        <p>{t('shell.failed.what', { reason: failed.message })}</p>
        <p>{t('shell.failed.kept')}</p>
        <button type="button" onClick={() => this.setState({ failed: null })}>
          {t('shell.tryAgain')}
        </button>
      </section>
    );
  }
}
