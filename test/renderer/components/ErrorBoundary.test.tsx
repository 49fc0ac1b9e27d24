import { render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ErrorBoundary } from '../../../src/renderer/components/ErrorBoundary';
import { installFakeBridge } from '../fake-bridge';

function Broken(): never {
  throw new TypeError('cannot read properties of undefined');
}

describe('ErrorBoundary', () => {
  it('shows a sentence and a reload instead of a blank page, and reports the error to main', () => {
    const { api } = installFakeBridge();
    // React logs the caught error to the console as well; that is expected here.
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    render(
      <ErrorBoundary page="panel">
        <Broken />
      </ErrorBoundary>,
    );
    consoleError.mockRestore();
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Something went wrong while showing this page.',
    );
    expect(screen.getByRole('button', { name: 'Reload' })).toBeInTheDocument();
    expect(api.reportPageError).toHaveBeenCalledWith(
      expect.objectContaining({
        page: 'panel',
        kind: 'render',
        message: 'TypeError: cannot read properties of undefined',
      }),
    );
  });
});
