import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { FavouritesPage } from '../../../src/renderer/settings/pages/FavouritesPage';
import { SettingsApp } from '../../../src/renderer/settings/SettingsApp';
import { appStatus, entityView, installFakeBridge, withInstances } from '../fake-bridge';

const homeEntities = [
  entityView('light.kitchen', 'on', { friendly_name: 'Kitchen lights' }, 'Kitchen'),
  entityView('lock.front_door', 'locked', { friendly_name: 'Front door' }, 'Hallway'),
];
const cabinEntities = [
  entityView('light.kitchen', 'off', { friendly_name: 'Kitchen lights' }, 'Kitchen'),
  entityView('switch.sauna', 'off', { friendly_name: 'Sauna' }, 'Deck'),
];
const settings = withInstances([
  { key: 'first', name: 'Home', favourites: [{ entityId: 'lock.front_door' }] },
  { key: 'cabin', name: 'Cabin', favourites: [{ entityId: 'switch.sauna' }] },
]);
const lists = new Map([
  ['first', homeEntities],
  ['cabin', cabinEntities],
]);

function setup() {
  const fake = installFakeBridge();
  const user = userEvent.setup();
  render(<FavouritesPage instances={settings.instances} lists={lists} />);
  return { ...fake, user };
}

const results = () =>
  within(screen.getByRole('list', { name: 'Matching entities' }))
    .getAllByRole('listitem')
    .map((row) => row.querySelector('.favourite-name')!.textContent);

describe('the Favourites page with several Home Assistants', () => {
  it('searches all of them and labels each result with the one it is from', async () => {
    const { user } = setup();
    await user.click(screen.getByRole('button', { name: 'Hide suggestions' }));
    await user.type(screen.getByLabelText('Search entities'), 'kitchen');
    expect(results()).toEqual(['Kitchen lightsHome', 'Kitchen lightsCabin']);
    expect(screen.getByRole('button', { name: 'Add Kitchen lights (Cabin)' })).toBeInTheDocument();
  });

  it('adds a result to the favourites of its own Home Assistant', async () => {
    const { api, user } = setup();
    await user.click(screen.getByRole('button', { name: 'Hide suggestions' }));
    await user.type(screen.getByLabelText('Search entities'), 'kitchen');
    await user.click(screen.getByRole('button', { name: 'Add Kitchen lights (Cabin)' }));
    expect(api.updateInstance).toHaveBeenLastCalledWith('cabin', {
      favourites: [{ entityId: 'switch.sauna' }, { entityId: 'light.kitchen' }],
    });
  });

  it('lists the favourites under each one’s name, and changes them in their own', async () => {
    const { api, user } = setup();
    expect(screen.getByRole('heading', { level: 3, name: 'Home' })).toBeInTheDocument();
    const cabinList = screen.getByRole('list', { name: 'Your favourites in Cabin' });
    expect(within(cabinList).getByLabelText('Label for Sauna')).toBeInTheDocument();
    await user.click(within(cabinList).getByRole('button', { name: 'Remove Sauna' }));
    expect(api.updateInstance).toHaveBeenLastCalledWith('cabin', { favourites: [] });
    const homeList = screen.getByRole('list', { name: 'Your favourites in Home' });
    await user.click(within(homeList).getByRole('button', { name: 'Remove Front door' }));
    expect(api.updateInstance).toHaveBeenLastCalledWith('first', { favourites: [] });
  });

  it('the settings window reads each one’s entities, and again when that one’s list changes', async () => {
    window.location.hash = '#/favourites';
    const home = appStatus({ key: 'first', name: 'Home' });
    const { api, emit } = installFakeBridge(home, settings, homeEntities, {
      cabin: { status: appStatus({ key: 'cabin', name: 'Cabin' }), entities: cabinEntities },
    });
    render(<SettingsApp />);
    expect(await screen.findByRole('button', { name: 'Add Kitchen lights (Cabin)' })).toBeDefined();
    expect(api.listEntities).toHaveBeenCalledWith('first');
    expect(api.listEntities).toHaveBeenCalledWith('cabin');
    expect(api.onEntityListChanged).toHaveBeenCalledWith(expect.any(Function), 'cabin');
    const reads = api.listEntities.mock.calls.length;
    act(() => emit('entityListChanged', { size: 3 }, 'cabin'));
    await waitFor(() => expect(api.listEntities).toHaveBeenCalledTimes(reads + 1));
    expect(api.listEntities).toHaveBeenLastCalledWith('cabin');
    window.location.hash = '';
  });
});

describe('the Favourites page with one Home Assistant', () => {
  it('shows no instance names', async () => {
    installFakeBridge();
    const one = withInstances([{ key: 'first', favourites: [{ entityId: 'lock.front_door' }] }]);
    const user = userEvent.setup();
    render(<FavouritesPage instances={one.instances} lists={new Map([['first', homeEntities]])} />);
    expect(screen.getByRole('list', { name: 'Your favourites' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Home Assistant' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Hide suggestions' }));
    expect(results()).toEqual(['Kitchen lights']);
    expect(screen.getByRole('button', { name: 'Add Kitchen lights' })).toBeInTheDocument();
  });
});
