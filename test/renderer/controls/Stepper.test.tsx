import { act, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Stepper } from '../../../src/renderer/components/controls/Stepper';
import { SETTLE_MS } from '../../../src/renderer/components/controls/useCommitOnRelease';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

function setup(props: Partial<React.ComponentProps<typeof Stepper>> = {}) {
  const onCommit = vi.fn();
  const outerKeys = vi.fn();
  render(
    <div onKeyDown={(e) => outerKeys(e.key)}>
      <Stepper
        label="Thermostat target temperature"
        value={21}
        min={7}
        max={35}
        step={0.5}
        formatOptions={{ style: 'unit', unit: 'celsius' }}
        onCommit={onCommit}
        {...props}
      />
      <button type="button">next</button>
    </div>,
  );
  const field = screen.getByRole('textbox', { name: 'Thermostat target temperature' });
  const raise = screen.getByRole('button', { name: /increase/i });
  return { onCommit, outerKeys, field, raise };
}

const click = (button: Element) => {
  fireEvent.pointerDown(button, { pointerId: 1, pointerType: 'mouse', button: 0 });
  fireEvent.pointerUp(button, { pointerId: 1, pointerType: 'mouse', button: 0 });
  fireEvent.click(button);
};

describe('Stepper', () => {
  it('shows the value with its unit', () => {
    const { field } = setup();
    expect(field).toHaveValue('21°C');
  });

  it('ten clicks on + are one commit, SETTLE_MS after the last, with the value shown', () => {
    const { onCommit, field, raise } = setup();
    for (let i = 0; i < 10; i++) click(raise);
    expect(field).toHaveValue('26°C');
    act(() => vi.advanceTimersByTime(SETTLE_MS - 1));
    expect(onCommit).not.toHaveBeenCalled();
    act(() => vi.advanceTimersByTime(1));
    expect(onCommit.mock.calls).toEqual([[26]]);
  });

  it('ArrowUp steps the value and does not reach the list around it; leaving commits at once', () => {
    const { onCommit, outerKeys, field } = setup();
    act(() => field.focus());
    fireEvent.keyDown(field, { key: 'ArrowUp' });
    fireEvent.keyDown(field, { key: 'ArrowUp' });
    expect(field).toHaveValue('22°C');
    expect(outerKeys).not.toHaveBeenCalledWith('ArrowUp');
    act(() => screen.getByRole('button', { name: 'next' }).focus());
    expect(onCommit.mock.calls).toEqual([[22]]);
    act(() => vi.advanceTimersByTime(SETTLE_MS));
    expect(onCommit).toHaveBeenCalledOnce();
  });

  it('when disabled says why', () => {
    const { field } = setup({ disabled: true, reason: 'Not connected to Home Assistant' });
    expect(field).toBeDisabled();
    expect(field).toHaveAccessibleDescription('Not connected to Home Assistant');
  });
});
