/** The global shortcut as main registered it. */
export interface ShortcutState {
  /** The saved accelerator; empty when there is none. */
  accelerator: string;
  /** False when it is empty, invalid or taken by another app. */
  registered: boolean;
  /** Why it is not registered, in one sentence for the user. */
  message: string | null;
}

/** Desktop integration as the operating system reports it, for the General settings page. */
export interface DesktopStatus {
  /** Read back from the operating system, not from the settings file. */
  startAtLogin: boolean;
  shortcut: ShortcutState;
  /** The editor shows "⌘⌥H" on a Mac and "Ctrl+Alt+H" elsewhere. */
  mac: boolean;
}
