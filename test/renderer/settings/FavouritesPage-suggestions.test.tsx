import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { EntityView } from '../../../src/shared/entity-view';
import type { Favourite } from '../../../src/shared/settings';
import { entityView } from '../fake-bridge';
import { renderLiveFavouritesPage } from './live-favourites-page';

/** A home without floors (Home Assistant 2024.1): one of each kind, and some never suggested. */
const home = [
  entityView('light.kitchen', 'on', { friendly_name: 'Kitchen lights' }, 'Kitchen'),
  entityView('switch.coffee', 'off', { friendly_name: 'Coffee machine' }, 'Kitchen'),
  entityView('cover.blinds', 'open', { friendly_name: 'Blinds' }, 'Living room'),
  entityView('climate.living', 'heat', { friendly_name: 'Thermostat' }, 'Living room'),
  entityView('lock.front', 'locked', { friendly_name: 'Front door' }, 'Hallway'),
  entityView('scene.movie', 'scening', { friendly_name: 'Movie night' }),
  entityView('light.garage', 'unavailable', { friendly_name: 'Garage light' }, 'Garage'),
  entityView('sensor.kitchen_temperature', '21', { friendly_name: 'Temperature' }, 'Kitchen'),
  entityView('binary_sensor.door', 'off', { friendly_name: 'Door' }, 'Hallway'),
  entityView('automation.morning', 'on', { friendly_name: 'Morning' }),
];

const setup = (initial: Favourite[] = [], entities: EntityView[] = home) =>
  renderLiveFavouritesPage(initial, entities);

const suggestions = () => screen.queryByRole('group', { name: 'Suggested favourites' });

/** The suggestions as headings and Add buttons, in the order a screen reader meets them. */
const outline = () =>
  [...suggestions()!.querySelectorAll('h3, h4, button')].map((el) =>
    el.tagName === 'BUTTON'
      ? `  ${el.getAttribute('aria-label')}`
      : `${el.tagName} ${el.textContent}`,
  );

describe('Favourites page: suggestions', () => {
  it('with no favourites, suggests the lights, switches, covers, locks, thermostats and scenes by area', () => {
    setup();
    expect(outline()).toEqual([
      'H3 Hallway',
      '  Add Front door',
      'H3 Kitchen',
      '  Add Coffee machine',
      '  Add Kitchen lights',
      'H3 Living room',
      '  Add Blinds',
      '  Add Thermostat',
      'H3 No area',
      '  Add Movie night',
    ]);
    // Each area's list is named by its heading, and its rows leave the place out.
    const kitchen = within(suggestions()!).getByRole('list', { name: 'Kitchen' });
    expect(within(kitchen).getAllByRole('listitem')[1]).toHaveTextContent(
      /^Kitchen lightsLightAdd$/,
    );
    expect(screen.queryByRole('list', { name: 'Matching entities' })).toBeNull();
    expect(
      screen.getAllByRole('heading', { level: 2 }).map((heading) => heading.textContent),
    ).toEqual(['Your favourites', 'Add favourites']);
  });

  it('adds one with one click, saved as the page saves any favourite, and goes on to the next', async () => {
    const { api, user } = setup([{ entityId: 'lock.front' }]);
    expect(outline()).not.toContain('  Add Front door');
    await user.click(screen.getByRole('button', { name: 'Add Coffee machine' }));
    expect(api.updateInstance).toHaveBeenLastCalledWith('first', {
      favourites: [{ entityId: 'lock.front' }, { entityId: 'switch.coffee' }],
    });
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Add Kitchen lights' })).toHaveFocus(),
    );
    expect(screen.getByLabelText('Label for Coffee machine')).toBeInTheDocument();
    expect(outline()).not.toContain('  Add Coffee machine');
  });

  it('in a home with floors, sits under floor and area headings in Home Assistant’s order', () => {
    const ground = { floor: 'Ground floor', floorOrder: 0 };
    setup(
      [],
      [
        { ...home[0]!, areaOrder: 1, ...ground },
        { ...home[2]!, areaOrder: 0, ...ground },
        { ...home[4]!, areaOrder: 2, floor: 'First floor', floorOrder: 1 },
        home[5]!,
      ],
    );
    expect(outline()).toEqual([
      'H3 Ground floor',
      'H4 Living room',
      '  Add Blinds',
      'H4 Kitchen',
      '  Add Kitchen lights',
      'H3 First floor',
      'H4 Hallway',
      '  Add Front door',
      'H3 No floor',
      'H4 No area',
      '  Add Movie night',
    ]);
  });

  it('hide on request, and come back', async () => {
    const { user } = setup();
    await user.click(screen.getByRole('button', { name: 'Hide suggestions' }));
    expect(suggestions()).toBeNull();
    expect(screen.getByRole('list', { name: 'Matching entities' })).toBeInTheDocument();
    const show = screen.getByRole('button', { name: 'Show suggestions' });
    expect(show).toHaveFocus();
    await user.click(show);
    expect(suggestions()).not.toBeNull();
  });

  it('give way to the search as soon as something is typed', async () => {
    const { user } = setup();
    await user.type(screen.getByLabelText('Search entities'), 'kitchen');
    expect(suggestions()).toBeNull();
    expect(
      within(screen.getByRole('list', { name: 'Matching entities' }))
        .getAllByRole('listitem')
        .map((li) => li.querySelector('.favourite-name')!.textContent),
    ).toEqual(['Coffee machine', 'Kitchen lights', 'Temperature']);
    await user.clear(screen.getByLabelText('Search entities'));
    expect(suggestions()).not.toBeNull();
  });

  it('with five favourites or more the page opens with its plain list, suggestions one click away', async () => {
    const { user } = setup(
      [
        'light.kitchen',
        'switch.coffee',
        'cover.blinds',
        'climate.living',
        'sensor.kitchen_temperature',
      ].map((entityId) => ({ entityId })),
    );
    expect(suggestions()).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Show suggestions' }));
    expect(outline()).toEqual([
      'H3 Hallway',
      '  Add Front door',
      'H3 No area',
      '  Add Movie night',
    ]);
  });

  it('stay while the page is open, as the fifth and later favourites are added', async () => {
    const { user } = setup(
      ['light.kitchen', 'switch.coffee', 'cover.blinds'].map((entityId) => ({ entityId })),
    );
    await user.click(screen.getByRole('button', { name: 'Add Thermostat' }));
    await user.click(screen.getByRole('button', { name: 'Add Front door' }));
    await waitFor(() => expect(outline()).toEqual(['H3 No area', '  Add Movie night']));
  });

  it('none to suggest: the page shows its plain list and no button about suggestions', () => {
    setup(
      [],
      home.filter((entity) => !/^(light|switch|cover|climate|lock|scene)\./.test(entity.entity_id)),
    );
    expect(suggestions()).toBeNull();
    expect(screen.queryByRole('button', { name: /suggestions/ })).toBeNull();
    expect(screen.getByRole('list', { name: 'Matching entities' })).toBeInTheDocument();
  });

  it('past 50, show the first and say how many more the search finds', () => {
    const many = Array.from({ length: 60 }, (_, i) =>
      entityView(`light.l${i}`, 'off', { friendly_name: `Lamp ${i}` }, 'Hall'),
    );
    setup([], many);
    expect(within(suggestions()!).getAllByRole('button')).toHaveLength(50);
    expect(screen.getByText('10 more: search for them.')).toBeInTheDocument();
  });
});
