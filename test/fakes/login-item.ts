import type { LoginItem } from '../../src/main/desktop/login-item';

/** A login item the "operating system" can change behind the app's back, or refuse to set. */
export class FakeLoginItem implements LoginItem {
  enabled = false;
  refuse = false;
  /** The system accepts the call but keeps its old state (a policy, a sandbox). */
  ignore = false;

  /** Reading the state fails (an unreadable autostart folder). */
  unreadable = false;

  async isEnabled(): Promise<boolean> {
    if (this.unreadable) throw new Error('EACCES');
    return this.enabled;
  }

  async setEnabled(enabled: boolean): Promise<void> {
    if (this.refuse) throw new Error('denied');
    if (!this.ignore) this.enabled = enabled;
  }
}
