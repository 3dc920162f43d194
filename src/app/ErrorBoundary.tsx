import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  children: ReactNode;
  /** Changing the key (e.g. the route) clears the error. */
  resetKey?: string;
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
    if (this.state.error) {
      return (
        <div className="notice notice-error" role="alert">
          <h2>Something went wrong in this lab</h2>
          <p>{this.state.error.message}</p>
          <p>
            Your stored patterns are kept in this browser. <a href="#/">Back to the labs</a> or{' '}
            <button type="button" onClick={() => this.setState({ error: null })}>
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
