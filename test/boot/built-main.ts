import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBridgeApi } from '../../src/shared/ipc/bridge';
import { ipcContract, type IpcContract } from '../../src/shared/ipc/contract';
import type { BridgeApi } from '../../src/shared/ipc/define';
import { createFakeElectron, type FakeElectron } from '../fake-electron/fake-electron';
import { installElectronRequireHook } from '../fake-electron/require-hook';
import { waitFor } from '../support/wait-for';
import { guardFileReads, trackTimers, type TrackedTimer } from './main-hooks';

export const PROJECT_DIR = join(import.meta.dirname, '..', '..');
export const APP_PAGE = 'ha-tray://app/settings.html';

export type BootMode =
  | { kind: 'development' }
  /** `resources` holds `app.asar/` extracted (a folder of that name) and `tray/`. */
  | { kind: 'packaged'; resources: string };

export interface BootOptions {
  platform?: NodeJS.Platform;
  singleInstanceLock?: boolean;
  /** Boot on an earlier boot's user data, as after a restart. */
  userDataDir?: string;
  /** Environment variables set while this boot lives, e.g. electron-vite's ELECTRON_RENDERER_URL. */
  env?: Record<string, string>;
  /** The operating system's "start at login" for the app at boot (login item, XDG autostart). */
  startAtLogin?: boolean;
  darkTheme?: boolean;
}

const nodeRequire = createRequire(import.meta.url);
/**
 * The user data and autostart folder of every boot so far: an earlier boot's bundle (same file)
 * can still finish a read of its own data after its test, and that read is not outside the app.
 */
const dataDirs: string[] = [];
const PLATFORM = Object.getOwnPropertyDescriptor(process, 'platform')!;

/**
 * The built main process (`out/main/index.js`, or the one inside the extracted app.asar) loaded
 * by Node as Electron would, with the fake `electron` module. In packaged mode `app.isPackaged`
 * is true, `process.resourcesPath` is the resources folder, and every file main reads outside it
 * and the user's data is noted in `readsOutside`.
 */
export class BootedMain {
  readonly fake: FakeElectron;
  readonly userDataDir: string;
  readonly bundle: string;
  /** `$XDG_CONFIG_HOME`: the Linux autostart folder is `autostart/` in it. */
  readonly configHome: string;
  private readonly reads: ReturnType<typeof guardFileReads> | null;
  private readonly timers: ReturnType<typeof trackTimers>;
  private readonly undo: Array<() => void> = [];
  private readonly ownsUserData: boolean;

  constructor(mode: BootMode, options: BootOptions = {}) {
    const appPath = mode.kind === 'packaged' ? join(mode.resources, 'app.asar') : PROJECT_DIR;
    const resourcesPath =
      mode.kind === 'packaged'
        ? mode.resources
        : join(PROJECT_DIR, 'node_modules', 'electron', 'dist', 'resources');
    this.bundle = join(appPath, 'out', 'main', 'index.js');
    this.ownsUserData = !options.userDataDir;
    this.userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'ha-tray-boot-'));
    this.configHome = mkdtempSync(join(tmpdir(), 'ha-tray-boot-config-'));
    const autostart = join(this.configHome, 'autostart');
    dataDirs.push(this.userDataDir, autostart);
    if (options.startAtLogin) {
      mkdirSync(autostart);
      writeFileSync(
        join(autostart, 'ha-tray.desktop'),
        '[Desktop Entry]\nType=Application\nName=HA Tray\nExec=ha-tray\n',
      );
    }
    // The installed app reads its login item there too (Linux), and nowhere else in the config.
    this.reads =
      mode.kind === 'packaged' ? guardFileReads(this.bundle, [mode.resources, ...dataDirs]) : null;
    this.fake = createFakeElectron({
      userDataDir: this.userDataDir,
      appPath,
      isPackaged: mode.kind === 'packaged',
      platform: options.platform,
      singleInstanceLock: options.singleInstanceLock,
      openAtLogin: options.startAtLogin,
      darkTheme: options.darkTheme,
      onFileRead: (path) => this.reads?.check(path),
    });
    this.timers = trackTimers(this.bundle);
    this.undo.push(this.timers.restore);
    if (this.reads) this.undo.push(this.reads.restore);
    this.undo.push(installElectronRequireHook(this.fake.module));
    const withResources = process as { resourcesPath?: string };
    const previousResources = withResources.resourcesPath;
    withResources.resourcesPath = resourcesPath;
    this.undo.push(() => (withResources.resourcesPath = previousResources));
    const env = { XDG_CONFIG_HOME: this.configHome, ...options.env };
    for (const [name, value] of Object.entries(env)) {
      const previous = process.env[name];
      process.env[name] = value;
      this.undo.push(() => {
        if (previous === undefined) delete process.env[name];
        else process.env[name] = previous;
      });
    }
    if (options.platform) {
      Object.defineProperty(process, 'platform', { ...PLATFORM, value: options.platform });
      this.undo.push(() => Object.defineProperty(process, 'platform', PLATFORM));
    }
    delete nodeRequire.cache[this.bundle];
    nodeRequire(this.bundle);
  }

  /** Electron's `ready`, then until main has its tray and IPC handlers. */
  async ready(): Promise<void> {
    this.fake.ready();
    await waitFor(
      () => this.fake.trays.length > 0 && this.fake.ipcHandlers.size > 0,
      'main started',
    );
  }

  /** `window.haTray` of a page at `url`, going through the fake's ipcMain as the preload does. */
  page(url = APP_PAGE): BridgeApi<IpcContract> {
    return createBridgeApi(ipcContract, {
      invoke: (channel, args) => this.fake.invoke(channel, args, url) as never,
      subscribe: (channel, listener) =>
        this.fake.onPageEvent((sent, payload) => sent === channel && listener(payload)),
    });
  }

  /** Files main read outside its resources and user data (packaged mode only). */
  get readsOutside(): string[] {
    return this.reads?.outside ?? [];
  }

  /** Timers main has pending. */
  pendingTimers(): TrackedTimer[] {
    return this.timers.pending();
  }

  /** Quits the app if a test did not, waits until it has quit, and undoes every hook. */
  async dispose(): Promise<void> {
    if (this.fake.state.ready && !this.fake.state.quit) {
      this.fake.module.app.quit();
      await waitFor(() => this.fake.state.quit, 'the app quit');
    }
    this.undo.reverse().forEach((undo) => undo());
    delete nodeRequire.cache[this.bundle];
  }

  /** Deletes the user data this boot made (an app that has quit writes nothing more). */
  removeUserData(): void {
    if (this.ownsUserData) rmSync(this.userDataDir, { recursive: true, force: true });
    rmSync(this.configHome, { recursive: true, force: true });
  }
}
