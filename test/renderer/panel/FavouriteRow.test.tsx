import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { FavouriteRow } from '../../../src/renderer/panel/FavouriteRow';
import { entityView } from '../fake-bridge';

const renderRow = (entity: ReturnType<typeof entityView>) => {
  const act = vi.fn(async () => null);
  render(
    <ul>
      <FavouriteRow entity={entity} act={act} />
    </ul>,
  );
  return act;
};

describe('FavouriteRow controls come from the domain registry', () => {
  it('gives an input_button favourite a Press button, as the tray menu does', async () => {
    const act = renderRow(
      entityView('input_button.doorbell', 'unknown', { friendly_name: 'Bell' }),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Press' }));
    expect(act).toHaveBeenCalledWith({ kind: 'primary' }, false);
  });

  it('gives siren and humidifier favourites the on/off switch', () => {
    renderRow(entityView('siren.hall', 'off', { friendly_name: 'Siren' }));
    expect(screen.getByRole('switch', { name: 'Siren off' })).toBeInTheDocument();
  });

  it("draws a fan's speed slider and a select's options from their domain modules", async () => {
    const act = renderRow(
      entityView('fan.ceiling', 'on', {
        friendly_name: 'Fan',
        supported_features: 1,
        percentage: 33,
      }),
    );
    const speed = screen.getByRole('slider', { name: 'Fan speed' });
    expect(speed).toHaveValue('33');
    fireEvent.change(speed, { target: { value: '67' } });
    expect(act).toHaveBeenCalledWith({ kind: 'set_percentage', percentage: 67 }, false);
    expect(await screen.findByRole('slider', { name: 'Fan speed' })).toHaveValue('67');
  });

  it('lets a select favourite choose among its options', async () => {
    const act = renderRow(
      entityView('select.mode', 'eco', { friendly_name: 'Mode', options: ['eco', 'comfort'] }),
    );
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Mode option' }), 'comfort');
    expect(act).toHaveBeenCalledWith({ kind: 'select_option', option: 'comfort' }, false);
  });
});
