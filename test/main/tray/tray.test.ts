import { describe, expect, it, vi } from 'vitest';
import { EntityStore } from '../../../src/main/ha/entity-store';
import type { MenuItemSpec, TrayHost } from '../../../src/main/tray/tray-host';
import type { InstanceTrayInput } from '../../../src/main/tray/instance-tray-model';
import type { TrayActions } from '../../../src/main/tray/tray-clicks';
import type { TrayCommand } from '../../../src/main/tray/tray-item-ids';
import { trayModel, type TrayInput } from '../../../src/main/tray/tray-model';
import { TrayService, TRAY_REBUILD_MS } from '../../../src/main/tray/tray-service';
import type { AppStatus } from '../../../src/shared/app-status';
import type { EntityState } from '../../../src/shared/entity';
import type { EntityPlace } from '../../../src/shared/entity-view';
import type { Favourite } from '../../../src/shared/settings';
import type { ConnectionStatus } from '../../../src/shared/connection-status';
import { READY_TOKEN } from '../../support/token-metadata';
import { clickableIds, entityState as entity } from './tray-values';

const CONNECTED: ConnectionStatus = { state: 'connected', since: 0, haVersion: '2024.1.6' };
const status = (
  connection: ConnectionStatus = CONNECTED,
  instance: AppStatus['instance'] = { origin: 'http://ha.lan:8123', locationName: 'Cottage' },
): AppStatus => ({
  key: 'first',
  name: instance?.locationName ?? 'Home Assistant',
  connection,
  instance,
  token: READY_TOKEN,
  settingsNotice: null,
  startNotice: null,
  lookalike: null,
});
/** The model's input for one instance: what belongs to the instance and what to the app. */
type OneInstance = Partial<Omit<InstanceTrayInput, 'entity'>> &
  Partial<Omit<TrayInput, 'instances'>>;
const input = (overrides: OneInstance = {}, entities: EntityState[] = []): TrayInput => {
  const {
    status: instanceStatus = status(),
    favourites = [],
    placeOf = () => undefined,
    reminder = null,
    ...app
  } = overrides;
  return {
    instances: [
      {
        status: instanceStatus,
        favourites,
        entity: (id) => entities.find((e) => e.entity_id === id),
        placeOf,
        reminder,
      },
    ],
    panelShortcut: 'CommandOrControl+Alt+H',
    pausedUntil: null,
    sensor: null,
    dark: false,
    ...app,
  };
};
const outsideSensor = { instance: 'first', entityId: 'sensor.outside' };
const ids = (items: MenuItemSpec[]) =>
  items.map((i) => (i.type === 'separator' ? '-' : 'id' in i ? i.id : i.label));
const byId = (items: MenuItemSpec[], id: string) =>
  items.find((i) => 'id' in i && i.id === id) as Extract<MenuItemSpec, { id: string }>;

describe('trayModel', () => {
  it('connected, no favourites: status line with the location, no reconnect item', () => {
    const model = trayModel(input(), 0);
    expect(model.icon).toEqual({ name: 'connected', attention: false, dark: false });
    expect(model.tooltip).toBe('HA Tray – Cottage: Connected');
    expect(ids(model.items)).toEqual([
      'status',
      '-',
      'panel',
      'open-ha',
      'Pause notifications',
      'settings',
      '-',
      'quit',
    ]);
    expect(byId(model.items, 'status')).toMatchObject({
      label: 'Cottage – Connected',
      enabled: false,
    });
    expect(byId(model.items, 'panel')).toMatchObject({ accelerator: 'CommandOrControl+Alt+H' });
  });

  it('favourites in the user’s order, each as its domain shows it', () => {
    const favourites: Favourite[] = [
      { entityId: 'light.kitchen', label: 'Kitchen' },
      { entityId: 'switch.desk' },
      { entityId: 'sensor.temp' },
      { entityId: 'scene.movie' },
      { entityId: 'lock.front' },
      { entityId: 'cover.garage' },
      { entityId: 'binary_sensor.door' },
      { entityId: 'light.garden' },
      { entityId: 'light.gone' },
      { entityId: 'media_player.speaker' },
    ];
    const entities = [
      entity('light.kitchen', 'on', { friendly_name: 'Kitchen lights' }),
      entity('switch.desk', 'off', { friendly_name: 'Desk lamp' }),
      entity('sensor.temp', '21.5', {
        friendly_name: 'Living room temperature',
        unit_of_measurement: '°C',
      }),
      entity('scene.movie', 'unknown', { friendly_name: 'Movie night' }),
      entity('lock.front', 'locked', { friendly_name: 'Front door' }),
      entity('cover.garage', 'closed', { friendly_name: 'Garage door', device_class: 'garage' }),
      entity('binary_sensor.door', 'on', { friendly_name: 'Back door', device_class: 'door' }),
      entity('light.garden', 'unavailable', { friendly_name: 'Garden' }),
      entity('media_player.speaker', 'playing', { friendly_name: 'Speaker' }),
    ];
    const { items } = trayModel(input({ favourites }, entities), 0);
    expect(ids(items).slice(2, 12)).toEqual(favourites.map((f) => `fav:first:${f.entityId}`));
    expect(byId(items, 'fav:first:light.kitchen')).toMatchObject({
      type: 'checkbox',
      label: 'Kitchen',
      checked: true,
    });
    expect(byId(items, 'fav:first:switch.desk')).toMatchObject({
      type: 'checkbox',
      label: 'Desk lamp',
      checked: false,
    });
    expect(byId(items, 'fav:first:sensor.temp')).toMatchObject({
      type: 'normal',
      label: 'Living room temperature – 21.5 °C',
    });
    expect(byId(items, 'fav:first:scene.movie')).toMatchObject({ label: '▶ Movie night' });
    expect(byId(items, 'fav:first:lock.front')).toMatchObject({
      label: 'Front door – Locked  (Unlock…)',
    });
    expect(byId(items, 'fav:first:cover.garage')).toMatchObject({
      label: 'Garage door – Closed  (Open…)',
    });
    expect(byId(items, 'fav:first:binary_sensor.door')).toMatchObject({
      label: 'Back door – Open',
    });
    expect(byId(items, 'fav:first:light.garden')).toMatchObject({
      label: 'Garden – Unavailable',
      enabled: false,
    });
    expect(byId(items, 'fav:first:light.gone')).toMatchObject({
      label: 'light.gone – not in Home Assistant',
      enabled: false,
    });
    expect(byId(items, 'fav:first:media_player.speaker')).toMatchObject({
      label: 'Speaker – Playing  (Pause)',
    });
  });

  it('keeps long names whole and shows favourites disabled while disconnected', () => {
    const long = 'A very long friendly name of a light in the far corner of the garden shed';
    const offline = trayModel(
      input({ status: status({ state: 'offline' }), favourites: [{ entityId: 'light.a' }] }, [
        entity('light.a', 'on', { friendly_name: long }),
      ]),
      0,
    );
    expect(byId(offline.items, 'fav:first:light.a')).toMatchObject({ label: long, enabled: false });
    expect(ids(offline.items)).toContain('reconnect');
  });

  it('held back by the crash-loop guard: says so, not "Not set up"', () => {
    const held = { ...status({ state: 'not_configured' }), startNotice: 'Closed 3 times.' };
    const model = trayModel(input({ status: held }), 0);
    expect(byId(model.items, 'status')).toMatchObject({
      label: 'Cottage – Not connecting after repeated crashes',
    });
    expect(model.tooltip).toBe('HA Tray – Cottage: Not connecting after repeated crashes');
  });

  it('reconnecting: counts down and offers Reconnect now', () => {
    const model = trayModel(
      input({
        status: status({ state: 'reconnecting', attempt: 2, nextRetryAt: 5_200, reason: 'x' }),
      }),
      2_000,
    );
    expect(model.icon.name).toBe('connecting');
    expect(byId(model.items, 'status')).toMatchObject({ label: 'Cottage – Reconnecting in 4 s' });
    expect(ids(model.items)).toContain('reconnect');
  });

  it('errors show the error icon; not set up disables Open Home Assistant', () => {
    expect(
      trayModel(input({ status: status({ state: 'auth_failed', message: 'x' }) }), 0).icon.name,
    ).toBe('error');
    expect(trayModel(input({ status: status({ state: 'banned' }) }), 0).icon.name).toBe('error');
    const unset = trayModel(
      input({
        status: status({ state: 'not_configured' }, null),
        favourites: [{ entityId: 'light.a' }],
      }),
      0,
    );
    expect(unset.icon.name).toBe('disconnected');
    expect(byId(unset.items, 'open-ha')).toMatchObject({ enabled: false });
    expect(ids(unset.items)).not.toContain('reconnect');
    expect(ids(unset.items)).not.toContain('fav:first:light.a');
  });

  it('pauses notifications from a submenu, and offers to resume while paused', () => {
    const pause = (items: MenuItemSpec[]) =>
      items.find((i) => i.type === 'submenu') as Extract<MenuItemSpec, { type: 'submenu' }>;
    expect(ids(pause(trayModel(input(), 0).items).submenu)).toEqual([
      'pause-hour',
      'pause-tomorrow',
    ]);
    const paused = pause(
      trayModel(input({ pausedUntil: Date.parse('2026-11-24T07:00:00') }), 0).items,
    );
    expect(paused.label).toMatch(/^Notifications paused until \d/);
    expect(ids(paused.submenu)).toEqual([
      'pause-hour',
      'pause-tomorrow',
      '-',
      'resume-notifications',
    ]);
  });

  it('token due: attention badge and a menu line that opens the token settings', () => {
    const model = trayModel(
      input({ reminder: { attention: true, menuLine: 'Token is 97 days old - Rotate…' } }),
      0,
    );
    expect(model.icon).toEqual({ name: 'connected', attention: true, dark: false });
    expect(byId(model.items, 'rotate')).toMatchObject({
      label: '⚠ Token is 97 days old - Rotate…',
    });
    const quiet = trayModel(input({ reminder: { attention: false, menuLine: null } }), 0);
    expect(ids(quiet.items)).not.toContain('rotate');
  });

  it.each([
    [{ state: 'offline' } as ConnectionStatus, 'Offline'],
    [{ state: 'connecting' } as ConnectionStatus, 'Connecting…'],
    [{ state: 'banned' } as ConnectionStatus, 'Banned by Home Assistant'],
    [{ state: 'auth_failed', message: '' } as ConnectionStatus, 'Token rejected'],
  ])('names %o in the status line', (connection, words) => {
    const model = trayModel(input({ status: status(connection) }), 0);
    expect(byId(model.items, 'status')).toMatchObject({ label: `Cottage – ${words}` });
  });
});

describe('trayModel: the sensor in the tray', () => {
  const outside = entity('sensor.outside', '21.5', {
    unit_of_measurement: '°C',
    friendly_name: 'Outside',
  });

  it('shows the chosen sensor as the title and first tooltip line while connected', () => {
    const model = trayModel(input({ sensor: outsideSensor }, [outside]), 0);
    expect(model.title).toBe('21.5 °C');
    expect(model.tooltip).toBe('Outside: 21.5 °C\nHA Tray – Cottage: Connected');
  });

  it('shows no stale value while disconnected, and nothing for a missing sensor', () => {
    const offline = trayModel(
      input({ sensor: outsideSensor, status: status({ state: 'offline' }) }, [outside]),
      0,
    );
    expect(offline.title).toBe('');
    expect(offline.tooltip).toBe('HA Tray – Cottage: Offline');
    expect(
      trayModel(input({ sensor: { instance: 'first', entityId: 'sensor.gone' } }), 0).title,
    ).toBe('');
  });
});

describe('trayModel: everything in the menu (Linux may never deliver a click)', () => {
  it('offers every tray command as a menu item', () => {
    const commands: TrayCommand[] = [
      'rotate',
      'panel',
      'settings',
      'open-ha',
      'pause-hour',
      'pause-tomorrow',
      'resume-notifications',
      'reconnect',
      'quit',
    ];
    const model = trayModel(
      input({
        status: status({ state: 'offline' }),
        reminder: { attention: true, menuLine: 'Token is 97 days old - Rotate…' },
        pausedUntil: 3_600_000,
      }),
      0,
    );
    expect(clickableIds(model.items)).toEqual(expect.arrayContaining(commands));
  });
});

describe('TrayService', () => {
  function setup() {
    let onItem: (id: string) => void = () => {};
    const host: TrayHost = {
      setIcon: vi.fn(),
      setToolTip: vi.fn(),
      setTitle: vi.fn(),
      setContextMenu: vi.fn(),
      onMenuItem: (listener) => (onItem = listener),
      onClick: vi.fn(),
      getBounds: () => null,
      destroy: vi.fn(),
    };
    const timers: Array<() => void> = [];
    const clock = {
      now: () => 0,
      setTimeout: (fn: () => void) => timers.push(fn),
      clearTimeout: () => undefined,
    };
    const store = new EntityStore();
    store.replace({ 'light.kitchen': { s: 'on', lc: 1 }, 'sensor.other': { s: '1', lc: 1 } });
    const actions: TrayActions = {
      pauseNotifications: vi.fn(),
      resumeNotifications: vi.fn(),
      openTokenSettings: vi.fn(),
      openPanel: vi.fn(),
      openSettings: vi.fn(),
      openHomeAssistant: vi.fn(),
      reconnect: vi.fn(),
      quit: vi.fn(),
      clickFavourite: vi.fn(),
    };
    const tray = new TrayService(host, actions, clock);
    tray.setInstances([{ key: 'first', store }]);
    const flush = () => timers.splice(0).forEach((fn) => fn());
    return { host, store, tray, actions, flush, timers, click: (id: string) => onItem(id) };
  }

  it('rebuilds the menu only when what it shows changed', () => {
    const { host, tray } = setup();
    tray.setStatus('first', status());
    tray.setStatus('first', status());
    expect(host.setContextMenu).toHaveBeenCalledTimes(1);
    expect(host.setIcon).toHaveBeenCalledTimes(1);
    tray.setStatus('first', status({ state: 'offline' }));
    expect(host.setContextMenu).toHaveBeenCalledTimes(2);
  });

  it('shows a favourite change at once, coalesces the burst after it, and ignores other entities', () => {
    const { tray, store, flush, timers } = setup();
    tray.setStatus('first', status());
    tray.setFavourites('first', [{ entityId: 'light.kitchen' }]);
    const before = tray.rebuilds;
    for (let i = 0; i < 50; i++) store.apply({ c: { 'sensor.other': { '+': { s: String(i) } } } });
    expect(timers).toHaveLength(0);
    store.apply({ c: { 'light.kitchen': { '+': { s: 'off' } } } });
    expect(tray.rebuilds).toBe(before + 1);
    for (const s of ['on', 'off', 'on']) store.apply({ c: { 'light.kitchen': { '+': { s } } } });
    expect(timers).toHaveLength(1);
    expect(tray.rebuilds).toBe(before + 1);
    flush();
    expect(tray.rebuilds).toBe(before + 2);
    expect(TRAY_REBUILD_MS).toBe(100);
  });

  it("labels a thermostat favourite in the home's temperature unit, and follows a change of it", () => {
    const { host, tray, store } = setup();
    store.apply({
      a: {
        'climate.living': {
          s: 'heat',
          a: { friendly_name: 'Thermostat', temperature: 70, min_temp: 7, max_temp: 35 },
          lc: 1,
        },
      },
    });
    tray.setStatus('first', status());
    tray.setFavourites('first', [{ entityId: 'climate.living' }]);
    const label = () => {
      const items = vi.mocked(host.setContextMenu).mock.lastCall![0];
      return byId(items, 'fav:first:climate.living')?.label;
    };
    expect(label()).toBe('Thermostat – Heat 70 °C');
    tray.setTemperatureUnit('first', '°F');
    expect(label()).toBe('Thermostat – Heat 70 °F');
  });

  it('groups the favourites by floor once it knows where they are, and follows a change of places', () => {
    const { host, tray } = setup();
    tray.setStatus('first', status());
    tray.setFavourites('first', [{ entityId: 'light.kitchen' }, { entityId: 'sensor.other' }]);
    const labels = () =>
      vi
        .mocked(host.setContextMenu)
        .mock.lastCall![0].slice(2, 6)
        .map((item) => (item.type === 'separator' ? '-' : item.label));
    expect(labels()).toEqual(['light.kitchen', 'sensor.other – 1', '-', 'Open panel']);
    const places: Record<string, EntityPlace> = {
      'light.kitchen': { area: 'Kitchen', floor: 'Ground floor', floorOrder: 0 },
      'sensor.other': { area: 'Attic', floor: 'Top floor', floorOrder: 2 },
    };
    tray.setPlaces('first', (id) => places[id]);
    expect(labels()).toEqual(['Ground floor', 'light.kitchen', '-', 'Top floor']);
  });

  it('switches the icon to its dark variant when the system theme turns dark', () => {
    const { host, tray } = setup();
    tray.setStatus('first', status());
    tray.setDark(true);
    expect(host.setIcon).toHaveBeenLastCalledWith({
      name: 'connected',
      attention: false,
      dark: true,
    });
    expect(tray.rebuilds).toBe(1);
  });

  it('follows the sensor into title and tooltip, coalesced, without rebuilding the menu', () => {
    const { host, tray, store, flush, timers } = setup();
    store.apply({
      a: { 'sensor.outside': { s: '21.5', a: { unit_of_measurement: '°C' }, lc: 1 } },
    });
    tray.setStatus('first', status());
    tray.setSensor(outsideSensor);
    expect(host.setTitle).toHaveBeenLastCalledWith('21.5 °C');
    const rebuilds = tray.rebuilds;
    // The first change after a quiet spell shows at once, the rest of the burst as one update.
    for (const s of ['21.6', '21.7', '21.8'])
      store.apply({ c: { 'sensor.outside': { '+': { s } } } });
    expect(host.setTitle).toHaveBeenLastCalledWith('21.6 °C');
    expect(timers).toHaveLength(1);
    flush();
    expect(host.setTitle).toHaveBeenCalledTimes(3);
    expect(host.setTitle).toHaveBeenLastCalledWith('21.8 °C');
    expect(tray.rebuilds).toBe(rebuilds);
    tray.setSensor(null);
    expect(host.setTitle).toHaveBeenLastCalledWith('');
    store.apply({ c: { 'sensor.outside': { '+': { s: '30' } } } });
    expect(timers).toHaveLength(0);
  });

  it('runs the command or the favourite of a clicked item', () => {
    const { click, actions, tray } = setup();
    tray.setStatus('first', status({ state: 'offline' }));
    click('reconnect');
    click('panel');
    click('fav:first:lock.front_door');
    click('unknown');
    click('rotate');
    click('pause-tomorrow');
    click('resume-notifications');
    expect(actions.openTokenSettings).toHaveBeenCalledExactlyOnceWith('first');
    expect(actions.pauseNotifications).toHaveBeenCalledWith('tomorrow');
    expect(actions.resumeNotifications).toHaveBeenCalledOnce();
    expect(actions.reconnect).toHaveBeenCalledExactlyOnceWith('first');
    expect(actions.openPanel).toHaveBeenCalledOnce();
    expect(actions.clickFavourite).toHaveBeenCalledWith('first', 'lock.front_door');
  });
});
