import type { DesktopPlatform } from '../../src/main/app-services';
import { FakeGlobalShortcuts } from './global-shortcuts';
import { FakeLoginItem } from './login-item';

export interface FakeDesktopPlatform extends DesktopPlatform {
  loginItem: FakeLoginItem;
  shortcuts: FakeGlobalShortcuts;
  /** What was put on the clipboard, in order. */
  copied: string[];
}

export const TEST_VERSIONS = {
  app: '0.1.0',
  electron: '45.4.1',
  chromium: '142.0.7444.265',
  node: '22.20.0',
};

/** The desktop around the app with recording fakes, and fixed versions for screenshots. */
export function fakeDesktopPlatform(): FakeDesktopPlatform {
  const copied: string[] = [];
  return {
    loginItem: new FakeLoginItem(),
    shortcuts: new FakeGlobalShortcuts(),
    clipboard: {
      writeText: async (text) => {
        copied.push(text);
      },
    },
    appInfo: {
      versions: TEST_VERSIONS,
      platform: 'linux x64',
      mac: false,
    },
    copied,
  };
}
