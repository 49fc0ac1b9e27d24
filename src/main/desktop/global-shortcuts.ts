/** System-wide keyboard shortcuts (Electron's globalShortcut). */
export interface GlobalShortcuts {
  /** False when the combination is taken by another app or the system refused it. */
  register(accelerator: string, onPress: () => void): boolean;
  unregister(accelerator: string): void;
}
