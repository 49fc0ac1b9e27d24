import { render, screen } from '@testing-library/react';
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
});
