import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { FavouritesPage } from '../../../src/renderer/settings/pages/FavouritesPage';
import type { EntityView } from '../../../src/shared/entity-view';
import type { Favourite } from '../../../src/shared/settings';
import { entityView, installFakeBridge } from '../fake-bridge';
import { oneInstance, renderLiveFavouritesPage } from './live-favourites-page';

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
  render(<FavouritesPage {...oneInstance(favourites, entities)} />);
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
    expect(api.updateInstance).toHaveBeenLastCalledWith('first', {
      favourites: [
        { entityId: 'light.kitchen' },
        { entityId: 'lock.front_door' },
        { entityId: 'light.bedroom' },
      ],
    });
    await user.click(screen.getByRole('button', { name: 'Move Front door up' }));
    expect(api.updateInstance).toHaveBeenLastCalledWith('first', {
      favourites: [{ entityId: 'lock.front_door' }, { entityId: 'light.kitchen' }],
    });
    const first = within(screen.getByRole('list', { name: 'Your favourites' })).getAllByRole(
      'listitem',
    )[0]!;
    fireEvent.keyDown(first, { key: 'ArrowDown', altKey: true });
    expect(api.updateInstance).toHaveBeenLastCalledWith('first', {
      favourites: [{ entityId: 'lock.front_door' }, { entityId: 'light.kitchen' }],
    });
    await user.click(screen.getByRole('button', { name: 'Remove Kitchen lights' }));
    expect(api.updateInstance).toHaveBeenLastCalledWith('first', {
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
    expect(api.updateInstance).toHaveBeenLastCalledWith('first', {
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
    expect(api.updateInstance).toHaveBeenLastCalledWith('first', {
      favourites: [{ entityId: 'light.kitchen', label: 'Counter' }],
    });
  });

  it('flags a favourite whose entity disappeared instead of dropping it', () => {
    setup([{ entityId: 'switch.old_plug' }]);
    expect(screen.getByText('Not found in Home Assistant')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Remove switch.old_plug' })).toBeInTheDocument();
  });

  it('flags an unavailable favourite, which the user can still remove', async () => {
    const fake = installFakeBridge();
    const user = userEvent.setup();
    const home = [
      entityView('light.garage', 'unavailable', { friendly_name: 'Garage light' }, 'Garage'),
    ];
    render(<FavouritesPage {...oneInstance([{ entityId: 'light.garage' }], home)} />);
    const row = screen.getByRole('button', { name: 'Remove Garage light' }).closest('li')!;
    expect(within(row).getByText('Unavailable')).toHaveClass('missing-flag');
    expect(row).toHaveTextContent('Light · Garage · Unavailable');
    await user.click(screen.getByRole('button', { name: 'Remove Garage light' }));
    expect(fake.api.updateInstance).toHaveBeenLastCalledWith('first', { favourites: [] });
  });

  it('says what each row is and where, like Home Assistant’s pickers, and the entity id only where nothing else tells two apart', async () => {
    const home = [
      entityView(
        'cover.bedroom_window',
        'closed',
        { friendly_name: 'Bedroom window', device_class: 'window' },
        'Bedroom',
      ),
      entityView(
        'binary_sensor.bedroom_window',
        'off',
        { friendly_name: 'Bedroom window', device_class: 'window' },
        'Bedroom',
      ),
      entityView('switch.plug_1', 'on', { friendly_name: 'Plug' }),
      entityView('switch.plug_2', 'off', { friendly_name: 'Plug' }),
    ];
    installFakeBridge();
    const user = userEvent.setup();
    render(
      <FavouritesPage
        {...oneInstance(
          [{ entityId: 'cover.bedroom_window' }, { entityId: 'binary_sensor.bedroom_window' }],
          home,
        )}
      />,
    );
    // The search's list of everything, as the page shows it once the suggestions are hidden.
    await user.click(screen.getByRole('button', { name: 'Hide suggestions' }));
    const yours = within(screen.getByRole('list', { name: 'Your favourites' }))
      .getAllByRole('listitem')
      .map((li) => li.querySelector('.favourite-state')!.textContent);
    expect(yours).toEqual(['Cover · Bedroom · Closed', 'Binary sensor · Bedroom · Closed']);
    const results = within(screen.getByRole('list', { name: 'Matching entities' }))
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(results).toEqual(['PlugSwitch · switch.plug_1Add', 'PlugSwitch · switch.plug_2Add']);
  });

  it('shows why a change was refused', async () => {
    const { user, api } = setup([]);
    api.updateInstance.mockResolvedValueOnce({
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

const setupLive = (initial: Favourite[], home: EntityView[] = entities) =>
  renderLiveFavouritesPage(initial, home);

describe('FavouritesPage keeps focus in a sensible place', () => {
  it('puts the user’s own list first, its Move and Remove buttons before the search and its results', async () => {
    const { user } = setupLive([{ entityId: 'light.kitchen' }, { entityId: 'lock.front_door' }]);
    expect(
      screen.getAllByRole('heading', { level: 2 }).map((heading) => heading.textContent),
    ).toEqual(['Your favourites', 'Add favourites']);
    // From the top of the page: the first label, then the first favourite's Move down (its Move
    // up is disabled), then its Remove.
    await user.tab();
    expect(screen.getByLabelText('Label for Kitchen lights')).toHaveFocus();
    await user.tab();
    expect(screen.getByRole('button', { name: 'Move Kitchen lights down' })).toHaveFocus();
    await user.tab();
    expect(screen.getByRole('button', { name: 'Remove Kitchen lights' })).toHaveFocus();
    const search = screen.getByLabelText('Search entities');
    const favourites = screen.getByRole('list', { name: 'Your favourites' });
    expect(favourites.compareDocumentPosition(search) & Node.DOCUMENT_POSITION_FOLLOWING).toBe(
      Node.DOCUMENT_POSITION_FOLLOWING,
    );
  });

  it('with no favourites yet, points down to where they are added', () => {
    setupLive([]);
    expect(screen.getByText(/No favourites yet/)).toHaveTextContent(
      'No favourites yet. Find them under “Add favourites” below.',
    );
  });

  it('after Add, on the next result; after the last one, on the search box', async () => {
    const { user } = setupLive([]);
    await user.type(screen.getByLabelText('Search entities'), 'light');
    await user.click(screen.getByRole('button', { name: 'Add Kitchen lights' }));
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Add Bedroom light' })).toHaveFocus(),
    );
    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.getByLabelText('Search entities')).toHaveFocus());
  });

  it('after Remove, on the next favourite, then the one before; after the last, the search box', async () => {
    const { user } = setupLive([
      { entityId: 'light.kitchen' },
      { entityId: 'light.bedroom' },
      { entityId: 'lock.front_door' },
    ]);
    await user.click(screen.getByRole('button', { name: 'Remove Bedroom light' }));
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Remove Front door' })).toHaveFocus(),
    );
    await user.keyboard('{Enter}');
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Remove Kitchen lights' })).toHaveFocus(),
    );
    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.getByLabelText('Search entities')).toHaveFocus());
  });

  it('after a move, on the same button, or its twin once the favourite reaches the top', async () => {
    const { user } = setupLive([{ entityId: 'light.kitchen' }, { entityId: 'lock.front_door' }]);
    await user.click(screen.getByRole('button', { name: 'Move Front door up' }));
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Move Front door down' })).toHaveFocus(),
    );
    await user.click(screen.getByRole('button', { name: 'Move Kitchen lights up' }));
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Move Kitchen lights down' })).toHaveFocus(),
    );
    expect(screen.getAllByRole('textbox').map((box) => box.getAttribute('aria-label'))).toEqual([
      'Label for Kitchen lights',
      'Label for Front door',
    ]);
  });
});

/** A home with floors (Home Assistant 2024.4 on), in Home Assistant's order of floors and areas. */
const GROUND = { floor: 'Ground floor', floorOrder: 0 };
const FIRST = { floor: 'First floor', floorOrder: 1 };
const withFloors = [
  {
    ...entityView('light.kitchen', 'on', { friendly_name: 'Kitchen lights' }, 'Kitchen'),
    areaOrder: 1,
    ...GROUND,
  },
  {
    ...entityView('light.lamp', 'on', { friendly_name: 'Ambient lamp' }, 'Living room'),
    areaOrder: 0,
    ...GROUND,
  },
  {
    ...entityView('light.bedroom', 'off', { friendly_name: 'Bedroom light' }, 'Bedroom'),
    areaOrder: 2,
    ...FIRST,
  },
  {
    ...entityView('cover.garage', 'closed', { friendly_name: 'Garage door' }, 'Garage'),
    areaOrder: 3,
  },
  entityView('sensor.outside', '4', { friendly_name: 'Outside temperature' }),
];

const setupWithFloors = () => setupLive([], withFloors);

/** The results as headings and rows, in the order a screen reader meets them. */
const resultsOutline = () =>
  [
    ...screen
      .getByRole('group', { name: 'Matching entities' })
      .querySelectorAll('h3, h4, [aria-label^="Add "]'),
  ].map((el) =>
    el.tagName === 'BUTTON'
      ? `  ${el.getAttribute('aria-label')}`
      : `${el.tagName} ${el.textContent}`,
  );

describe('FavouritesPage in a home with floors', () => {
  it('groups the results under floor, then area headings, in Home Assistant order, none last', async () => {
    const { user } = setupWithFloors();
    await user.click(screen.getByRole('button', { name: 'Hide suggestions' }));
    expect(resultsOutline()).toEqual([
      'H3 Ground floor',
      'H4 Living room',
      '  Add Ambient lamp',
      'H4 Kitchen',
      '  Add Kitchen lights',
      'H3 First floor',
      'H4 Bedroom',
      '  Add Bedroom light',
      'H3 No floor',
      'H4 Garage',
      '  Add Garage door',
      'H4 No area',
      '  Add Outside temperature',
    ]);
    // Each area's list is named by its heading; rows leave out the place the headings say.
    const kitchen = screen.getByRole('list', { name: 'Kitchen' });
    expect(within(kitchen).getByRole('listitem')).toHaveTextContent(/^Kitchen lightsLightAdd$/);
    expect(screen.getByText(/a heading names the floor/)).toBeInTheDocument();
  });

  it('keeps the floor headings while the search narrows to entities on no floor', async () => {
    const { user } = setupWithFloors();
    await user.type(screen.getByLabelText('Search entities'), 'outside');
    expect(resultsOutline()).toEqual(['H3 No floor', 'H4 No area', '  Add Outside temperature']);
  });

  it('after Add, on the next result as shown (not the next by name), then the one after', async () => {
    const { user, api } = setupWithFloors();
    await user.click(screen.getByRole('button', { name: 'Add Ambient lamp' }));
    // By name, Bedroom light would be next; under the headings it is Kitchen lights.
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Add Kitchen lights' })).toHaveFocus(),
    );
    await user.keyboard('{Enter}');
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Add Bedroom light' })).toHaveFocus(),
    );
    expect(api.updateInstance).toHaveBeenLastCalledWith('first', {
      favourites: [{ entityId: 'light.lamp' }, { entityId: 'light.kitchen' }],
    });
  });

  it('without floors (Home Assistant 2024.1) the results are the one plain list they always were', async () => {
    const { user } = setup([]);
    await user.click(screen.getByRole('button', { name: 'Hide suggestions' }));
    expect(screen.getByRole('list', { name: 'Matching entities' })).toBeInTheDocument();
    expect(screen.queryByRole('group', { name: 'Matching entities' })).toBeNull();
    expect(screen.queryAllByRole('heading', { level: 3 })).toEqual([]);
    expect(screen.queryByText(/a heading names the floor/)).toBeNull();
    expect(
      screen.getByRole('button', { name: 'Add Kitchen lights' }).closest('li'),
    ).toHaveTextContent('Kitchen lightsLight · KitchenAdd');
  });
});
