import { globalShortcut } from 'electron';

/** The one global shortcut (open the panel); re-registered when the user changes it. */
export function createElectronShortcut() {
  let current: string | null = null;
  return {
    set(accelerator: string, onPress: () => void): boolean {
      if (current === accelerator) return true;
      if (current) globalShortcut.unregister(current);
      current = null;
      if (!accelerator) return true;
      try {
        if (!globalShortcut.register(accelerator, onPress)) return false;
      } catch {
        return false;
      }
      current = accelerator;
      return true;
    },
    clear(): void {
      globalShortcut.unregisterAll();
      current = null;
    },
  };
}
