import { act, fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SETTLE_MS } from '../../../src/renderer/components/controls/useCommitOnRelease';
import { FavouriteRow, type RowProps } from '../../../src/renderer/panel/FavouriteRow';
import { entityView } from '../fake-bridge';

afterEach(() => vi.useRealTimers());

type Entity = ReturnType<typeof entityView>;

function renderRow(entity: Entity, props: Partial<RowProps> = {}) {
  const act = vi.fn<RowProps['act']>(async () => null);
  const ui = (next: Entity, more: Partial<RowProps> = {}) => (
    <ul>
      <li>
        <FavouriteRow entity={next} act={act} {...props} {...more} />
      </li>
    </ul>
  );
  const view = render(ui(entity));
  return {
    act,
    rerender: (next: Entity, more?: Partial<RowProps>) => view.rerender(ui(next, more)),
  };
}

const light = (state = 'on', brightness = 128, updated = '1') => ({
  ...entityView('light.kitchen', state, {
    friendly_name: 'Kitchen lights',
    supported_color_modes: ['brightness'],
    brightness,
  }),
  last_updated: updated,
});

describe('FavouriteRow controls come from the domain registry', () => {
  it('gives an input_button favourite a Press button, as the tray menu does', async () => {
    const { act } = renderRow(
      entityView('input_button.doorbell', 'unknown', { friendly_name: 'Bell' }),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Press' }));
    expect(act).toHaveBeenCalledWith({ kind: 'primary' }, false);
  });

  it('gives siren favourites the on/off switch, named by the entity', () => {
    renderRow(entityView('siren.hall', 'off', { friendly_name: 'Siren' }));
    expect(screen.getByRole('switch', { name: 'Siren' })).not.toBeChecked();
  });

  it('lets a select favourite choose among its options', async () => {
    const { act } = renderRow(
      entityView('select.mode', 'eco', { friendly_name: 'Mode', options: ['eco', 'comfort'] }),
    );
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Mode option' }), 'comfort');
    expect(act).toHaveBeenCalledWith({ kind: 'select_option', option: 'comfort' }, false);
  });

  it('shows a thermostat target with its unit', () => {
    renderRow(
      entityView('climate.living', 'heat', {
        friendly_name: 'Thermostat',
        temperature: 21,
        target_temp_step: 0.5,
        min_temp: 7,
        max_temp: 35,
        supported_features: 1,
      }),
    );
    expect(screen.getByRole('textbox', { name: 'Thermostat target temperature' })).toHaveValue(
      '21°C',
    );
    expect(screen.getByText('Heat 21 °C')).toBeInTheDocument();
  });

  it("shows an imperial home's thermostat in °F, with Home Assistant's °F limits", () => {
    // Limits missing, so the entity does not tell its unit: the home's unit system decides.
    const { act: run } = renderRow({
      ...entityView('climate.living', 'heat', {
        friendly_name: 'Thermostat',
        temperature: 70,
        target_temp_step: 1,
        supported_features: 1,
      }),
      temperatureUnit: '°F',
    });
    const target = screen.getByRole('textbox', { name: 'Thermostat target temperature' });
    expect(target).toHaveValue('70°F');
    expect(screen.getByText('Heat 70 °F')).toBeInTheDocument();
    act(() => target.focus());
    fireEvent.keyDown(target, { key: 'End' });
    expect(target).toHaveValue('95°F');
    act(() => target.blur());
    expect(run).toHaveBeenCalledWith({ kind: 'set_temperature', temperature: 95 }, false);
  });
});

describe('FavouriteRow sends what the user chose, once', () => {
  it('10 key presses on a slider are 1 call, with the final value', () => {
    vi.useFakeTimers();
    const { act: run } = renderRow(light('on', 128));
    const slider = screen.getByRole('slider', { name: 'Kitchen lights brightness' });
    act(() => slider.focus());
    for (let i = 0; i < 10; i++) {
      fireEvent.keyDown(slider, { key: 'ArrowRight' });
      fireEvent.keyUp(slider, { key: 'ArrowRight' });
    }
    expect(slider).toHaveValue('60');
    act(() => vi.advanceTimersByTime(SETTLE_MS));
    expect(run.mock.calls).toEqual([[{ kind: 'set_brightness', percent: 60 }, false]]);
  });

  it("a fan's speed slider sends one call when focus leaves it", () => {
    const { act: run } = renderRow(
      entityView('fan.ceiling', 'on', {
        friendly_name: 'Fan',
        supported_features: 1,
        percentage: 33,
      }),
    );
    const speed = screen.getByRole('slider', { name: 'Fan speed' });
    act(() => speed.focus());
    fireEvent.keyDown(speed, { key: 'ArrowUp' });
    fireEvent.keyUp(speed, { key: 'ArrowUp' });
    fireEvent.keyDown(speed, { key: 'ArrowUp' });
    fireEvent.keyUp(speed, { key: 'ArrowUp' });
    act(() => speed.blur());
    expect(run.mock.calls).toEqual([[{ kind: 'set_percentage', percentage: 35 }, false]]);
  });
});

describe('FavouriteRow states are honest', () => {
  it('a switch stays as Home Assistant reports it, pending, until the entity changes', async () => {
    const { act: run, rerender } = renderRow(light('on'));
    let answer: (error: string | null) => void = () => undefined;
    run.mockReturnValueOnce(new Promise((resolve) => (answer = resolve)));
    const toggle = screen.getByRole('switch', { name: 'Kitchen lights' });
    await userEvent.click(toggle);
    expect(run).toHaveBeenCalledWith({ kind: 'primary' }, false);
    expect(toggle).toBeChecked();
    expect(toggle).toHaveAccessibleDescription('Waiting for Home Assistant…');
    rerender(light('off', 128, '2'));
    expect(toggle).not.toBeChecked();
    expect(toggle).not.toHaveAccessibleDescription();
    await act(async () => answer(null));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('says why an action failed (such as no answer in 5 s) and stops waiting', async () => {
    const { act: run } = renderRow(light('on'));
    run.mockResolvedValueOnce('Home Assistant did not answer within 5 s.');
    const toggle = screen.getByRole('switch', { name: 'Kitchen lights' });
    await userEvent.click(toggle);
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Home Assistant did not answer within 5 s.',
    );
    expect(toggle).toBeChecked();
    expect(toggle).not.toHaveAccessibleDescription();
  });

  it('while disconnected the controls are disabled with the reason; the old error clears on reconnect', async () => {
    const { act: run, rerender } = renderRow(light('on'));
    run.mockResolvedValueOnce('The connection to Home Assistant dropped before it answered.');
    await userEvent.click(screen.getByRole('switch', { name: 'Kitchen lights' }));
    await screen.findByRole('alert');
    rerender(light('on'), { disabled: true, reason: 'Not connected to Home Assistant' });
    const toggle = screen.getByRole('switch', { name: 'Kitchen lights' });
    expect(toggle).toBeDisabled();
    expect(toggle).toHaveAccessibleDescription('Not connected to Home Assistant');
    expect(screen.getByRole('slider', { name: 'Kitchen lights brightness' })).toBeDisabled();
    rerender(light('on'), { disabled: false });
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(toggle).toBeEnabled();
  });
});

describe('FavouriteRow asks before unlocking', () => {
  it('moves focus into the step; Escape cancels only the step', async () => {
    const outer = vi.fn();
    const user = userEvent.setup();
    const act = vi.fn<RowProps['act']>(async () => null);
    render(
      <div onKeyDown={(event) => !event.defaultPrevented && outer(event.key)}>
        <FavouriteRow
          entity={entityView('lock.front_door', 'locked', { friendly_name: 'Front door' })}
          act={act}
        />
      </div>,
    );
    const unlock = screen.getByRole('button', { name: 'Unlock…' });
    await user.click(unlock);
    const step = screen.getByRole('alertdialog', { name: 'Unlock Front door?' });
    expect(step).toContainElement(document.activeElement as HTMLElement);
    await user.keyboard('{Escape}');
    expect(outer).not.toHaveBeenCalledWith('Escape');
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(unlock).toHaveFocus();
    expect(act).not.toHaveBeenCalled();
  });
});
