/** The part of Electron's WebContents that the guards need: small enough to fake in tests. */
export interface GuardableContents {
  on(
    event: 'will-navigate' | 'will-redirect',
    listener: (event: { preventDefault(): void; url: string }) => void,
  ): void;
  on(event: 'will-attach-webview', listener: (event: { preventDefault(): void }) => void): void;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

export interface GuardableSession {
  setPermissionRequestHandler(
    handler: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void,
  ): void;
  setPermissionCheckHandler(handler: () => boolean): void;
}

/**
 * Pages never leave the app: navigation, redirects, new windows, webviews and permission
 * requests are all denied. A link to Home Assistant is opened in the browser by an explicit IPC
 * request, not by navigation.
 */
export function guardContents(
  contents: GuardableContents,
  onDenied?: (what: string, url?: string) => void,
): void {
  const block = (what: string) => (event: { preventDefault(): void; url?: string }) => {
    event.preventDefault();
    onDenied?.(what, event.url);
  };
  contents.on('will-navigate', block('navigation'));
  contents.on('will-redirect', block('redirect'));
  contents.on('will-attach-webview', block('webview'));
  contents.setWindowOpenHandler(({ url }) => {
    onDenied?.('window.open', url);
    return { action: 'deny' };
  });
}

export function denyAllPermissions(session: GuardableSession): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
