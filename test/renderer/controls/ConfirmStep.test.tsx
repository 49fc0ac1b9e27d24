import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { ConfirmStep } from '../../../src/renderer/components/controls/ConfirmStep';

function Row({
  onConfirm,
  onPanelKey,
  closeOnConfirm = false,
}: {
  onConfirm: () => void;
  onPanelKey: (k: string) => void;
  closeOnConfirm?: boolean;
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
          onConfirm={() => {
            if (closeOnConfirm) setAsking(false);
            onConfirm();
          }}
          onCancel={() => setAsking(false)}
        />
      )}
    </div>
  );
}

function setup(closeOnConfirm = false) {
  const onConfirm = vi.fn();
  const onPanelKey = vi.fn();
  const user = userEvent.setup();
  render(<Row onConfirm={onConfirm} onPanelKey={onPanelKey} closeOnConfirm={closeOnConfirm} />);
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

  it('after confirming, focus goes back to the opener as the step goes away', async () => {
    const { onConfirm, user } = setup(true);
    const opener = screen.getByRole('button', { name: 'Unlock…' });
    await user.click(opener);
    await user.click(screen.getByRole('button', { name: 'Unlock' }));
    expect(onConfirm).toHaveBeenCalledOnce();
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(opener).toHaveFocus();
  });

  it('on a page it says what confirming costs, as the description of the question', () => {
    render(
      <ConfirmStep
        variant="notice"
        question="Revoke 2 tokens?"
        detail="Anything that still uses them loses access to Home Assistant."
        confirmLabel="Revoke"
        onConfirm={vi.fn()}
        onCancel={vi.fn()}
      />,
    );
    const step = screen.getByRole('alertdialog', { name: 'Revoke 2 tokens?' });
    expect(step).toHaveAccessibleDescription(
      'Anything that still uses them loses access to Home Assistant.',
    );
    expect(step).toHaveClass('notice', 'warn');
  });
});
