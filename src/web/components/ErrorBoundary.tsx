import { Button } from '@fluentui/react-components';
import type { ErrorInfo, ReactNode } from 'react';
import { Component } from 'react';
import { ErrorMessage } from './ErrorMessage';

interface Props {
  readonly children: ReactNode;
  /** Changing it clears a caught error (for example on navigation). */
  readonly resetKey?: string;
}

interface State {
  readonly error: Error | null;
  readonly resetKey: string | undefined;
}

/** Never a blank screen: a view that fails to render shows what happened and a way on. */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: Error): Partial<State> {
    return { error };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey !== state.resetKey ? { error: null, resetKey: props.resetKey } : null;
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('View failed to render', error, info.componentStack);
  }

  override render() {
    if (!this.state.error) return this.props.children;
    const chunk = /dynamically imported module|Loading chunk|Importing a module script failed/i.test(this.state.error.message);
    return (
      <div role="group" aria-label="Error">
        <ErrorMessage
          title="This page could not be shown"
          message={
            chunk
              ? 'Part of Service Desk could not be downloaded. Check your connection, then reload.'
              : `Something went wrong while showing this page: ${this.state.error.message}. Your other work is safe.`
          }
        />
        <Button onClick={() => window.location.reload()}>Reload Service Desk</Button>
      </div>
    );
  }
}
