import { globalShortcut } from 'electron';
import type { GlobalShortcuts } from '../../desktop/global-shortcuts';

export function createElectronShortcuts(): GlobalShortcuts {
  return {
    register: (accelerator, onPress) => {
      // register() throws on an accelerator Electron cannot parse; the shared check should have
      // caught it, and a refusal is reported the same way as a taken combination.
      try {
        return globalShortcut.register(accelerator, onPress);
      } catch {
        return false;
      }
    },
    unregister: (accelerator) => globalShortcut.unregister(accelerator),
  };
}
