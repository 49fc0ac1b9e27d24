/** Starting the app when the user logs in: a login item on macOS and Windows, XDG autostart on Linux. */
export interface LoginItem {
  /** What the operating system has now: the user may have changed it outside the app. */
  isEnabled(): Promise<boolean>;
  setEnabled(enabled: boolean): Promise<void>;
}
