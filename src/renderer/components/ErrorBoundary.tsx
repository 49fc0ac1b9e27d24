import { Component, type ReactNode } from 'react';
import type { PageError } from '../../shared/page-error';
import { reportPageError } from '../report-errors';

interface Props {
  page: PageError['page'];
  children: ReactNode;
}

/**
 * Catches an error a view throws while drawing: the page shows a sentence and a way on instead of
 * going blank, and main's log gets the error with its stack.
 */
export class ErrorBoundary extends Component<Props, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: unknown): void {
    reportPageError(this.props.page, 'render', error);
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return (
      <div role="alert" className="page-error">
        <p>Something went wrong while showing this page. The error was written to the log.</p>
        <button type="button" onClick={() => window.location.reload()}>
          Reload
        </button>
      </div>
    );
  }
}
