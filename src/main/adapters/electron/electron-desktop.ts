import { app, clipboard, nativeTheme } from 'electron';
import type { AppInfo } from '../../platform/app-info';
import type { Clipboard } from '../../platform/clipboard';
import type { SystemTheme } from '../../platform/system-theme';

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

export function electronSystemTheme(): SystemTheme {
  return {
    isDark: () => nativeTheme.shouldUseDarkColors,
    onChange: (listener) => {
      nativeTheme.on('updated', listener);
      return () => nativeTheme.off('updated', listener);
    },
  };
}
