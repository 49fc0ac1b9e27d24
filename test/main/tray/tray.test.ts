import { describe, expect, it, vi } from 'vitest';
import type { MenuItemSpec, TrayHost } from '../../../src/main/platform/tray-host';
import { describeConnection, trayModel } from '../../../src/main/tray/tray-model';
import { TrayService } from '../../../src/main/tray/tray-service';
import type { AppStatus } from '../../../src/shared/app-status';
import type { ConnectionStatus } from '../../../src/shared/status';

const status = (
  connection: ConnectionStatus,
  instance: AppStatus['instance'] = { origin: 'http://ha.lan:8123', locationName: 'Cottage' },
): AppStatus => ({
  connection,
  instance,
  token: {
    present: true,
    state: 'ready',
    protection: 'x',
    weakProtection: false,
    savedAt: null,
    issuedAt: null,
    expiresAt: null,
    name: null,
    message: null,
  },
  settingsNotice: null,
});
const ids = (items: MenuItemSpec[]) =>
  items.map((i) => (i.type === 'separator' ? '-' : 'id' in i ? i.id : i.label));

describe('trayModel', () => {
  it('connected: status line with the location, no reconnect item', () => {
    const model = trayModel(status({ state: 'connected', since: 0, haVersion: '2024.1.6' }), 0);
    expect(model.icon).toEqual({ name: 'connected', attention: false });
    expect(model.tooltip).toBe('HA Tray – Cottage: Connected');
    expect(ids(model.items)).toEqual(['status', '-', 'open-ha', 'settings', '-', 'quit']);
    expect(model.items[0]).toMatchObject({ label: 'Cottage – Connected', enabled: false });
  });

  it('reconnecting: counts down and offers Reconnect now', () => {
    const model = trayModel(
      status({ state: 'reconnecting', attempt: 2, nextRetryAt: 5_200, reason: 'x' }),
      2_000,
    );
    expect(model.icon.name).toBe('connecting');
    expect(model.items[0]).toMatchObject({ label: 'Cottage – Reconnecting in 4 s' });
    expect(ids(model.items)).toContain('reconnect');
  });

  it('errors show the error icon; not set up disables Open Home Assistant', () => {
    expect(trayModel(status({ state: 'auth_failed', message: 'x' }), 0).icon.name).toBe('error');
    expect(trayModel(status({ state: 'banned' }), 0).icon.name).toBe('error');
    const unset = trayModel(status({ state: 'not_configured' }, null), 0);
    expect(unset.icon.name).toBe('disconnected');
    expect(unset.items.find((i) => 'id' in i && i.id === 'open-ha')).toMatchObject({
      enabled: false,
    });
    expect(ids(unset.items)).not.toContain('reconnect');
  });

  it.each([
    [{ state: 'offline' } as ConnectionStatus, 'Offline'],
    [{ state: 'connecting' } as ConnectionStatus, 'Connecting…'],
    [{ state: 'banned' } as ConnectionStatus, 'Banned by Home Assistant'],
    [{ state: 'auth_failed', message: '' } as ConnectionStatus, 'Token rejected'],
  ])('describes %o', (connection, words) => {
    expect(describeConnection(connection, 0)).toBe(words);
  });
});

describe('TrayService', () => {
  function fakeHost() {
    let onItem: (id: string) => void = () => {};
    const host: TrayHost = {
      setIcon: vi.fn(),
      setToolTip: vi.fn(),
      setContextMenu: vi.fn(),
      onMenuItem: (listener) => (onItem = listener),
      onClick: vi.fn(),
      getBounds: () => null,
      destroy: vi.fn(),
    };
    return { host, click: (id: string) => onItem(id) };
  }

  it('rebuilds the menu only when what it shows changed', () => {
    const { host } = fakeHost();
    const tray = new TrayService(
      host,
      { openSettings: vi.fn(), openHomeAssistant: vi.fn(), reconnect: vi.fn(), quit: vi.fn() },
      () => 0,
    );
    const connected = status({ state: 'connected', since: 0, haVersion: '1' });
    tray.setStatus(connected);
    tray.setStatus({ ...connected, connection: { state: 'connected', since: 0, haVersion: '1' } });
    expect(host.setContextMenu).toHaveBeenCalledTimes(1);
    expect(host.setIcon).toHaveBeenCalledTimes(1);
    tray.setStatus(status({ state: 'offline' }));
    expect(host.setContextMenu).toHaveBeenCalledTimes(2);
  });

  it('runs the command of a clicked item', () => {
    const { host, click } = fakeHost();
    const actions = {
      openSettings: vi.fn(),
      openHomeAssistant: vi.fn(),
      reconnect: vi.fn(),
      quit: vi.fn(),
    };
    new TrayService(host, actions);
    click('reconnect');
    click('quit');
    click('unknown');
    expect(actions.reconnect).toHaveBeenCalledOnce();
    expect(actions.quit).toHaveBeenCalledOnce();
  });
});
