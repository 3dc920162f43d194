import { Component, type ErrorInfo, type ReactNode } from 'react';
import { isLoadError } from './labPages';

interface Props {
  children: ReactNode;
  /** Changing the key (e.g. the route) clears the error. */
  resetKey?: string;
  /** What the visitor keeps, in words, for this lab ('' says nothing). */
  keeps?: string;
  /** Called before "Try again" re-renders (e.g. to load the lab's chunk afresh). */
  onRetry?: () => void;
}

/** Catches a lab's render errors so one broken lab never blanks the page. */
export class ErrorBoundary extends Component<Props, { error: Error | null; key?: string }> {
  override state: { error: Error | null; key?: string } = { error: null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  static getDerivedStateFromProps(props: Props, state: { error: Error | null; key?: string }) {
    if (props.resetKey !== state.key) return { error: null, key: props.resetKey };
    return null;
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error('Engram lab error', error, info.componentStack);
  }

  override render() {
    const { error } = this.state;
    if (error) {
      const loading = isLoadError(error);
      return (
        <div className="notice notice-error" role="alert">
          <h2>{loading ? 'This lab could not be loaded' : 'Something went wrong in this lab'}</h2>
          <p>
            {loading
              ? 'Part of the page did not arrive: the connection may be down, or a new version of Engram was published. Try again once you are online.'
              : error.message}
          </p>
          <p>
            {this.props.keeps ? `${this.props.keeps} ` : ''}
            <a href="#/">Back to the labs</a> or{' '}
            <button
              type="button"
              onClick={() => {
                this.props.onRetry?.();
                this.setState({ error: null });
              }}
            >
              try again
            </button>
            .
          </p>
        </div>
      );
    }
    return this.props.children;
  }
}
