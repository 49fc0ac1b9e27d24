import { describe, expect, it, vi } from 'vitest';
import {
  denyAllPermissions,
  guardContents,
  type GuardableContents,
} from '../../../src/main/windows/guards';
import { secureWebPreferences } from '../../../src/main/windows/web-preferences';

function fakeContents() {
  const listeners = new Map<string, (event: { preventDefault(): void; url: string }) => void>();
  let openHandler: ((d: { url: string }) => { action: 'deny' }) | undefined;
  const contents: GuardableContents = {
    on: (event: string, listener: (e: { preventDefault(): void; url: string }) => void) => {
      listeners.set(event, listener);
    },
    setWindowOpenHandler: (handler) => {
      openHandler = handler;
    },
  };
  return { contents, listeners, open: (url: string) => openHandler!({ url }) };
}

describe('window guards', () => {
  it('prevents navigation, redirects and webviews, and denies window.open', () => {
    const { contents, listeners, open } = fakeContents();
    const denied = vi.fn();
    guardContents(contents, denied);
    for (const name of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      const event = { preventDefault: vi.fn(), url: 'https://evil.example/' };
      listeners.get(name)!(event);
      expect(event.preventDefault).toHaveBeenCalledOnce();
    }
    expect(open('https://evil.example/')).toEqual({ action: 'deny' });
    expect(denied).toHaveBeenCalledTimes(4);
  });

  it('denies every permission request and check', () => {
    let request: ((c: unknown, p: string, cb: (granted: boolean) => void) => void) | undefined;
    let check: (() => boolean) | undefined;
    denyAllPermissions({
      setPermissionRequestHandler: (h) => (request = h),
      setPermissionCheckHandler: (h) => (check = h),
    });
    const callback = vi.fn();
    request!(null, 'notifications', callback);
    expect(callback).toHaveBeenCalledWith(false);
    expect(check!()).toBe(false);
  });

  it('uses sandboxed, isolated web preferences without Node', () => {
    expect(secureWebPreferences('/p.js', false)).toMatchObject({
      preload: '/p.js',
      devTools: false,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
    });
  });
});
