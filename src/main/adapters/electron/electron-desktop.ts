import { app, clipboard, nativeTheme } from 'electron';
import type { AppInfo } from '../../diagnostics/app-info';
import type { Clipboard } from '../../ipc/clipboard';
import type { SystemTheme } from '../../tray/system-theme';

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
