import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { PanelApp } from '../../../src/renderer/panel/PanelApp';
import { appStatus, entityView, installFakeBridge, withInstances } from '../fake-bridge';

const home = appStatus({
  key: 'first',
  name: 'Home',
  connection: { state: 'connected', since: Date.now(), haVersion: '2024.1.6' },
  instance: { origin: 'http://home.lan:8123', locationName: 'Home' },
});
const cabin = appStatus({
  key: 'cabin',
  name: 'Cabin',
  connection: { state: 'connected', since: Date.now(), haVersion: '2026.2.0' },
  instance: { origin: 'http://cabin.lan:8123', locationName: 'Cabin' },
});
const onFloor = (floor: string, floorOrder: number) => ({ floor, floorOrder });
// The same entity id in both homes: each row is its own instance's.
const homeEntities = [
  { ...entityView('light.porch', 'on', { friendly_name: 'Porch' }), ...onFloor('Ground', 0) },
  { ...entityView('light.desk', 'off', { friendly_name: 'Desk' }), ...onFloor('Upstairs', 1) },
];
const cabinEntities = [
  { ...entityView('light.porch', 'off', { friendly_name: 'Cabin porch' }), ...onFloor('Deck', 0) },
];
const settings = withInstances([
  {
    key: 'first',
    name: 'Home',
    favourites: [{ entityId: 'light.porch' }, { entityId: 'light.desk' }],
  },
  { key: 'cabin', origin: 'http://cabin.lan:8123', favourites: [{ entityId: 'light.porch' }] },
]);

function setup() {
  const fake = installFakeBridge(home, settings, homeEntities, {
    cabin: { status: cabin, entities: cabinEntities },
  });
  render(<PanelApp />);
  return { ...fake, user: userEvent.setup() };
}

/** The list's sections as text: a heading per line, indented by level, then its rows. */
function outline(): string[] {
  const list = screen.getByRole('list', { name: 'Favourites' });
  return [...list.querySelectorAll('h2, h3, li[data-roving-row]')].map((node) =>
    node.tagName === 'LI'
      ? `    ${node.getAttribute('aria-label')}`
      : `${node.tagName === 'H2' ? '' : '  '}${node.textContent}`,
  );
}

describe('the panel with several Home Assistants', () => {
  it('groups the favourites by Home Assistant, each with its connection, floors inside', async () => {
    setup();
    await waitFor(() =>
      expect(outline()).toEqual([
        'Home',
        '  Ground',
        '    Porch: On',
        '  Upstairs',
        '    Desk: Off',
        'Cabin',
        '    Cabin porch: Off',
      ]),
    );
    const list = screen.getByRole('list', { name: 'Favourites' });
    const cabinGroup = within(list).getByRole('list', { name: 'Cabin' });
    expect(within(cabinGroup.parentElement!).getByRole('status')).toHaveTextContent('Connected');
    expect(screen.getByRole('heading', { level: 1, name: 'Favourites' })).toBeInTheDocument();
  });

  it('names a group by its settings while its status is still on its way', async () => {
    const fake = installFakeBridge(home, settings, homeEntities, {
      cabin: { status: cabin, entities: cabinEntities },
    });
    fake.api.getStatus.mockImplementation((key: string) =>
      key === 'cabin' ? new Promise(() => undefined) : Promise.resolve({ ok: true, value: home }),
    );
    render(<PanelApp />);
    await waitFor(() => expect(outline()).toContain('    Cabin porch: Off'));
    expect(outline()).toContain('cabin.lan');
  });

  it('acts on the favourite’s own Home Assistant', async () => {
    const { api, user } = setup();
    await user.click(await screen.findByRole('switch', { name: 'Cabin porch' }));
    expect(api.actOnEntity).toHaveBeenLastCalledWith('cabin', {
      entityId: 'light.porch',
      action: { kind: 'primary' },
    });
    await user.click(screen.getByRole('switch', { name: 'Porch' }));
    expect(api.actOnEntity).toHaveBeenLastCalledWith('first', {
      entityId: 'light.porch',
      action: { kind: 'primary' },
    });
  });

  it('while one is down, only its controls are disabled, its group saying why', async () => {
    const { emit } = setup();
    const cabinSwitch = await screen.findByRole('switch', { name: 'Cabin porch' });
    act(() =>
      emit(
        'status',
        { ...cabin, connection: { state: 'reconnecting', attempt: 2, nextRetryAt: Date.now() } },
        'cabin',
      ),
    );
    await waitFor(() => expect(cabinSwitch).toBeDisabled());
    expect(screen.getByRole('switch', { name: 'Porch' })).toBeEnabled();
    const cabinGroup = screen.getByRole('list', { name: 'Cabin' }).parentElement!;
    expect(within(cabinGroup).getByRole('status')).toHaveTextContent('Reconnecting');
    expect(screen.getByText(/its favourites show their last known states/)).toBeInTheDocument();
  });

  it('moves through both groups with the arrow keys', async () => {
    const { user } = setup();
    await waitFor(() => expect(outline()).toHaveLength(7));
    const rows = screen
      .getAllByRole('listitem')
      .filter((row) => row.hasAttribute('data-roving-row'));
    rows[0]!.focus();
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(rows[2]).toHaveFocus();
    expect(rows[2]).toHaveAccessibleName('Cabin porch: Off');
  });
});
