import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TrayIconName, TrayIconSpec } from '../../../src/main/tray/tray-host';
import { trayIconFile } from '../../../src/main/tray/tray-icon-file';

const DIR = join(import.meta.dirname, '../../../assets/tray');
const NAMES: TrayIconName[] = ['connected', 'connecting', 'error', 'disconnected'];

describe('trayIconFile', () => {
  it('picks the dark-theme variant on Linux and Windows, the template image on macOS', () => {
    const icon: TrayIconSpec = { name: 'disconnected', attention: true, dark: true };
    expect(trayIconFile('/i', icon, 'linux')).toBe('/i/disconnected-attention-dark.png');
    expect(trayIconFile('/i', icon, 'win32')).toBe('/i/disconnected-attention-dark.ico');
    expect(trayIconFile('/i', icon, 'darwin')).toBe('/i/disconnected-attentionTemplate.png');
    expect(trayIconFile('/i', { ...icon, dark: false }, 'linux')).toBe(
      '/i/disconnected-attention.png',
    );
  });

  it('names only files that exist, for every state, theme and platform', () => {
    for (const name of NAMES)
      for (const attention of [false, true])
        for (const dark of [false, true])
          for (const platform of ['linux', 'win32', 'darwin'] as const) {
            const file = trayIconFile(DIR, { name, attention, dark }, platform);
            expect(existsSync(file), file).toBe(true);
          }
  });
});
