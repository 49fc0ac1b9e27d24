import { act, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Slider } from '../../../src/renderer/components/controls/Slider';
import { SETTLE_MS } from '../../../src/renderer/components/controls/useCommitOnRelease';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

function setup(props: Partial<React.ComponentProps<typeof Slider>> = {}) {
  const onCommit = vi.fn();
  const outerKeys = vi.fn();
  const ui = (more: Partial<React.ComponentProps<typeof Slider>> = {}) => (
    <div onKeyDown={(e) => outerKeys(e.key)}>
      <Slider
        label="Kitchen lights brightness"
        value={50}
        onCommit={onCommit}
        {...props}
        {...more}
      />
      <button type="button">next</button>
    </div>
  );
  const view = render(ui());
  const slider = screen.getByRole('slider', { name: 'Kitchen lights brightness' });
  const rerender = (value: number, pending: boolean) => view.rerender(ui({ value, pending }));
  return { onCommit, outerKeys, slider, view, rerender };
}

function press(target: Element, ...keys: string[]) {
  for (const key of keys) {
    fireEvent.keyDown(target, { key });
    fireEvent.keyUp(target, { key });
  }
}

describe('Slider', () => {
  it('ten key presses are one commit, SETTLE_MS after the last, with the value shown', () => {
    const { onCommit, slider } = setup();
    act(() => slider.focus());
    press(slider, ...Array<string>(10).fill('ArrowRight'));
    expect(slider).toHaveValue('60');
    act(() => vi.advanceTimersByTime(SETTLE_MS - 1));
    expect(onCommit).not.toHaveBeenCalled();
    act(() => vi.advanceTimersByTime(1));
    expect(onCommit.mock.calls).toEqual([[60]]);
  });

  it('keeps ArrowUp and ArrowDown to itself: they change the value and do not reach the list', () => {
    const { onCommit, outerKeys, slider } = setup();
    act(() => slider.focus());
    press(slider, 'ArrowUp', 'ArrowUp', 'ArrowDown');
    expect(slider).toHaveValue('51');
    expect(outerKeys).not.toHaveBeenCalled();
    act(() => vi.advanceTimersByTime(SETTLE_MS));
    expect(onCommit.mock.calls).toEqual([[51]]);
  });

  it('commits at once when focus leaves, and only once', () => {
    const { onCommit, slider } = setup();
    act(() => slider.focus());
    press(slider, 'ArrowLeft', 'ArrowLeft', 'ArrowLeft');
    act(() => screen.getByRole('button', { name: 'next' }).focus());
    expect(onCommit.mock.calls).toEqual([[47]]);
    act(() => vi.advanceTimersByTime(SETTLE_MS * 2));
    expect(onCommit).toHaveBeenCalledOnce();
  });

  it('commits at once when the pointer lets go', () => {
    const { onCommit, view } = setup();
    const track = view.container.querySelector('.slider-track')!;
    track.getBoundingClientRect = () => ({ left: 0, width: 100, top: 0, height: 10 }) as DOMRect;
    const at = { pointerId: 1, pointerType: 'mouse', button: 0 };
    fireEvent.pointerDown(track, { ...at, clientX: 30, pageX: 30 });
    fireEvent.pointerMove(window, { ...at, clientX: 80, pageX: 80 });
    expect(onCommit).not.toHaveBeenCalled();
    fireEvent.pointerUp(window, { ...at, clientX: 80, pageX: 80 });
    expect(onCommit).toHaveBeenCalledOnce();
    expect(onCommit.mock.calls[0]![0]).toBe(80);
  });

  it('keeps showing the chosen value while pending, and takes Home Assistant’s value after', () => {
    const { slider, rerender } = setup({ pending: false });
    act(() => slider.focus());
    press(slider, 'ArrowRight');
    act(() => vi.advanceTimersByTime(SETTLE_MS));
    rerender(50, true);
    expect(slider).toHaveValue('51');
    expect(slider).toHaveAccessibleDescription('Waiting for Home Assistant…');
    rerender(51, false);
    expect(slider).toHaveValue('51');
    rerender(40, false);
    expect(slider).toHaveValue('40');
  });

  it('when disabled says why', () => {
    const { slider } = setup({ disabled: true, reason: 'Not connected to Home Assistant' });
    expect(slider).toBeDisabled();
    expect(slider).toHaveAccessibleDescription('Not connected to Home Assistant');
  });
});
