import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ConnectionSupervisor } from '../../../src/main/ha/connection-supervisor';
import type { EntityStore } from '../../../src/main/ha/entity-store';
import { createTray, type TrayDeps } from '../../../src/main/tray/create-tray';
import type { MenuItemSpec } from '../../../src/main/tray/tray-host';
import type { TrayService } from '../../../src/main/tray/tray-service';
import { startSimulator, type HaSimulator } from '../../ha-sim';
import { connectedSupervisor } from '../../support/connected-supervisor';
import { waitFor } from '../../support/wait-for';
import { ClickableTrayHost } from './clickable-tray-host';
import { fakeInstance, FakeInstanceList, fakeTrayServices } from './fake-tray-services';

const RECONNECTING = { state: 'reconnecting', attempt: 1, nextRetryAt: 0, reason: 'x' } as const;

let tray: TrayService | null = null;
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  tray?.dispose();
  tray = null;
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

function start(list: FakeInstanceList) {
  const host = new ClickableTrayHost();
  const deps: TrayDeps = {
    host,
    dialogs: { confirm: vi.fn(async () => true), showError: vi.fn() },
    shell: { openExternal: vi.fn(async () => undefined) },
    openPanel: vi.fn(),
    openSettings: vi.fn(),
    quit: vi.fn(),
    theme: { isDark: () => false, onChange: () => () => undefined },
  };
  const { services, changeSettings } = fakeTrayServices(list);
  tray = createTray(services, deps);
  return { host, deps, changeSettings };
}

const item = (menu: MenuItemSpec[], id: string) =>
  menu.find((i) => 'id' in i && i.id === id) as Extract<MenuItemSpec, { id: string }> | undefined;

describe('createTray with several instances', () => {
  it('follows an instance added and one removed, and leaves no listener on the removed one', () => {
    const home = fakeInstance('home', 'Home');
    const list = new FakeInstanceList([home.instance]);
    const { host } = start(list);
    expect(host.labels().slice(0, 2)).toEqual(['Home – Connected', '-']);
    expect(host.toolTip).toBe('HA Tray – Home: Connected');

    const cabin = fakeInstance('cabin', 'Cabin', { connection: RECONNECTING });
    list.set([home.instance, cabin.instance]);
    expect(host.labels()).toContain('Cabin – Reconnecting…');
    expect(host.icon?.name).toBe('connecting');
    expect(host.toolTip).toBe('HA Tray – Cabin: Reconnecting…\nHA Tray – Home: Connected');
    cabin.setConnection({ state: 'banned' });
    expect(host.icon?.name).toBe('error');
    expect(cabin.listeners()).toBeGreaterThan(0);

    list.set([home.instance]);
    expect(cabin.listeners()).toBe(0);
    expect(host.labels().join('\n')).not.toContain('Cabin');
    expect(host.icon?.name).toBe('connected');
    expect(host.toolTip).toBe('HA Tray – Home: Connected');

    tray!.dispose();
    tray = null;
    expect(home.listeners()).toBe(0);
  });

  it('names the instance whose token is due and opens its Token page; reconnects only the one that is down', () => {
    const home = fakeInstance('home', 'Home');
    const cabin = fakeInstance('cabin', 'Cabin', { connection: { state: 'banned' } });
    const { host, deps } = start(new FakeInstanceList([home.instance, cabin.instance]));
    cabin.setReminder({ attention: true, menuLine: 'Token is 97 days old - Rotate…' });
    expect(item(host.menu, 'rotate:cabin')?.label).toBe('⚠ Cabin: Token is 97 days old - Rotate…');
    expect(host.icon).toMatchObject({ name: 'error', attention: true });
    host.click('rotate:cabin');
    expect(deps.openSettings).toHaveBeenCalledExactlyOnceWith('token', 'cabin');
    host.click('reconnect');
    expect(cabin.instance.supervisor.reconnectNow).toHaveBeenCalledOnce();
    expect(home.instance.supervisor.reconnectNow).not.toHaveBeenCalled();
  });

  it('opens the Home Assistant chosen in the submenu, or the only one', async () => {
    const home = fakeInstance('home', 'Home');
    const cabin = fakeInstance('cabin', 'Cabin');
    const list = new FakeInstanceList([home.instance, cabin.instance]);
    const { host, deps } = start(list);
    host.click('open-ha:cabin');
    await waitFor(() => vi.mocked(deps.shell.openExternal).mock.calls.length === 1, 'a page opens');
    expect(deps.shell.openExternal).toHaveBeenLastCalledWith('http://cabin.lan:8123/');
    list.set([home.instance]);
    host.click('open-ha');
    await waitFor(() => vi.mocked(deps.shell.openExternal).mock.calls.length === 2, 'a page opens');
    expect(deps.shell.openExternal).toHaveBeenLastCalledWith('http://home.lan:8123/');
  });

  it('follows a new order of the instances in the settings', () => {
    const home = fakeInstance('home', 'Home');
    const cabin = fakeInstance('cabin', 'Cabin');
    const list = new FakeInstanceList([home.instance, cabin.instance]);
    const { host, changeSettings } = start(list);
    const headers = () => host.labels().filter((label) => label.endsWith('– Connected'));
    expect(headers()).toEqual(['Home – Connected', 'Cabin – Connected']);
    list.reorder([cabin.instance, home.instance]);
    changeSettings();
    expect(headers()).toEqual(['Cabin – Connected', 'Home – Connected']);
  });

  it('heads an instance’s group with its new name as soon as it is renamed', () => {
    const home = fakeInstance('home', 'Home');
    const cabin = fakeInstance('cabin', 'Cabin');
    const { host } = start(new FakeInstanceList([home.instance, cabin.instance]));
    cabin.rename('Lake house');
    expect(host.labels()).toContain('Lake house – Connected');
  });

  it('shows an instance’s favourites as its settings change them', () => {
    const home = fakeInstance('home', 'Home');
    const cabin = fakeInstance('cabin', 'Cabin');
    const { host } = start(new FakeInstanceList([home.instance, cabin.instance]));
    cabin.instance.store.replace({ 'light.porch': { s: 'on', lc: 1 } });
    cabin.setFavourites('light.porch');
    expect(item(host.menu, 'fav:cabin:light.porch')).toMatchObject({
      type: 'checkbox',
      checked: true,
    });
  });
});

describe('createTray against two simulators', () => {
  /** A simulator, and a connection and store on it as one instance has them. */
  async function connected(): Promise<{
    sim: HaSimulator;
    wired: { supervisor: ConnectionSupervisor; store: EntityStore };
  }> {
    const sim = await startSimulator();
    const { supervisor, store } = await connectedSupervisor(sim);
    cleanups.push(async () => {
      await supervisor.dispose();
      await sim.close();
    });
    return { sim, wired: { supervisor, store } };
  }

  it('a click on a favourite of the second instance acts on that instance’s connection only', async () => {
    const [first, second] = await Promise.all([connected(), connected()]);
    const home = fakeInstance('home', 'Home', first.wired);
    const cabin = fakeInstance('cabin', 'Cabin', second.wired);
    home.setFavourites('light.kitchen');
    cabin.setFavourites('light.kitchen');
    const { host } = start(new FakeInstanceList([home.instance, cabin.instance]));
    const checked = (id: string) => item(host.menu, id)?.checked;
    expect(checked('fav:home:light.kitchen')).toBe(true);
    expect(checked('fav:cabin:light.kitchen')).toBe(true);

    host.click('fav:cabin:light.kitchen');
    await waitFor(() => checked('fav:cabin:light.kitchen') === false, 'Cabin’s light off');
    expect(second.sim.getState('light.kitchen')!.state).toBe('off');
    expect(first.sim.serviceCalls).toHaveLength(0);
    expect(first.sim.getState('light.kitchen')!.state).toBe('on');
    expect(checked('fav:home:light.kitchen')).toBe(true);
  });
});
