import type { ShortcutState } from '../../shared/desktop-status';
import { checkShortcut, shortcutTakenMessage } from '../../shared/shortcut';
import type { GlobalShortcuts } from './global-shortcuts';

const NONE: ShortcutState = { accelerator: '', registered: false, message: null };

/**
 * The one global shortcut, which opens the panel. `apply` follows the saved setting; `tryChange`
 * is the editor's: it keeps the old combination when the new one is invalid or taken, so the
 * user never ends up without the shortcut they had.
 */
export class PanelShortcut {
  private current: ShortcutState = NONE;

  constructor(
    private readonly shortcuts: GlobalShortcuts,
    private readonly onPress: () => void,
    private readonly mac: boolean,
  ) {}

  state(): ShortcutState {
    return this.current;
  }

  /** Registers the saved shortcut (or none); what went wrong is in the returned state. */
  apply(accelerator: string): ShortcutState {
    const check = checkShortcut(accelerator);
    const wanted = check.ok ? check.accelerator : accelerator;
    if (wanted === this.current.accelerator && this.current.message === null) return this.current;
    this.release();
    this.current = this.register(accelerator);
    return this.current;
  }

  /** Moves to a new shortcut only if it is valid and free; otherwise the old one stays. */
  tryChange(
    accelerator: string,
  ): { ok: true; accelerator: string } | { ok: false; message: string } {
    if (accelerator === '') {
      this.release();
      this.current = NONE;
      return { ok: true, accelerator: '' };
    }
    const check = checkShortcut(accelerator);
    if (!check.ok) return check;
    if (check.accelerator === this.current.accelerator && this.current.registered) return check;
    const previous = this.current.accelerator;
    this.release();
    const next = this.register(check.accelerator);
    if (next.registered) {
      this.current = next;
      return check;
    }
    this.current = this.register(previous);
    return {
      ok: false,
      message: next.message ?? shortcutTakenMessage(check.accelerator, this.mac),
    };
  }

  dispose(): void {
    this.release();
    this.current = NONE;
  }

  private release(): void {
    if (this.current.registered) this.shortcuts.unregister(this.current.accelerator);
  }

  private register(accelerator: string): ShortcutState {
    if (accelerator === '') return NONE;
    const check = checkShortcut(accelerator);
    if (!check.ok) return { accelerator, registered: false, message: check.message };
    if (!this.shortcuts.register(check.accelerator, this.onPress))
      return {
        accelerator: check.accelerator,
        registered: false,
        message: shortcutTakenMessage(check.accelerator, this.mac),
      };
    return { accelerator: check.accelerator, registered: true, message: null };
  }
}
