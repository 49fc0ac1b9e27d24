import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { trayIconDir } from '../../../src/main/tray/tray-icon-dir';

describe('trayIconDir', () => {
  const location = { resourcesPath: '/opt/HA Tray/resources', appPath: '/home/dev/ha-tray' };

  it('uses the resources folder electron-builder copies the icons to when installed', () => {
    expect(trayIconDir({ ...location, isPackaged: true })).toBe(
      join('/opt/HA Tray/resources', 'tray'),
    );
  });

  it("uses the project's assets when run from source", () => {
    expect(trayIconDir({ ...location, isPackaged: false })).toBe(
      join('/home/dev/ha-tray', 'assets', 'tray'),
    );
  });
});
