import { fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { FavouritesPage } from '../../../src/renderer/settings/pages/FavouritesPage';
import type { Favourite } from '../../../src/shared/settings';
import { entityView, installFakeBridge } from '../fake-bridge';

const entities = [
  entityView('light.kitchen', 'on', { friendly_name: 'Kitchen lights' }, 'Kitchen'),
  entityView('light.bedroom', 'off', { friendly_name: 'Bedroom light' }, 'Bedroom'),
  entityView('lock.front_door', 'locked', { friendly_name: 'Front door' }, 'Hallway'),
  entityView(
    'sensor.kitchen_temperature',
    '21',
    { friendly_name: 'Temperature', unit_of_measurement: '°C' },
    'Kitchen',
  ),
];

function setup(favourites: Favourite[]) {
  const fake = installFakeBridge();
  const user = userEvent.setup();
  render(<FavouritesPage favourites={favourites} entities={entities} />);
  return { ...fake, user };
}

describe('FavouritesPage', () => {
  it('searches by name, entity id, area and domain', async () => {
    const { user } = setup([]);
    const results = () =>
      within(screen.getByRole('list', { name: 'Matching entities' }))
        .queryAllByRole('listitem')
        .map((li) => li.textContent);
    const search = screen.getByLabelText('Search entities');
    await user.type(search, 'kitchen');
    expect(results()).toEqual([
      expect.stringContaining('Kitchen lights'),
      expect.stringContaining('Temperature'),
    ]);
    await user.clear(search);
    await user.type(search, 'hallway');
    expect(results()).toEqual([expect.stringContaining('Front door')]);
    await user.clear(search);
    await user.type(search, 'light bed');
    expect(results()).toEqual([expect.stringContaining('Bedroom light')]);
    await user.clear(search);
    await user.type(search, 'lock.front');
    expect(results()).toHaveLength(1);
  });

  it('adds, removes and reorders (buttons and Alt+arrows), saving each change', async () => {
    const { user, api } = setup([{ entityId: 'light.kitchen' }, { entityId: 'lock.front_door' }]);
    await user.click(screen.getByRole('button', { name: 'Add Bedroom light' }));
    expect(api.updateSettings).toHaveBeenLastCalledWith({
      favourites: [
        { entityId: 'light.kitchen' },
        { entityId: 'lock.front_door' },
        { entityId: 'light.bedroom' },
      ],
    });
    await user.click(screen.getByRole('button', { name: 'Move Front door up' }));
    expect(api.updateSettings).toHaveBeenLastCalledWith({
      favourites: [{ entityId: 'lock.front_door' }, { entityId: 'light.kitchen' }],
    });
    const first = within(screen.getByRole('list', { name: 'Your favourites' })).getAllByRole(
      'listitem',
    )[0]!;
    fireEvent.keyDown(first, { key: 'ArrowDown', altKey: true });
    expect(api.updateSettings).toHaveBeenLastCalledWith({
      favourites: [{ entityId: 'lock.front_door' }, { entityId: 'light.kitchen' }],
    });
    await user.click(screen.getByRole('button', { name: 'Remove Kitchen lights' }));
    expect(api.updateSettings).toHaveBeenLastCalledWith({
      favourites: [{ entityId: 'lock.front_door' }],
    });
  });

  it('reorders by drag and drop', () => {
    const { api } = setup([
      { entityId: 'light.kitchen' },
      { entityId: 'lock.front_door' },
      { entityId: 'light.bedroom' },
    ]);
    const items = within(screen.getByRole('list', { name: 'Your favourites' })).getAllByRole(
      'listitem',
    );
    const dataTransfer = { effectAllowed: '' };
    fireEvent.dragStart(items[2]!, { dataTransfer });
    fireEvent.dragOver(items[0]!, { dataTransfer });
    fireEvent.drop(items[0]!, { dataTransfer });
    expect(api.updateSettings).toHaveBeenLastCalledWith({
      favourites: [
        { entityId: 'light.bedroom' },
        { entityId: 'light.kitchen' },
        { entityId: 'lock.front_door' },
      ],
    });
  });

  it('gives a favourite a custom label', async () => {
    const { user, api } = setup([{ entityId: 'light.kitchen' }]);
    const label = screen.getByLabelText('Label for Kitchen lights');
    await user.type(label, 'Counter');
    await user.tab();
    expect(api.updateSettings).toHaveBeenLastCalledWith({
      favourites: [{ entityId: 'light.kitchen', label: 'Counter' }],
    });
  });

  it('flags a favourite whose entity disappeared instead of dropping it', () => {
    setup([{ entityId: 'switch.old_plug' }]);
    expect(screen.getByText('Not in Home Assistant any more')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Remove switch.old_plug' })).toBeInTheDocument();
  });

  it('shows why a change was refused', async () => {
    const { user, api } = setup([]);
    api.updateSettings.mockResolvedValueOnce({
      ok: false,
      error: {
        code: 'invalid_payload',
        message: 'Invalid request updateSettings: too many favourites.',
      },
    } as never);
    await user.click(screen.getByRole('button', { name: 'Add Front door' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('too many favourites');
  });
});
