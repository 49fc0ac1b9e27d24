import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { Switch } from '../../../src/renderer/components/controls/Switch';

describe('Switch', () => {
  it('is a named switch that asks for the other state once, by click or Space', async () => {
    const onCommit = vi.fn();
    const user = userEvent.setup();
    render(<Switch label="Kitchen lights" value={true} onCommit={onCommit} />);
    const toggle = screen.getByRole('switch', { name: 'Kitchen lights' });
    expect(toggle).toBeChecked();
    await user.click(toggle);
    expect(onCommit.mock.calls).toEqual([[false]]);
    await user.keyboard(' ');
    expect(onCommit).toHaveBeenCalledTimes(2);
  });

  it('Enter toggles it as Space does, and leaves the other keys to what is around it', async () => {
    const onCommit = vi.fn();
    const around = vi.fn();
    const user = userEvent.setup();
    render(
      <div onKeyDown={(event) => around(event.key)}>
        <Switch label="Kitchen lights" value={false} onCommit={onCommit} />
      </div>,
    );
    screen.getByRole('switch', { name: 'Kitchen lights' }).focus();
    await user.keyboard('{Enter}');
    expect(onCommit.mock.calls).toEqual([[true]]);
    await user.keyboard('{ArrowDown}');
    expect(around.mock.calls).toEqual([['ArrowDown']]);
  });

  it('shows what Home Assistant reports, and says it is waiting while pending', () => {
    const { rerender } = render(
      <Switch label="Kitchen lights" value={false} onCommit={() => undefined} pending />,
    );
    const toggle = screen.getByRole('switch', { name: 'Kitchen lights' });
    expect(toggle).not.toBeChecked();
    expect(toggle).toHaveAccessibleDescription('Waiting for Home Assistant…');
    rerender(<Switch label="Kitchen lights" value={true} onCommit={() => undefined} />);
    expect(toggle).toBeChecked();
    expect(toggle).not.toHaveAccessibleDescription();
  });

  it('draws the knob on the asked side at once while pending; checked stays what Home Assistant reports', async () => {
    const user = userEvent.setup();
    const view = (pending: boolean, value = false) => (
      <Switch label="Kitchen lights" value={value} onCommit={() => undefined} pending={pending} />
    );
    const { rerender, container } = render(view(false));
    const knob = () => container.querySelector('.switch')!.getAttribute('data-on');
    const toggle = screen.getByRole('switch', { name: 'Kitchen lights' });
    await user.click(toggle);
    rerender(view(true));
    expect(knob()).toBe('true');
    expect(toggle).not.toBeChecked();
    // Home Assistant refused (the attempt ends without a change): back to what it reports.
    rerender(view(false));
    expect(knob()).toBeNull();
    rerender(view(true));
    expect(knob()).toBeNull();
  });

  it('when disabled says why and does nothing', async () => {
    const onCommit = vi.fn();
    render(
      <Switch
        label="Kitchen lights"
        value={false}
        onCommit={onCommit}
        disabled
        reason="Not connected to Home Assistant"
      />,
    );
    const toggle = screen.getByRole('switch', { name: 'Kitchen lights' });
    expect(toggle).toBeDisabled();
    expect(toggle).toHaveAccessibleDescription('Not connected to Home Assistant');
    await userEvent.setup().click(toggle);
    expect(onCommit).not.toHaveBeenCalled();
  });
});
