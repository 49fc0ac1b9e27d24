import type { Rect } from './window-host';

export interface Size {
  width: number;
  height: number;
}

const MARGIN = 8;

/**
 * Where the tray panel opens: centred under (macOS, top bar) or above (Windows taskbar) the tray
 * icon, kept inside the work area. Linux reports empty tray bounds (StatusNotifierItem), so the
 * panel then opens in the work area's top-right corner, where most panels keep their tray.
 */
export function panelPosition(
  tray: Rect | null,
  panel: Size,
  workArea: Rect,
): { x: number; y: number } {
  const clampX = (x: number) =>
    Math.round(
      Math.min(
        Math.max(x, workArea.x + MARGIN),
        workArea.x + workArea.width - panel.width - MARGIN,
      ),
    );
  const clampY = (y: number) =>
    Math.round(
      Math.min(
        Math.max(y, workArea.y + MARGIN),
        workArea.y + workArea.height - panel.height - MARGIN,
      ),
    );

  if (!tray || tray.width === 0 || tray.height === 0) {
    return { x: clampX(workArea.x + workArea.width), y: clampY(workArea.y) };
  }
  const centreX = tray.x + tray.width / 2 - panel.width / 2;
  const trayIsInUpperHalf = tray.y + tray.height / 2 < workArea.y + workArea.height / 2;
  const y = trayIsInUpperHalf
    ? tray.y + tray.height + MARGIN / 2
    : tray.y - panel.height - MARGIN / 2;
  return { x: clampX(centreX), y: clampY(y) };
}

/** The panel's size in CSS pixels at 100 % zoom. */
export const PANEL_SIZE: Size = { width: 360, height: 520 };

/**
 * The panel's window size for the page's zoom factor: the page keeps its 360 x 520 CSS pixels as
 * the zoom grows (so nothing reflows away at 130 % or 200 %), up to the work area less a margin,
 * where the page reflows instead (it does down to 280 CSS pixels wide).
 */
export function panelSize(zoomFactor: number, workArea: Rect, base: Size = PANEL_SIZE): Size {
  const factor = Number.isFinite(zoomFactor) && zoomFactor > 0 ? zoomFactor : 1;
  return {
    width: Math.round(Math.min(base.width * factor, workArea.width - 2 * MARGIN)),
    height: Math.round(Math.min(base.height * factor, workArea.height - 2 * MARGIN)),
  };
}

/** Chromium's own zoom steps, as Ctrl and the mouse wheel or a pinch move through them. */
const ZOOM_STEPS = [0.5, 0.67, 0.75, 0.8, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2, 2.5, 3];

/** The next zoom factor in `direction` from `current`; the last one stays. */
export function nextZoomFactor(current: number, direction: 'in' | 'out'): number {
  if (direction === 'in') return ZOOM_STEPS.find((step) => step > current + 0.001) ?? current;
  return [...ZOOM_STEPS].reverse().find((step) => step < current - 0.001) ?? current;
}
