import { describe, expect, it } from 'vitest';
import type { InstanceTrayInput } from '../../../src/main/tray/instance-tray-model';
import type { MenuItemSpec } from '../../../src/main/tray/tray-host';
import { trayModel, type TrayInput } from '../../../src/main/tray/tray-model';
import type { ConnectionStatus } from '../../../src/shared/connection-status';
import { clickableIds, entityState, instanceInput, instanceStatus, outline } from './tray-values';

const GROUND = { floor: 'Ground floor', floorOrder: 0 };
const FIRST = { floor: 'First floor', floorOrder: 1 };
const RECONNECTING: ConnectionStatus = {
  state: 'reconnecting',
  attempt: 2,
  nextRetryAt: 5_200,
  reason: 'Lost',
};
const NOW = 2_000;

const home = (connection: ConnectionStatus = { state: 'connected', since: 0, haVersion: '1' }) =>
  instanceInput(instanceStatus('home', 'Home', connection), [
    [entityState('light.kitchen', 'on', { friendly_name: 'Kitchen lights' }), { ...GROUND }],
    [entityState('switch.desk', 'on', { friendly_name: 'Desk lamp' }), { ...FIRST }],
  ]);
const cabin = (connection: ConnectionStatus = RECONNECTING) =>
  instanceInput(instanceStatus('cabin', 'Cabin', connection), [
    [entityState('light.kitchen', 'off', { friendly_name: 'Cabin kitchen' })],
    [entityState('sensor.outside', '3', { friendly_name: 'Outside', unit_of_measurement: '°C' })],
  ]);

const model = (instances: InstanceTrayInput[], app: Partial<Omit<TrayInput, 'instances'>> = {}) =>
  trayModel(
    { instances, panelShortcut: null, pausedUntil: null, sensor: null, dark: false, ...app },
    NOW,
  );
const ids = (items: MenuItemSpec[]): string[] =>
  items.flatMap((i) => ('id' in i ? [i.id] : i.type === 'submenu' ? ids(i.submenu) : []));

describe('trayModel with several instances', () => {
  it('groups the favourites by instance in the user’s order, each with its state, floors inside', () => {
    expect(outline(model([home(), cabin()]).items)).toEqual([
      'Home – Connected [disabled]',
      '— Ground floor —',
      '☑ Kitchen lights',
      '-',
      '— First floor —',
      '☑ Desk lamp',
      '-',
      'Cabin – Reconnecting in 4 s [disabled]',
      '☐ Cabin kitchen [disabled]',
      'Outside – 3 °C [disabled]',
      '-',
      'Open panel',
      '▸ Open Home Assistant',
      '  Home',
      '  Cabin',
      '▸ Pause notifications',
      '  For an hour',
      '  Until tomorrow morning',
      'Settings…',
      'Reconnect now',
      '-',
      'Quit HA Tray',
    ]);
    const reordered = outline(model([cabin(), home()]).items);
    expect(reordered.filter((line) => line.includes(' – ') && line.endsWith('[disabled]'))[0]).toBe(
      'Cabin – Reconnecting in 4 s [disabled]',
    );
  });

  it('keys each favourite by its instance, so the same entity id in two homes stays two items', () => {
    const items = ids(model([home(), cabin()]).items);
    expect(items).toContain('fav:home:light.kitchen');
    expect(items).toContain('fav:cabin:light.kitchen');
    expect(items).toContain('open-ha:home');
    expect(items).toContain('open-ha:cabin');
  });

  it('an instance not set up yet: its name and "Not set up", no favourites, nothing to open', () => {
    const unset = instanceInput(
      instanceStatus('cabin', 'Home Assistant', { state: 'not_configured' }, null),
      [[entityState('light.porch', 'on')]],
    );
    const { items } = model([home(), unset]);
    expect(outline(items)).toContain('Home Assistant – Not set up [disabled]');
    expect(ids(items)).not.toContain('fav:cabin:light.porch');
    expect(clickableIds(items)).not.toContain('open-ha:cabin');
    // Nothing of it is down: there is nothing to reconnect.
    expect(ids(items)).not.toContain('reconnect');
  });

  it('offers Reconnect now while any saved instance is down, and not while all are connected', () => {
    expect(ids(model([home(), cabin()]).items)).toContain('reconnect');
    expect(ids(model([home(), cabin(home().status.connection)]).items)).not.toContain('reconnect');
  });

  it('names the instance whose token is due, and opens its Token page', () => {
    const due = instanceInput(instanceStatus('cabin', 'Cabin'), [], {
      reminder: { attention: true, menuLine: 'Token is 97 days old - Rotate…' },
    });
    const result = model([home(), due]);
    expect(result.items).toContainEqual({
      type: 'normal',
      id: 'rotate:cabin',
      label: '⚠ Cabin: Token is 97 days old - Rotate…',
    });
    expect(result.icon.attention).toBe(true);
  });

  it.each<[string, ConnectionStatus['state'][], string]>([
    ['connecting beats connected', ['connected', 'reconnecting'], 'connecting'],
    ['disconnected beats connecting', ['reconnecting', 'offline'], 'disconnected'],
    ['a refused token beats disconnected', ['offline', 'auth_failed'], 'error'],
    ['a ban beats connected', ['connected', 'banned'], 'error'],
    ['one not set up does not count', ['connected', 'not_configured'], 'connected'],
    ['nor while another connects', ['not_configured', 'connecting'], 'connecting'],
    ['none set up: disconnected', ['not_configured', 'not_configured'], 'disconnected'],
  ])('shows the worst state in the icon: %s', (_, states, icon) => {
    const status = (state: ConnectionStatus['state']): ConnectionStatus =>
      state === 'connected'
        ? { state, since: 0, haVersion: '1' }
        : state === 'reconnecting'
          ? RECONNECTING
          : state === 'auth_failed'
            ? { state, message: 'x' }
            : ({ state } as ConnectionStatus);
    const instances = states.map((state, i) =>
      instanceInput(instanceStatus(`i${i}`, `Home ${i}`, status(state))),
    );
    expect(model(instances).icon.name).toBe(icon);
  });

  it('names the instance that is down first in the tooltip, a line per instance', () => {
    expect(model([home(), cabin()]).tooltip).toBe(
      'HA Tray – Cabin: Reconnecting in 4 s\nHA Tray – Home: Connected',
    );
    expect(model([home(), cabin(home().status.connection)]).tooltip).toBe(
      'HA Tray – Home: Connected\nHA Tray – Cabin: Connected',
    );
  });

  it('reads the tray sensor from its own instance, and shows it only while that one is connected', () => {
    const homeOutside = instanceInput(instanceStatus('home', 'Home'), [
      [
        entityState('sensor.outside', '21', {
          friendly_name: 'Outside',
          unit_of_measurement: '°C',
        }),
      ],
    ]);
    const sensor = { instance: 'cabin', entityId: 'sensor.outside' };
    const up = model([homeOutside, cabin(homeOutside.status.connection)], { sensor });
    expect(up.title).toBe('3 °C');
    expect(up.tooltip.split('\n')[0]).toBe('Outside: 3 °C');
    const down = model([homeOutside, cabin()], { sensor });
    expect(down.title).toBe('');
    expect(down.tooltip).not.toContain('Outside');
    expect(model([homeOutside, cabin()], { sensor: { ...sensor, instance: 'gone' } }).title).toBe(
      '',
    );
  });
});
