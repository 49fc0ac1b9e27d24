import { describe, expect, it } from 'vitest';
import { panelPosition } from '../../../src/main/windows/panel-position';

const panel = { width: 360, height: 520 };

describe('panelPosition', () => {
  it('opens below a tray icon in a top bar, centred on it', () => {
    const work = { x: 0, y: 25, width: 1440, height: 875 };
    expect(panelPosition({ x: 1000, y: 0, width: 24, height: 24 }, panel, work)).toEqual({
      x: 832,
      y: 33,
    });
  });

  it('opens above a tray icon in a bottom taskbar and stays inside the work area', () => {
    const work = { x: 0, y: 0, width: 1920, height: 1040 };
    expect(panelPosition({ x: 1880, y: 1045, width: 32, height: 32 }, panel, work)).toEqual({
      x: 1552,
      y: 512,
    });
  });

  it('falls back to the top-right corner when the tray has no bounds (Linux)', () => {
    const work = { x: 0, y: 32, width: 1920, height: 1048 };
    expect(panelPosition(null, panel, work)).toEqual({ x: 1552, y: 40 });
    expect(panelPosition({ x: 0, y: 0, width: 0, height: 0 }, panel, work)).toEqual({
      x: 1552,
      y: 40,
    });
  });

  it('respects a work area on a second display', () => {
    const work = { x: 1920, y: 0, width: 1280, height: 1024 };
    expect(panelPosition(null, panel, work)).toEqual({ x: 2832, y: 8 });
  });
});
