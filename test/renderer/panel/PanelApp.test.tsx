import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { SETTLE_MS } from '../../../src/renderer/components/controls/useCommitOnRelease';
import { PanelApp } from '../../../src/renderer/panel/PanelApp';
import { DEFAULT_SETTINGS } from '../../../src/shared/settings';
import { appStatus, entityView, installFakeBridge, withInstance } from '../fake-bridge';

const connected = appStatus({
  connection: { state: 'connected', since: Date.now(), haVersion: '2024.1.6' },
  instance: { origin: 'http://ha', locationName: 'Cottage' },
});
const entities = [
  entityView('light.kitchen', 'on', {
    friendly_name: 'Kitchen lights',
    supported_color_modes: ['brightness'],
    brightness: 128,
  }),
  entityView('lock.front_door', 'locked', { friendly_name: 'Front door' }),
  entityView('sensor.temp', '21.5', { friendly_name: 'Temperature', unit_of_measurement: '°C' }),
  entityView('climate.living_room', 'heat', {
    friendly_name: 'Thermostat',
    temperature: 21,
    target_temp_step: 0.5,
    min_temp: 7,
    max_temp: 35,
    supported_features: 1,
  }),
  entityView('media_player.speaker', 'paused', { friendly_name: 'Speaker' }),
  entityView('cover.blinds', 'open', {
    friendly_name: 'Blinds',
    current_position: 60,
    supported_features: 15,
  }),
];
const favourites = [
  'light.kitchen',
  'lock.front_door',
  'sensor.temp',
  'climate.living_room',
  'media_player.speaker',
  'cover.blinds',
  'switch.gone',
].map((entityId) => ({ entityId }));

function setup(favs = favourites) {
  const fake = installFakeBridge(connected, withInstance({ favourites: favs }), entities);
  const user = userEvent.setup();
  render(<PanelApp />);
  return { ...fake, user };
}

describe('PanelApp', () => {
  it('shows the favourites in order with icons, names, states and the fitting controls', async () => {
    setup();
    const rows = await screen.findAllByRole('listitem');
    expect(rows.map((r) => r.getAttribute('aria-label') ?? r.textContent)).toEqual([
      'Kitchen lights: On',
      'Front door: Locked',
      'Temperature: 21.5 °C',
      'Thermostat: Heat 21 °C',
      'Speaker: Paused',
      'Blinds: Open',
      'switch.gone: Not found in Home Assistant',
    ]);
    expect(screen.getByRole('switch', { name: 'Kitchen lights' })).toBeChecked();
    expect(screen.getByRole('slider', { name: 'Kitchen lights brightness' })).toHaveValue('50');
    expect(screen.getByRole('slider', { name: 'Blinds position' })).toHaveValue('60');
    expect(screen.getByRole('textbox', { name: 'Thermostat target temperature' })).toHaveValue(
      '21°C',
    );
    expect(screen.getByRole('button', { name: 'Play' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Cottage' })).toBeInTheDocument();
  });

  it('shows a toggle pending until Home Assistant answers, then the reason it refused', async () => {
    const { user, api } = setup();
    let reply: (v: unknown) => void = () => undefined;
    api.actOnEntity.mockReturnValueOnce(new Promise((resolve) => (reply = resolve)) as never);
    const toggle = await screen.findByRole('switch', { name: 'Kitchen lights' });
    await user.click(toggle);
    expect(api.actOnEntity).toHaveBeenCalledWith('first', {
      entityId: 'light.kitchen',
      action: { kind: 'primary' },
    });
    expect(toggle).toBeChecked();
    expect(toggle).toHaveAccessibleDescription('Waiting for Home Assistant…');
    await act(async () =>
      reply({ ok: false, error: { code: 'failed', message: 'The light is out of reach.' } }),
    );
    expect(toggle).toBeChecked();
    expect(screen.getByRole('alert')).toHaveTextContent('The light is out of reach.');
  });

  it('asks before unlocking', async () => {
    const { user, api } = setup();
    await user.click(await screen.findByRole('button', { name: 'Unlock…' }));
    expect(api.actOnEntity).not.toHaveBeenCalled();
    expect(screen.getByRole('alertdialog', { name: 'Unlock Front door?' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Unlock' }));
    expect(api.actOnEntity).toHaveBeenCalledWith('first', {
      entityId: 'lock.front_door',
      action: { kind: 'primary' },
      confirmed: true,
    });
  });

  it('Escape on the confirm step cancels the step and leaves the panel open', async () => {
    const { user, api } = setup();
    await user.click(await screen.findByRole('button', { name: 'Unlock…' }));
    expect(screen.getByRole('alertdialog', { name: 'Unlock Front door?' })).toContainElement(
      document.activeElement as HTMLElement,
    );
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(api.closePanel).not.toHaveBeenCalled();
    await user.keyboard('{Escape}');
    expect(api.closePanel).toHaveBeenCalledOnce();
  });

  it('sets the target temperature and the brightness with one call each, when the user lets go', async () => {
    const { api } = setup();
    const field = await screen.findByRole('textbox', { name: 'Thermostat target temperature' });
    const raise = within(field.closest('.stepper')!).getByRole('button', { name: /increase/i });
    const slider = screen.getByRole('slider', { name: 'Kitchen lights brightness' });
    vi.useFakeTimers();
    onTestFinished(() => {
      vi.useRealTimers();
    });
    for (let i = 0; i < 2; i++) {
      fireEvent.pointerDown(raise, { pointerId: 1, pointerType: 'mouse', button: 0 });
      fireEvent.pointerUp(raise, { pointerId: 1, pointerType: 'mouse', button: 0 });
      fireEvent.click(raise);
    }
    expect(field).toHaveValue('22°C');
    act(() => vi.advanceTimersByTime(SETTLE_MS));
    act(() => slider.focus());
    fireEvent.keyDown(slider, { key: 'ArrowRight' });
    fireEvent.keyUp(slider, { key: 'ArrowRight' });
    act(() => slider.blur());
    expect(api.actOnEntity.mock.calls).toEqual([
      [
        'first',
        { entityId: 'climate.living_room', action: { kind: 'set_temperature', temperature: 22 } },
      ],
      ['first', { entityId: 'light.kitchen', action: { kind: 'set_brightness', percent: 51 } }],
    ]);
  });

  it('moves between favourites with the arrow keys and closes on Escape', async () => {
    const { user, api } = setup();
    const rows = await screen.findAllByRole('listitem');
    rows[0]!.focus();
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(rows[1]);
    await user.keyboard('{ArrowUp}{ArrowUp}');
    expect(document.activeElement).toBe(rows[0]);
    await user.keyboard('{Escape}');
    expect(api.closePanel).toHaveBeenCalledOnce();
  });

  it('Space on a row runs its primary action through its control (switch, button, confirm step); Enter on a row is kept for its detail view', async () => {
    const { user, api } = setup();
    const rows = await screen.findAllByRole('listitem');
    rows[4]!.focus();
    await user.keyboard(' ');
    expect(api.actOnEntity).toHaveBeenCalledWith('first', {
      entityId: 'media_player.speaker',
      action: { kind: 'primary' },
    });
    rows[0]!.focus();
    await user.keyboard(' ');
    expect(api.actOnEntity).toHaveBeenLastCalledWith('first', {
      entityId: 'light.kitchen',
      action: { kind: 'primary' },
    });
    rows[1]!.focus();
    await user.keyboard('{Enter}');
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    await user.keyboard(' ');
    expect(screen.getByRole('alertdialog', { name: 'Unlock Front door?' })).toBeInTheDocument();
    expect(api.actOnEntity).toHaveBeenCalledTimes(2);
  });

  it('Enter or Space on a switch toggles it; the arrows on it move to the next row', async () => {
    const { user, api } = setup();
    const rows = await screen.findAllByRole('listitem');
    screen.getByRole('switch', { name: 'Kitchen lights' }).focus();
    await user.keyboard('{Enter}');
    expect(api.actOnEntity).toHaveBeenLastCalledWith('first', {
      entityId: 'light.kitchen',
      action: { kind: 'primary' },
    });
    await user.keyboard('{ArrowDown}');
    expect(rows[1]).toHaveFocus();
  });

  it('offers to remove a favourite Home Assistant no longer has, through the settings', async () => {
    const { user, api } = setup();
    const gone = await screen.findByRole('listitem', {
      name: 'switch.gone: Not found in Home Assistant',
    });
    await user.click(
      within(gone).getByRole('button', { name: 'Remove switch.gone from favourites' }),
    );
    expect(api.updateInstance).toHaveBeenCalledWith('first', {
      favourites: favourites.filter((f) => f.entityId !== 'switch.gone'),
    });
  });

  it('shows an unavailable favourite’s control disabled, saying why', async () => {
    installFakeBridge(connected, withInstance({ favourites: [{ entityId: 'light.porch' }] }), [
      entityView('light.porch', 'unavailable', { friendly_name: 'Porch' }),
    ]);
    render(<PanelApp />);
    const toggle = await screen.findByRole('switch', { name: 'Porch' });
    expect(toggle).toBeDisabled();
    expect(toggle).toHaveAccessibleDescription('Unavailable');
  });

  it('offers a filter above 10 favourites, by name, id or area', async () => {
    const many = Array.from({ length: 11 }, (_, i) =>
      entityView(`switch.s${i}`, 'off', { friendly_name: i === 7 ? 'Garden pump' : `Socket ${i}` }),
    );
    installFakeBridge(
      connected,
      withInstance({ favourites: many.map((e) => ({ entityId: e.entity_id })) }),
      many,
    );
    const user = userEvent.setup();
    render(<PanelApp />);
    const filter = await screen.findByRole('searchbox', { name: 'Filter favourites' });
    await user.type(filter, 'pump');
    expect(screen.getAllByRole('listitem').map((r) => r.getAttribute('aria-label'))).toEqual([
      'Garden pump: Off',
    ]);
    // ArrowDown goes on into the list, as from a combobox; Tab still does too.
    await user.keyboard('{ArrowDown}');
    expect(screen.getByRole('listitem', { name: 'Garden pump: Off' })).toHaveFocus();
    filter.focus();
    await user.clear(filter);
    await user.type(filter, 'nothing like it');
    expect(screen.getByText('No favourite matches “nothing like it”.')).toHaveAttribute(
      'role',
      'status',
    );
  });

  it('has no filter with 10 favourites or fewer', async () => {
    setup();
    await screen.findAllByRole('listitem');
    expect(screen.queryByRole('searchbox')).not.toBeInTheDocument();
  });

  it('leads from the empty state to the favourites editor', async () => {
    const { user, api } = setup([]);
    await user.click(await screen.findByRole('button', { name: 'Choose favourites' }));
    expect(api.openSettings).toHaveBeenCalledWith('favourites');
  });

  it('before a connection exists, opens on "Connect to Home Assistant"', async () => {
    const fake = installFakeBridge(appStatus(), DEFAULT_SETTINGS, []);
    const user = userEvent.setup();
    render(<PanelApp />);
    const connect = await screen.findByRole('button', { name: 'Connect to Home Assistant' });
    await waitFor(() => expect(connect).toHaveFocus());
    await user.keyboard('{Enter}');
    expect(fake.api.openSettings).toHaveBeenCalledWith('connection', 'first');
    expect(screen.getByRole('main')).toHaveTextContent(
      /needs the address of your Home Assistant and a long-lived access token/,
    );
    // Said once, by the body: the header has no status line of its own yet.
    expect(screen.queryByText(/not connected/i)).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Choose favourites' })).not.toBeInTheDocument();
  });

  it('opens with focus on the first favourite, inside the main landmark', async () => {
    setup();
    const rows = await screen.findAllByRole('listitem');
    await waitFor(() => expect(rows[0]).toHaveFocus());
    expect(screen.getByRole('main')).toContainElement(rows[0]!);
  });

  it('leaves ArrowUp and ArrowDown on a slider to the slider', async () => {
    setup();
    const slider = await screen.findByRole('slider', { name: 'Kitchen lights brightness' });
    slider.focus();
    fireEvent.keyDown(slider, { key: 'ArrowDown' });
    expect(slider).toHaveFocus();
  });

  it('while disconnected shows the last known states, dimmed, with the controls disabled and why', async () => {
    installFakeBridge(
      appStatus({
        connection: {
          state: 'reconnecting',
          reason: 'Home Assistant closed the connection',
          attempt: 2,
          nextRetryAt: Date.now() + 3000,
        },
        instance: { origin: 'http://ha', locationName: 'Cottage' },
      }),
      withInstance({ favourites }),
      entities,
    );
    render(<PanelApp />);
    const toggle = await screen.findByRole('switch', { name: 'Kitchen lights' });
    expect(toggle).toBeDisabled();
    expect(toggle).toHaveAccessibleDescription('Not connected to Home Assistant');
    expect(screen.getByRole('slider', { name: 'Kitchen lights brightness' })).toBeDisabled();
    expect(screen.getByRole('group', { name: 'Favourites' })).toHaveAccessibleDescription(
      'Not connected: these are the last known states. The controls come back when HA Tray reconnects.',
    );
    expect(screen.getByRole('list', { name: 'Favourites' })).toHaveClass('favourites-stale');
    expect(screen.getByText('Temperature').closest('li')).toHaveAccessibleName(
      'Temperature: 21.5 °C',
    );
  });

  it('says "Connected" in the header, with the details in the tooltip', async () => {
    setup();
    const line = await within(screen.getByRole('banner')).findByRole('status');
    expect(line).toHaveTextContent(/^Connected$/);
    expect(line).toHaveAttribute('title', 'Connected since just now (Home Assistant 2024.1.6)');
  });
});

describe('PanelApp in a home with floors', () => {
  const GROUND = { floor: 'Ground floor', floorOrder: 0, areaOrder: 0, area: 'Kitchen' };
  const FIRST = { floor: 'First floor', floorOrder: 1, areaOrder: 1, area: 'Bedroom' };
  const home = [
    { ...entityView('light.kitchen', 'on', { friendly_name: 'Kitchen lights' }), ...GROUND },
    { ...entityView('lock.front_door', 'locked', { friendly_name: 'Front door' }), ...GROUND },
    { ...entityView('light.bedroom', 'off', { friendly_name: 'Bedroom light' }), ...FIRST },
    { ...entityView('sensor.temp', '21.5', { friendly_name: 'Temperature' }), ...GROUND },
    entityView('sensor.outside', '4', { friendly_name: 'Outside' }),
  ];
  const setupHome = (ids: string[]) => {
    const fake = installFakeBridge(
      connected,
      withInstance({ favourites: ids.map((entityId) => ({ entityId })) }),
      home,
    );
    render(<PanelApp />);
    return { ...fake, user: userEvent.setup() };
  };
  /** Headings and rows in the order they are read. */
  const outline = () =>
    [...document.querySelectorAll('.favourites h2, .favourites li[aria-label]')].map((el) =>
      el.tagName === 'H2' ? `# ${el.textContent}` : el.getAttribute('aria-label'),
    );

  it('keeps the user’s order and names the floor wherever it changes', async () => {
    const { user } = setupHome([
      'light.kitchen',
      'lock.front_door',
      'light.bedroom',
      'sensor.temp',
      'sensor.outside',
      'switch.gone',
    ]);
    await screen.findByRole('heading', { name: 'First floor' });
    expect(outline()).toEqual([
      '# Ground floor',
      'Kitchen lights: On',
      'Front door: Locked',
      '# First floor',
      'Bedroom light: Off',
      '# Ground floor',
      'Temperature: 21.5',
      '# No floor',
      'Outside: 4',
      'switch.gone: Not found in Home Assistant',
    ]);
    expect(screen.getByRole('list', { name: 'First floor' })).toContainElement(
      screen.getByRole('listitem', { name: 'Bedroom light: Off' }),
    );
    // The arrows move from one floor's favourites to the next as before.
    const front = screen.getByRole('listitem', { name: 'Front door: Locked' });
    front.focus();
    await user.keyboard('{ArrowDown}');
    expect(screen.getByRole('listitem', { name: 'Bedroom light: Off' })).toHaveFocus();
  });

  it('a focused favourite keeps focus when the floors arrive after the states, so Escape still closes', async () => {
    const ids = ['light.kitchen', 'lock.front_door', 'light.bedroom'];
    const unplaced = home.map(
      ({ floor: _floor, area: _area, floorOrder: _f, areaOrder: _a, ...view }) => view,
    );
    const fake = installFakeBridge(
      connected,
      withInstance({ favourites: ids.map((entityId) => ({ entityId })) }),
      unplaced,
    );
    render(<PanelApp />);
    const user = userEvent.setup();
    (await screen.findByRole('listitem', { name: 'Front door: Locked' })).focus();
    act(() => fake.emit('favouriteEntities', home));
    await screen.findByRole('heading', { name: 'First floor' });
    expect(screen.getByRole('listitem', { name: 'Front door: Locked' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(fake.api.closePanel).toHaveBeenCalled();
  });

  it('adds no heading when all the favourites are on one floor', async () => {
    setupHome(['light.kitchen', 'sensor.temp']);
    await screen.findByRole('listitem', { name: 'Temperature: 21.5' });
    expect(screen.queryAllByRole('heading', { level: 2 })).toEqual([]);
    expect(outline()).toEqual(['Kitchen lights: On', 'Temperature: 21.5']);
  });
});
