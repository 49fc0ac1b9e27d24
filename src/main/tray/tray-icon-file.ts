import { join } from 'node:path';
import type { TrayIconSpec } from './tray-host';

/**
 * The bundled file for an icon variant. macOS tints template images for light and dark menu
 * bars itself (nativeImage picks up @2x); elsewhere the grey variants come in a lighter shade
 * for a dark panel or taskbar, chosen by the system theme.
 */
export function trayIconFile(dir: string, icon: TrayIconSpec, platform: NodeJS.Platform): string {
  const base = `${icon.name}${icon.attention ? '-attention' : ''}`;
  if (platform === 'darwin') return join(dir, `${base}Template.png`);
  const variant = icon.dark ? `${base}-dark` : base;
  return join(dir, platform === 'win32' ? `${variant}.ico` : `${variant}.png`);
}
