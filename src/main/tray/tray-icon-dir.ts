import { join } from 'node:path';

export interface AppLocation {
  isPackaged: boolean;
  /** `process.resourcesPath`: the installed app's `resources/` folder. */
  resourcesPath: string;
  /** `app.getAppPath()`: the project root when run from source. */
  appPath: string;
}

/**
 * Where the tray icons are. An installed app has them in `resources/tray` (electron-builder's
 * `extraResources`: the OS loads them from a real folder, not from inside app.asar); run from
 * source they are in the project's `assets/tray`.
 */
export function trayIconDir({ isPackaged, resourcesPath, appPath }: AppLocation): string {
  return isPackaged ? join(resourcesPath, 'tray') : join(appPath, 'assets', 'tray');
}
