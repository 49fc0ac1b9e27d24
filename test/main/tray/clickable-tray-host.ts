import { RecordingTrayHost } from '../../fakes/tray-host';

/** A recording tray host whose menu items can be clicked, as the user would. */
export class ClickableTrayHost extends RecordingTrayHost {
  private listener: (id: string) => void = () => undefined;
  /** How many menus the tray handed over. */
  menus = 0;

  override setContextMenu(...args: Parameters<RecordingTrayHost['setContextMenu']>): void {
    this.menus++;
    super.setContextMenu(...args);
  }

  override onMenuItem(listener?: (id: string) => void): void {
    if (listener) this.listener = listener;
  }

  click(id: string): void {
    this.listener(id);
  }

  /** The labels of the menu's top level. */
  labels(): string[] {
    return this.menu.map((item) => (item.type === 'separator' ? '-' : item.label));
  }
}
