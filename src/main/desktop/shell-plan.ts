/** Windows groups notifications and the taskbar by this id; it must match electron-builder's appId. */
export const APP_USER_MODEL_ID = 'io.github.hatray.app';

export interface ShellPlan {
  /** macOS: a tray-only app has no Dock icon (it lives in the menu bar). */
  hideDock: boolean;
  /** Windows: without an AppUserModelID notifications do not show. */
  appUserModelId: string | null;
}

/** What the app changes about its own place on the desktop at start, per platform. */
export function shellPlan(platform: NodeJS.Platform): ShellPlan {
  return {
    hideDock: platform === 'darwin',
    appUserModelId: platform === 'win32' ? APP_USER_MODEL_ID : null,
  };
}
