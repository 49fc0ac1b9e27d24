import type { GlobalShortcuts } from '../../src/main/desktop/global-shortcuts';

/** Global shortcuts as the system holds them; `taken` ones belong to another app. */
export class FakeGlobalShortcuts implements GlobalShortcuts {
  readonly held = new Map<string, () => void>();
  constructor(readonly taken = new Set<string>()) {}

  register(accelerator: string, onPress: () => void): boolean {
    if (this.taken.has(accelerator) || this.held.has(accelerator)) return false;
    this.held.set(accelerator, onPress);
    return true;
  }

  unregister(accelerator: string): void {
    this.held.delete(accelerator);
  }

  press(accelerator: string): void {
    this.held.get(accelerator)?.();
  }
}
