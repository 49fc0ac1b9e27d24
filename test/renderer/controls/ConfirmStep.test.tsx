import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { ConfirmStep } from '../../../src/renderer/components/controls/ConfirmStep';

function Row({
  onConfirm,
  onPanelKey,
}: {
  onConfirm: () => void;
  onPanelKey: (k: string) => void;
}) {
  const [asking, setAsking] = useState(false);
  return (
    <div onKeyDown={(e) => onPanelKey(e.key)}>
      <button type="button" onClick={() => setAsking(true)}>
        Unlock…
      </button>
      {asking && (
        <ConfirmStep
          question="Unlock Front door?"
          confirmLabel="Unlock"
          onConfirm={onConfirm}
          onCancel={() => setAsking(false)}
        />
      )}
    </div>
  );
}

function setup() {
  const onConfirm = vi.fn();
  const onPanelKey = vi.fn();
  const user = userEvent.setup();
  render(<Row onConfirm={onConfirm} onPanelKey={onPanelKey} />);
  return { onConfirm, onPanelKey, user };
}

describe('ConfirmStep', () => {
  it('moves focus to Cancel when it appears, and confirms with its own button', async () => {
    const { onConfirm, user } = setup();
    await user.click(screen.getByRole('button', { name: 'Unlock…' }));
    const step = screen.getByRole('alertdialog', { name: 'Unlock Front door?' });
    expect(screen.getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await user.tab();
    await user.keyboard('{Enter}');
    expect(onConfirm).toHaveBeenCalledOnce();
    expect(step).toBeInTheDocument();
  });

  it('Escape cancels only the step, not the panel, and focus goes back to the opener', async () => {
    const { onConfirm, onPanelKey, user } = setup();
    const opener = screen.getByRole('button', { name: 'Unlock…' });
    await user.click(opener);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(onPanelKey).not.toHaveBeenCalledWith('Escape');
    expect(opener).toHaveFocus();
    expect(onConfirm).not.toHaveBeenCalled();
  });
});
