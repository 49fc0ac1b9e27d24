import { readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CallLog, type EventMembers } from './strict-api';
import { decodeImage, type FakeImageInfo } from './native-image';

export interface FakeElectronOptions {
  userDataDir: string;
  /** `app.getAppPath()`: the project root, or `resources/app.asar` when packaged. */
  appPath: string;
  isPackaged: boolean;
  platform?: NodeJS.Platform;
  /** What `requestSingleInstanceLock()` answers: false when another instance runs. */
  singleInstanceLock?: boolean;
  version?: string;
  /** The operating system's login item for the app (macOS and Windows). */
  openAtLogin?: boolean;
  /** `nativeTheme.shouldUseDarkColors` at start. */
  darkTheme?: boolean;
  /** Told of every file the fake reads on main's behalf (images, `net.fetch` of file: URLs). */
  onFileRead?: (path: string) => void;
}

interface QuitEvent {
  defaultPrevented: boolean;
  preventDefault(): void;
}

export interface FakeWindowRecord {
  id: number;
  options: Record<string, unknown>;
  /** Every URL loaded, with the status the app protocol answered (null: not an app page). */
  loads: Array<{ url: string; status: number | null }>;
  sent: Array<{ channel: string; payload: unknown }>;
  visible: boolean;
  destroyed: boolean;
  devToolsOpened: boolean;
  windowOpenHandler: ((details: { url: string }) => unknown) | null;
  /** The page's zoom factor (webContents.get/setZoomFactor). */
  zoomFactor: number;
  /** The last setBounds; null until main sets any. */
  bounds: { x: number; y: number; width: number; height: number } | null;
  resizable: boolean;
  events: EventMembers;
  contentsEvents: EventMembers;
}

export interface FakeTrayRecord {
  images: FakeImageInfo[];
  toolTip: string | null;
  title: string | null;
  menu: unknown[] | null;
  destroyed: boolean;
  events: EventMembers;
}

type IpcHandler = (event: unknown, ...args: unknown[]) => unknown;
type ProtocolHandler = (request: Request) => Response | Promise<Response>;

const MIME: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/**
 * A recording stand-in for the `electron` module, faithful where the main process depends on the
 * behaviour (ready ordering, one handler per IPC channel, quit events that can be cancelled,
 * empty images for unreadable files). `module` is what `require('electron')` returns; the other
 * members let a test drive it (ready, IPC from a page, power events) and read what happened.
 */
export function createFakeElectron(options: FakeElectronOptions) {
  const log = new CallLog();
  const platform = options.platform ?? process.platform;
  const readFile = (path: string) => {
    options.onFileRead?.(path);
    return readFileSync(path);
  };
  const state = {
    ready: false,
    quitting: false,
    quit: false,
    exitCode: null as number | null,
    online: true,
    dialogResponse: 0,
    permissionRequestHandler: null as unknown,
    permissionCheckHandler: null as unknown,
    applicationMenu: undefined as unknown,
    privilegedSchemes: [] as unknown[],
    appUserModelId: null as string | null,
    openAtLogin: options.openAtLogin ?? false,
    dockVisible: true,
    darkTheme: options.darkTheme ?? false,
    clipboardText: '',
  };
  const windows: FakeWindowRecord[] = [];
  const trays: FakeTrayRecord[] = [];
  const ipcHandlers = new Map<string, IpcHandler>();
  const protocolHandlers = new Map<string, ProtocolHandler>();
  const shortcuts = new Map<string, () => void>();
  const notifications: Array<Record<string, unknown>> = [];
  const opened: string[] = [];
  const pageListeners = new Set<(channel: string, payload: unknown) => void>();
  /** Events main sent the page that `invoke` speaks for. */
  const pageSent: Array<{ channel: string; payload: unknown }> = [];
  const images = new WeakMap<object, FakeImageInfo>();

  let markReady: () => void = () => undefined;
  const whenReady = new Promise<void>((resolve) => (markReady = resolve));
  const appEvents = log.events();
  const newQuitEvent = (): QuitEvent => ({
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true;
    },
  });

  const requireReady = (api: string) => {
    if (!state.ready) throw new Error(`${api} can only be used after the app is ready`);
  };

  // Electron defines these only on the platforms named (app.dock is undefined elsewhere).
  const macOnly =
    platform === 'darwin'
      ? {
          dock: log.api('app.dock', {
            hide: () => void (state.dockVisible = false),
            show: async () => void (state.dockVisible = true),
            isVisible: () => state.dockVisible,
          }),
        }
      : { dock: undefined };
  const windowsOnly =
    platform === 'win32'
      ? { setAppUserModelId: (id: string) => void (state.appUserModelId = id) }
      : {};
  const loginItems =
    platform === 'darwin' || platform === 'win32'
      ? {
          getLoginItemSettings: () => ({
            openAtLogin: state.openAtLogin,
            openAsHidden: false,
            wasOpenedAtLogin: false,
            wasOpenedAsHidden: false,
            restoreState: false,
            executableWillLaunchAtLogin: state.openAtLogin,
            launchItems: [],
          }),
          setLoginItemSettings: (settings: { openAtLogin?: boolean }) => {
            if (settings.openAtLogin !== undefined) state.openAtLogin = settings.openAtLogin;
          },
        }
      : {};

  const app = log.api('app', {
    ...macOnly,
    ...windowsOnly,
    ...loginItems,
    ...appEvents,
    isPackaged: options.isPackaged,
    requestSingleInstanceLock: () => options.singleInstanceLock ?? true,
    whenReady: () => whenReady,
    isReady: () => state.ready,
    // Electron's order: before-quit, the windows close, will-quit, quit. Either event can cancel.
    quit: () => {
      if (state.quit) return;
      const beforeQuit = newQuitEvent();
      appEvents.emit('before-quit', beforeQuit);
      if (beforeQuit.defaultPrevented) return;
      state.quitting = true;
      for (const win of windows) if (!win.destroyed) closeWindow(win);
      const willQuit = newQuitEvent();
      appEvents.emit('will-quit', willQuit);
      if (willQuit.defaultPrevented) return;
      state.quit = true;
      appEvents.emit('quit', newQuitEvent(), 0);
    },
    relaunch: () => undefined,
    exit: (code = 0) => {
      state.exitCode = code;
      state.quit = true;
    },
    getPath: (name: string) => {
      const paths: Record<string, string> = {
        userData: options.userDataDir,
        logs: join(options.userDataDir, 'logs'),
        temp: join(options.userDataDir, 'tmp'),
      };
      const path = paths[name];
      if (!path) throw new Error(`The fake app has no path "${name}"`);
      return path;
    },
    getAppPath: () => options.appPath,
    getVersion: () => options.version ?? '0.0.0',
    getName: () => 'HA Tray',
  });

  function closeWindow(win: FakeWindowRecord): void {
    const close = newQuitEvent();
    win.events.emit('close', close);
    if (close.defaultPrevented && !state.quitting) return;
    win.destroyed = true;
    win.visible = false;
    win.events.emit('closed');
    win.contentsEvents.emit('destroyed');
  }

  async function fetchAppPage(url: string): Promise<Response> {
    const { protocol } = new URL(url);
    const handler = protocolHandlers.get(protocol.slice(0, -1));
    if (!handler) throw new Error(`No handler for ${protocol} URLs`);
    const withoutFragment = url.split('#')[0]!;
    return handler(new Request(withoutFragment));
  }

  class BrowserWindow {
    constructor(windowOptions: Record<string, unknown>) {
      log.calls.push({ api: 'new BrowserWindow', args: [windowOptions] });
      const id = windows.length + 1;
      const events = log.events();
      const contentsEvents = log.events();
      const prefs = (windowOptions.webPreferences ?? {}) as Record<string, unknown>;
      const record: FakeWindowRecord = {
        id,
        options: windowOptions,
        loads: [],
        sent: [],
        visible: false,
        destroyed: false,
        devToolsOpened: false,
        windowOpenHandler: null,
        zoomFactor: 1,
        bounds: null,
        resizable: windowOptions.resizable !== false,
        events,
        contentsEvents,
      };
      windows.push(record);
      const webContents = log.api(`BrowserWindow#${id}.webContents`, {
        ...contentsEvents,
        id,
        setWindowOpenHandler: (handler: FakeWindowRecord['windowOpenHandler']) => {
          record.windowOpenHandler = handler;
        },
        send: (channel: string, payload: unknown) => {
          record.sent.push({ channel, payload });
          for (const listener of pageListeners) listener(channel, payload);
        },
        // With the devTools web preference off, Electron ignores the call.
        openDevTools: () => void (record.devToolsOpened = prefs.devTools !== false),
        closeDevTools: () => void (record.devToolsOpened = false),
        isDevToolsOpened: () => record.devToolsOpened,
        isDestroyed: () => record.destroyed,
        getURL: () => record.loads.at(-1)?.url ?? '',
        getZoomFactor: () => record.zoomFactor,
        setZoomFactor: (factor: number) => void (record.zoomFactor = factor),
      });
      return log.api(`BrowserWindow#${id}`, {
        ...events,
        id,
        webContents,
        loadURL: async (url: string) => {
          const load = { url, status: null as number | null };
          record.loads.push(load);
          if (new URL(url).protocol !== 'http:') load.status = (await fetchAppPage(url)).status;
          events.emit('ready-to-show');
        },
        show: () => void (record.visible = true),
        hide: () => void (record.visible = false),
        focus: () => undefined,
        isVisible: () => record.visible,
        isMinimized: () => false,
        restore: () => undefined,
        isDestroyed: () => record.destroyed,
        setPosition: () => undefined,
        setBounds: (bounds: FakeWindowRecord['bounds']) => void (record.bounds = bounds),
        setResizable: (resizable: boolean) => void (record.resizable = resizable),
        close: () => closeWindow(record),
        destroy: () => {
          record.destroyed = true;
          events.emit('closed');
          contentsEvents.emit('destroyed');
        },
        removeMenu: () => undefined,
      });
    }

    static getAllWindows(): unknown[] {
      return windows.filter((win) => !win.destroyed);
    }
  }

  class Tray {
    constructor(image: object) {
      log.calls.push({ api: 'new Tray', args: [image] });
      requireReady('new Tray');
      const events = log.events();
      const record: FakeTrayRecord = {
        images: [imageInfo(image)],
        toolTip: null,
        title: null,
        menu: null,
        destroyed: false,
        events,
      };
      trays.push(record);
      // setTitle is macOS only (the text next to the icon in the menu bar).
      const macOnly =
        platform === 'darwin' ? { setTitle: (text: string) => void (record.title = text) } : {};
      return log.api('Tray', {
        ...events,
        ...macOnly,
        setImage: (next: object) => void record.images.push(imageInfo(next)),
        setToolTip: (text: string) => void (record.toolTip = text),
        setContextMenu: (menu: { items: unknown[] } | null) =>
          void (record.menu = menu?.items ?? null),
        getBounds: () => ({ x: 1800, y: 0, width: 24, height: 24 }),
        destroy: () => void (record.destroyed = true),
        isDestroyed: () => record.destroyed,
      });
    }
  }

  function imageInfo(image: object): FakeImageInfo {
    const info = images.get(image);
    if (!info) throw new Error('Tray images must come from nativeImage');
    return info;
  }

  const nativeImage = log.api('nativeImage', {
    createFromPath: (path: string) => {
      options.onFileRead?.(path);
      const info = decodeImage(path, platform);
      const image = log.api('NativeImage', {
        isEmpty: () => info.format === null,
        getSize: () => ({ width: info.width, height: info.height }),
        setTemplateImage: () => undefined,
      });
      images.set(image, info);
      return image;
    },
  });

  const Menu = log.apiClass(
    'Menu',
    class Menu {
      static buildFromTemplate(template: unknown[]) {
        log.calls.push({ api: 'Menu.buildFromTemplate', args: [template] });
        return log.api('Menu#', { items: template });
      }
      static setApplicationMenu(menu: unknown) {
        log.calls.push({ api: 'Menu.setApplicationMenu', args: [menu] });
        state.applicationMenu = menu;
      }
    },
  );

  const pageContents = log.api('page.webContents', {
    ...log.events(),
    id: 0,
    send: (channel: string, payload: unknown) => {
      pageSent.push({ channel, payload });
      for (const listener of pageListeners) listener(channel, payload);
    },
    isDestroyed: () => false,
  });

  const ipcMain = log.api('ipcMain', {
    ...log.events(),
    handle: (channel: string, handler: IpcHandler) => {
      // Electron throws here too: a second handler would silently never run.
      if (ipcHandlers.has(channel))
        throw new Error(`Attempted to register a second handler for '${channel}'`);
      ipcHandlers.set(channel, handler);
    },
    removeHandler: (channel: string) => void ipcHandlers.delete(channel),
  });

  const protocol = log.api('protocol', {
    registerSchemesAsPrivileged: (schemes: unknown[]) => {
      if (state.ready)
        throw new Error('protocol.registerSchemesAsPrivileged must be called before app is ready');
      state.privilegedSchemes.push(...schemes);
    },
    handle: (scheme: string, handler: ProtocolHandler) => {
      requireReady('protocol.handle');
      if (protocolHandlers.has(scheme)) throw new Error(`${scheme} is already handled`);
      protocolHandlers.set(scheme, handler);
    },
  });

  const net = log.api('net', {
    fetch: async (url: string) => {
      if (!url.startsWith('file:')) throw new Error(`The fake net.fetch serves only file: URLs`);
      const path = fileURLToPath(url);
      const body = readFile(path);
      return new Response(body, {
        headers: { 'content-type': MIME[extname(path)] ?? 'application/octet-stream' },
      });
    },
    isOnline: () => state.online,
  });

  const defaultSession = log.api('session.defaultSession', {
    setPermissionRequestHandler: (handler: unknown) => {
      state.permissionRequestHandler = handler;
    },
    setPermissionCheckHandler: (handler: unknown) => {
      state.permissionCheckHandler = handler;
    },
  });
  const session = log.api('session', { defaultSession });

  // Reversible "encryption": enough to see that only ciphertext reaches the disk.
  const safeStorage = log.api('safeStorage', {
    isEncryptionAvailable: () => true,
    isAsyncEncryptionAvailable: async () => true,
    getSelectedStorageBackend: () => (platform === 'linux' ? 'gnome_libsecret' : 'unknown'),
    encryptStringAsync: async (text: string) =>
      Buffer.from(`fake-safe-storage:${Buffer.from(text).toString('base64')}`),
    decryptStringAsync: async (cipher: Buffer) => {
      const [tag, data] = cipher.toString().split(':');
      if (tag !== 'fake-safe-storage' || data === undefined)
        throw new Error('Error while decrypting the ciphertext provided to safeStorage');
      return { result: Buffer.from(data, 'base64').toString(), shouldReEncrypt: false };
    },
    setUsePlainTextEncryption: () => undefined,
  });

  const Notification = log.apiClass(
    'Notification',
    class Notification {
      static isSupported() {
        return true;
      }
      constructor(notificationOptions: Record<string, unknown>) {
        log.calls.push({ api: 'new Notification', args: [notificationOptions] });
        return log.api('Notification#', {
          ...log.events(),
          show: () => void notifications.push(notificationOptions),
          close: () => undefined,
        });
      }
    },
  );

  const globalShortcut = log.api('globalShortcut', {
    register: (accelerator: string, callback: () => void) => {
      if (shortcuts.has(accelerator)) return false;
      shortcuts.set(accelerator, callback);
      return true;
    },
    isRegistered: (accelerator: string) => shortcuts.has(accelerator),
    unregister: (accelerator: string) => void shortcuts.delete(accelerator),
    unregisterAll: () => shortcuts.clear(),
  });

  const clipboard = log.api('clipboard', {
    writeText: (text: string) => void (state.clipboardText = text),
    readText: () => state.clipboardText,
  });

  const nativeTheme = log.api('nativeTheme', {
    ...log.events(),
    get shouldUseDarkColors() {
      return state.darkTheme;
    },
  });

  const powerMonitor = log.api('powerMonitor', { ...log.events() });

  const shell = log.api('shell', {
    openExternal: async (url: string) => void opened.push(url),
    openPath: async () => '',
  });

  const dialog = log.api('dialog', {
    showMessageBox: async () => ({ response: state.dialogResponse, checkboxChecked: false }),
    showErrorBox: () => undefined,
  });

  const workArea = { x: 0, y: 0, width: 1920, height: 1080 };
  const screen = log.api('screen', {
    ...log.events(),
    getCursorScreenPoint: () => ({ x: 1810, y: 10 }),
    getDisplayNearestPoint: () => ({ bounds: workArea, workArea }),
    getPrimaryDisplay: () => ({ bounds: workArea, workArea }),
  });

  const module = log.strict('electron', {
    app,
    BrowserWindow: log.apiClass('BrowserWindow', BrowserWindow),
    Tray: log.apiClass('Tray', Tray),
    Menu,
    nativeImage,
    ipcMain,
    protocol,
    net,
    session,
    safeStorage,
    Notification,
    globalShortcut,
    powerMonitor,
    shell,
    dialog,
    screen,
    clipboard,
    nativeTheme,
  });

  return {
    /** What `require('electron')` returns. */
    module,
    log,
    state,
    windows,
    trays,
    ipcHandlers,
    protocolHandlers,
    shortcuts,
    notifications,
    opened,
    /** Electron's `ready`: `whenReady()` resolves. */
    ready(): void {
      state.ready = true;
      appEvents.emit('ready');
      markReady();
    },
    /** The user closes a window. */
    closeWindow,
    emitApp: (event: string, ...args: unknown[]) => appEvents.emit(event, ...args),
    emitPower: (event: 'suspend' | 'resume' | 'unlock-screen') => powerMonitor.emit(event),
    setOnline: (online: boolean) => void (state.online = online),
    /** The user switches the system between light and dark (nativeTheme's `updated`). */
    setDarkTheme(dark: boolean): void {
      state.darkTheme = dark;
      nativeTheme.emit('updated');
    },
    /**
     * A page's `ipcRenderer.invoke(channel, args)`, sent from a main frame at `senderUrl`, by a
     * page of its own (not one of the windows): what main sends it is in `pageSent`.
     */
    invoke(channel: string, args: unknown[], senderUrl: string): Promise<unknown> {
      const handler = ipcHandlers.get(channel);
      if (!handler) return Promise.reject(new Error(`No handler registered for '${channel}'`));
      const event = { senderFrame: { url: senderUrl, parent: null }, sender: pageContents };
      return Promise.resolve(handler(event, args));
    },
    pageSent,
    /** Sees every event main sends to any page (`webContents.send`). */
    onPageEvent(listener: (channel: string, payload: unknown) => void): () => void {
      pageListeners.add(listener);
      return () => pageListeners.delete(listener);
    },
    /** A request the renderer makes for an app URL (`ha-tray://app/...`). */
    fetchAppPage,
  };
}

export type FakeElectron = ReturnType<typeof createFakeElectron>;
