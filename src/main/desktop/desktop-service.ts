import type { DesktopStatus } from '../../shared/desktop-status';
import { Emitter } from '../../shared/emitter';
import type { Settings } from '../../shared/settings';
import { UserFacingError } from '../../shared/user-facing-error';
import type { GlobalShortcuts } from './global-shortcuts';
import type { LoginItem } from './login-item';
import { PanelShortcut } from './panel-shortcut';
import { StartAtLogin, type StartAtLoginSettings } from './start-at-login';

export interface DesktopServiceDeps {
  shortcuts: GlobalShortcuts;
  loginItem: LoginItem;
  mac: boolean;
  settings: StartAtLoginSettings & { onChange(listener: (settings: Settings) => void): () => void };
  openPanel: () => void;
}

/** "Start at login" and the global shortcut: the settings the General page changes. */
export class DesktopService {
  private readonly shortcut: PanelShortcut;
  private readonly login: StartAtLogin;
  private startAtLogin = false;
  private offSettings: (() => void) | null = null;
  private readonly changes = new Emitter<DesktopStatus>();

  constructor(private readonly deps: DesktopServiceDeps) {
    this.shortcut = new PanelShortcut(deps.shortcuts, deps.openPanel, deps.mac);
    this.login = new StartAtLogin(deps.loginItem, deps.settings);
  }

  /** Registers the saved shortcut, follows its changes, and reads the login item once. */
  async start(): Promise<void> {
    this.applyShortcut(this.deps.settings.get().ui.globalShortcut);
    this.offSettings = this.deps.settings.onChange((s) => this.applyShortcut(s.ui.globalShortcut));
    await this.refresh();
  }

  /** The login item is read again: the user may have changed it in the system settings. */
  async refresh(): Promise<DesktopStatus> {
    try {
      this.startAtLogin = await this.login.read();
    } catch {
      // The system could not say (an unreadable autostart folder): the app still starts, and
      // the switch shows the last known state; turning it on or off reports its own failure.
    }
    return this.publish();
  }

  /** Every change: the pages show it, and the tray menu shows only a shortcut that works. */
  onStatus(listener: (status: DesktopStatus) => void): () => void {
    return this.changes.on(listener);
  }

  status(): DesktopStatus {
    return { startAtLogin: this.startAtLogin, shortcut: this.shortcut.state(), mac: this.deps.mac };
  }

  async setStartAtLogin(enabled: boolean): Promise<DesktopStatus> {
    try {
      await this.login.set(enabled);
    } finally {
      await this.refresh();
    }
    return this.status();
  }

  /** The editor's change: saved only when the combination is valid and free. */
  setShortcut(accelerator: string): DesktopStatus {
    const result = this.shortcut.tryChange(accelerator);
    if (!result.ok) throw new UserFacingError(result.message, 'shortcut');
    const { ui } = this.deps.settings.get();
    this.deps.settings.update({ ui: { ...ui, globalShortcut: result.accelerator } });
    return this.publish();
  }

  dispose(): void {
    this.offSettings?.();
    this.shortcut.dispose();
  }

  private applyShortcut(accelerator: string): void {
    const before = JSON.stringify(this.shortcut.state());
    const after = this.shortcut.apply(accelerator);
    if (JSON.stringify(after) !== before) this.publish();
  }

  private publish(): DesktopStatus {
    const status = this.status();
    this.changes.emit(status);
    return status;
  }
}
