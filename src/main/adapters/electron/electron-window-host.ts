import { BrowserWindow, screen } from 'electron';
import { settingsHash } from '../../../shared/settings-route';
import { afterPageGone } from '../../crash/crash-policy';
import { runDetached } from '../../detached';
import type { Logger } from '../../log/logger';
import { guardContents } from '../../windows/guards';
import { nextZoomFactor, PANEL_SIZE, panelPosition, panelSize } from '../../windows/panel-position';
import { secureWebPreferences } from '../../windows/web-preferences';
import type { Rect, WindowHost } from '../../windows/window-host';

export interface WindowHostOptions {
  preloadPath: string;
  /** The URL of an app page: ha-tray://app/<page>.html, or the dev server's. */
  pageUrl: (page: 'settings' | 'panel' | 'error') => string;
  logger: Logger;
  /** False in a packaged build. */
  devTools: boolean;
}

export function createElectronWindowHost({
  preloadPath,
  pageUrl,
  logger,
  devTools,
}: WindowHostOptions): WindowHost {
  let settings: BrowserWindow | null = null;
  let panel: BrowserWindow | null = null;
  const denied = (what: string, url?: string) => logger.warn(`Denied ${what}`, { url });

  /**
   * A page whose renderer process died is loaded again once; if it dies again, the window shows
   * the static error page (with "Copy diagnostics") instead of crashing in a loop.
   * `render-process-gone` itself is logged by the crash reporter (src/main/index.ts).
   */
  function recoverFromCrashes(win: BrowserWindow, url: () => string): void {
    let crashes = 0;
    win.webContents.on('render-process-gone', () => {
      if (win.isDestroyed()) return;
      const next = afterPageGone(crashes++) === 'reload' ? url() : pageUrl('error');
      runDetached(win.loadURL(next), logger, 'Loading the page again after its crash');
    });
  }

  function createSettings(hash: string): BrowserWindow {
    const win = new BrowserWindow({
      width: 760,
      height: 560,
      minWidth: 640,
      minHeight: 480,
      show: false,
      title: 'HA Tray Settings',
      autoHideMenuBar: true,
      webPreferences: secureWebPreferences(preloadPath, devTools),
    });
    guardContents(win.webContents, denied);
    recoverFromCrashes(win, () => `${pageUrl('settings')}#${hash}`);
    win.once('ready-to-show', () => win.show());
    win.on('closed', () => (settings = null));
    runDetached(win.loadURL(`${pageUrl('settings')}#${hash}`), logger, 'Loading the settings');
    return win;
  }

  function createPanel(): BrowserWindow {
    const win = new BrowserWindow({
      ...PANEL_SIZE,
      show: false,
      frame: false,
      resizable: false,
      movable: false,
      minimizable: false,
      maximizable: false,
      fullscreenable: false,
      skipTaskbar: true,
      alwaysOnTop: true,
      title: 'HA Tray',
      webPreferences: secureWebPreferences(preloadPath, devTools),
    });
    guardContents(win.webContents, denied);
    recoverFromCrashes(win, () => pageUrl('panel'));
    // A popover closes when the user looks elsewhere.
    win.on('blur', () => win.hide());
    // Ctrl with the mouse wheel, or a pinch: the page zooms and the window grows with it, so the
    // panel keeps its layout (Electron leaves applying the zoom to the app).
    win.webContents.on('zoom-changed', (_event, direction) => {
      win.webContents.setZoomFactor(nextZoomFactor(win.webContents.getZoomFactor(), direction));
      fitPanel(win, null);
    });
    win.on('closed', () => (panel = null));
    runDetached(win.loadURL(pageUrl('panel')), logger, 'Loading the panel');
    return win;
  }

  let lastTrayBounds: Rect | null = null;

  /** Sizes the panel for its zoom and places it by the tray icon, inside the work area. */
  function fitPanel(win: BrowserWindow, trayBounds: Rect | null): void {
    lastTrayBounds = trayBounds ?? lastTrayBounds;
    const anchor = lastTrayBounds ?? screen.getCursorScreenPoint();
    const { workArea } = screen.getDisplayNearestPoint({ x: anchor.x, y: anchor.y });
    const size = panelSize(win.webContents.getZoomFactor(), workArea);
    const { x, y } = panelPosition(lastTrayBounds, size, workArea);
    // A window that is not resizable cannot be made smaller on some platforms (electron#42258).
    win.setResizable(true);
    win.setBounds({ x, y, ...size }, false);
    win.setResizable(false);
  }

  function showPanel(trayBounds: Rect | null): void {
    panel ??= createPanel();
    fitPanel(panel, trayBounds);
    panel.show();
    panel.focus();
  }

  return {
    showSettings(page = 'connection', instance) {
      const hash = settingsHash(page, instance);
      if (settings) {
        runDetached(
          settings.loadURL(`${pageUrl('settings')}#${hash}`),
          logger,
          'Loading the settings',
        );
        if (settings.isMinimized()) settings.restore();
        settings.show();
        settings.focus();
      } else {
        settings = createSettings(hash);
      }
    },
    togglePanel(trayBounds) {
      if (panel?.isVisible()) panel.hide();
      else showPanel(trayBounds);
    },
    hidePanel() {
      panel?.hide();
    },
  };
}
