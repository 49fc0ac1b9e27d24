import { describe, expect, it, vi } from 'vitest';
import { EntityStore } from '../../../src/main/ha/entity-store';
import type { TrayActions } from '../../../src/main/tray/tray-clicks';
import { TrayService } from '../../../src/main/tray/tray-service';
import { ClickableTrayHost } from './clickable-tray-host';
import { instanceStatus } from './tray-values';

const RECONNECTING = { state: 'reconnecting', attempt: 1, nextRetryAt: 0, reason: 'x' } as const;

/** A tray on two instances, Home and Cabin, each with its own store and the same entity ids. */
function twoInstances() {
  const host = new ClickableTrayHost();
  const timers: Array<() => void> = [];
  const clock = {
    now: () => 0,
    setTimeout: (fn: () => void) => timers.push(fn),
    clearTimeout: () => undefined,
  };
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
  const sensor = (s: string) => ({ s, a: { unit_of_measurement: '°C' }, lc: 1 });
  const home = new EntityStore();
  home.replace({ 'light.kitchen': { s: 'on', lc: 1 }, 'sensor.outside': sensor('21') });
  const cabin = new EntityStore();
  cabin.replace({ 'light.kitchen': { s: 'off', lc: 1 }, 'sensor.outside': sensor('3') });
  const tray = new TrayService(host, actions, clock);
  tray.setInstances([
    { key: 'home', store: home },
    { key: 'cabin', store: cabin },
  ]);
  const change = (store: EntityStore, entityId: string, s: string) =>
    store.apply({ c: { [entityId]: { '+': { s } } } });
  return { host, timers, actions, tray, home, cabin, change };
}

describe('TrayService with several instances', () => {
  it('draws the menu once every instance’s status is known, then grouped by instance', () => {
    const { host, tray } = twoInstances();
    tray.setStatus('home', instanceStatus('home', 'Home'));
    expect(host.menus).toBe(0);
    tray.setStatus('cabin', instanceStatus('cabin', 'Cabin', RECONNECTING));
    expect(host.menus).toBe(1);
    expect(host.labels().slice(0, 3)).toEqual(['Home – Connected', '-', 'Cabin – Reconnecting…']);
    expect(host.icon?.name).toBe('connecting');
    expect(host.toolTip).toBe('HA Tray – Cabin: Reconnecting…\nHA Tray – Home: Connected');
  });

  it('acts on the instance a clicked item names, and on no other', () => {
    const { host, tray, actions } = twoInstances();
    tray.setStatus('home', instanceStatus('home', 'Home'));
    tray.setStatus('cabin', instanceStatus('cabin', 'Cabin'));
    host.click('fav:cabin:light.kitchen');
    expect(actions.clickFavourite).toHaveBeenCalledExactlyOnceWith('cabin', 'light.kitchen');
    host.click('rotate:cabin');
    expect(actions.openTokenSettings).toHaveBeenCalledExactlyOnceWith('cabin');
    host.click('open-ha:home');
    expect(actions.openHomeAssistant).toHaveBeenCalledExactlyOnceWith('home');
    // An instance it does not follow, a malformed id, or a plain id of a menu of one instance.
    for (const id of ['fav:attic:light.kitchen', 'fav:cabin:', 'rotate', 'open-ha', 'rotate:x:y'])
      host.click(id);
    expect(actions.clickFavourite).toHaveBeenCalledOnce();
    expect(actions.openTokenSettings).toHaveBeenCalledOnce();
    expect(actions.openHomeAssistant).toHaveBeenCalledOnce();
  });

  it('reconnects the instances that are saved and not connected, only those', () => {
    const { host, tray, actions } = twoInstances();
    tray.setStatus('home', instanceStatus('home', 'Home'));
    tray.setStatus('cabin', instanceStatus('cabin', 'Cabin', { state: 'banned' }));
    host.click('reconnect');
    expect(actions.reconnect).toHaveBeenCalledExactlyOnceWith('cabin');
  });

  it('follows each instance’s favourites in its own store', () => {
    const { tray, home, cabin, change, host } = twoInstances();
    tray.setStatus('home', instanceStatus('home', 'Home'));
    tray.setStatus('cabin', instanceStatus('cabin', 'Cabin'));
    tray.setFavourites('cabin', [{ entityId: 'light.kitchen' }]);
    const checked = () =>
      host.menu.find((item) => 'id' in item && item.id === 'fav:cabin:light.kitchen');
    expect(checked()).toMatchObject({ checked: false });
    const before = tray.rebuilds;
    change(home, 'light.kitchen', 'off');
    expect(tray.rebuilds).toBe(before);
    change(cabin, 'light.kitchen', 'on');
    expect(tray.rebuilds).toBe(before + 1);
    expect(checked()).toMatchObject({ checked: true });
  });

  it('reads the tray sensor from its own instance’s store', () => {
    const { tray, home, cabin, change, host } = twoInstances();
    tray.setStatus('home', instanceStatus('home', 'Home'));
    tray.setStatus('cabin', instanceStatus('cabin', 'Cabin'));
    tray.setSensor({ instance: 'cabin', entityId: 'sensor.outside' });
    expect(host.title).toBe('3 °C');
    change(home, 'sensor.outside', '22');
    expect(host.title).toBe('3 °C');
    change(cabin, 'sensor.outside', '4');
    expect(host.title).toBe('4 °C');
  });

  it('drops a removed instance with its subscriptions, and takes in an added one', () => {
    const { tray, home, cabin, change, host, timers } = twoInstances();
    tray.setStatus('home', instanceStatus('home', 'Home'));
    tray.setStatus('cabin', instanceStatus('cabin', 'Cabin'));
    tray.setFavourites('cabin', [{ entityId: 'light.kitchen' }]);
    tray.setSensor({ instance: 'cabin', entityId: 'sensor.outside' });
    tray.setInstances([{ key: 'home', store: home }]);
    // One instance again: the menu looks as it always did, and the sensor is gone with Cabin.
    expect(host.labels().slice(0, 2)).toEqual(['Home – Connected', '-']);
    expect(host.title).toBe('');
    // A listener left behind would wake the tray: the second change of a burst sets a timer.
    for (const s of ['on', 'off']) change(cabin, 'light.kitchen', s);
    for (const s of ['5', '6']) change(cabin, 'sensor.outside', s);
    expect(timers).toHaveLength(0);
    const attic = new EntityStore();
    tray.setInstances([
      { key: 'home', store: home },
      { key: 'attic', store: attic },
    ]);
    tray.setStatus('attic', instanceStatus('attic', 'Attic', { state: 'offline' }));
    expect(host.labels()).toContain('Attic – Offline');
    expect(host.icon?.name).toBe('disconnected');
  });
});
