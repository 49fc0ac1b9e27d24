import { describe, expect, it } from 'vitest';
import { nextZoomFactor, panelPosition, panelSize } from '../../../src/main/windows/panel-position';

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

describe('panel size', () => {
  const workArea = { x: 0, y: 0, width: 1920, height: 1050 };

  it('keeps the CSS size as the zoom grows, up to the work area', () => {
    expect(panelSize(1, workArea)).toEqual({ width: 360, height: 520 });
    expect(panelSize(1.25, workArea)).toEqual({ width: 450, height: 650 });
    expect(panelSize(2.5, workArea)).toEqual({ width: 900, height: 1034 });
    expect(panelSize(2, { x: 0, y: 0, width: 600, height: 800 })).toEqual({
      width: 584,
      height: 784,
    });
  });

  it('takes a zoom factor that makes no sense as 100 %', () => {
    for (const zoom of [0, -1, Number.NaN, Infinity])
      expect(panelSize(zoom, workArea)).toEqual({ width: 360, height: 520 });
  });

  it("steps the zoom through Chromium's levels and stops at either end", () => {
    expect(nextZoomFactor(1, 'in')).toBe(1.1);
    expect(nextZoomFactor(1.1, 'out')).toBe(1);
    expect(nextZoomFactor(1.2, 'in')).toBe(1.25);
    expect(nextZoomFactor(3, 'in')).toBe(3);
    expect(nextZoomFactor(0.5, 'out')).toBe(0.5);
  });
});
