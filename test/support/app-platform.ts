import type { AppPlatform } from '../../src/main/app-services';
import { fakeDesktopPlatform } from '../fakes/desktop-platform';
import { FakeSecretStore } from '../fakes/secret-store';
import { FakeServiceBrowser } from '../fakes/service-browser';

/**
 * The main-process platform for service tests: a fake keyring and recording stand-ins for the
 * shell, log, notifier, power events, windows, desktop and a network with no Home Assistant to
 * discover. Override what a test looks at.
 */
export function testPlatform(
  userDataDir: string,
  overrides: Partial<AppPlatform> = {},
): AppPlatform {
  return {
    userDataDir,
    secrets: new FakeSecretStore(),
    shell: { openExternal: async () => undefined },
    logSink: { write: () => undefined },
    notifier: { isSupported: () => true, show: () => undefined },
    dialogs: { confirm: async () => false, showError: () => undefined },
    power: { onResume: () => () => undefined },
    hostname: 'laptop',
    pageOrigins: ['ha-tray://app'],
    windows: {
      showSettings: () => undefined,
      togglePanel: () => undefined,
      hidePanel: () => undefined,
    },
    desktop: fakeDesktopPlatform(),
    serviceBrowser: new FakeServiceBrowser(),
    ...overrides,
  };
}
