import { describe, expect, it } from 'vitest';
import { StartAtLogin } from '../../../src/main/desktop/start-at-login';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/shared/settings';
import { FakeLoginItem } from '../../fakes/login-item';

function setup(startAtLogin = false) {
  let settings: Settings = { ...DEFAULT_SETTINGS, ui: { ...DEFAULT_SETTINGS.ui, startAtLogin } };
  const store = {
    get: () => settings,
    update: (patch: { ui: Settings['ui'] }) => (settings = { ...settings, ...patch }),
  };
  const os = new FakeLoginItem();
  return { os, start: new StartAtLogin(os, store), saved: () => settings.ui.startAtLogin };
}

describe('StartAtLogin', () => {
  it('turns the login item on and off, and the setting follows', async () => {
    const { os, start, saved } = setup();
    expect(await start.set(true)).toBe(true);
    expect(os.enabled).toBe(true);
    expect(saved()).toBe(true);
    expect(await start.set(false)).toBe(false);
    expect(saved()).toBe(false);
  });

  it('reads the real state: a login item removed in the system settings is off', async () => {
    const { os, start, saved } = setup(true);
    os.enabled = false;
    expect(await start.read()).toBe(false);
    expect(saved()).toBe(false);
  });

  it('says so when the system refuses or does not keep the change', async () => {
    const { os, start, saved } = setup();
    os.refuse = true;
    await expect(start.set(true)).rejects.toThrow(
      'Your system did not let HA Tray start at login.',
    );
    os.refuse = false;
    os.ignore = true;
    await expect(start.set(true)).rejects.toThrow(/did not keep the change/);
    expect(saved()).toBe(false);
  });
});
