import type { Rect } from '../platform/tray-host';

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
