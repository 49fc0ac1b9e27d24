import type { Settings } from '../../shared/settings';
import { UserFacingError } from '../../shared/user-facing-error';
import type { LoginItem } from './login-item';

export interface StartAtLoginSettings {
  get(): Settings;
  update(patch: { ui: Settings['ui'] }): Settings;
}

/**
 * "Start at login": the operating system holds the truth (the user can remove the login item
 * in the system settings), and `ui.startAtLogin` mirrors what was last read back from it.
 */
export class StartAtLogin {
  constructor(
    private readonly loginItem: LoginItem,
    private readonly settings: StartAtLoginSettings,
  ) {}

  /** Reads the operating system's state and brings the setting in line with it. */
  async read(): Promise<boolean> {
    const enabled = await this.loginItem.isEnabled();
    this.remember(enabled);
    return enabled;
  }

  async set(enabled: boolean): Promise<boolean> {
    try {
      await this.loginItem.setEnabled(enabled);
    } catch {
      await this.read();
      throw new UserFacingError(
        `Your system did not let HA Tray ${enabled ? 'start' : 'stop starting'} at login.`,
      );
    }
    const actual = await this.read();
    if (actual !== enabled)
      throw new UserFacingError(
        'Your system did not keep the change. Check the login items in its settings.',
      );
    return actual;
  }

  private remember(enabled: boolean): void {
    const { ui } = this.settings.get();
    if (ui.startAtLogin !== enabled) this.settings.update({ ui: { ...ui, startAtLogin: enabled } });
  }
}
