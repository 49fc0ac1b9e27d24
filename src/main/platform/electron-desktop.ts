import { app, clipboard } from 'electron';
import type { AppInfo } from './app-info';
import type { Clipboard } from './clipboard';

export function electronAppInfo(): AppInfo {
  return {
    versions: {
      app: app.getVersion(),
      electron: process.versions.electron ?? 'unknown',
      chromium: process.versions.chrome ?? 'unknown',
      node: process.versions.node,
    },
    platform: `${process.platform} ${process.arch}`,
    mac: process.platform === 'darwin',
  };
}

export function electronClipboard(): Clipboard {
  return { writeText: (text) => clipboard.writeText(text) };
}
