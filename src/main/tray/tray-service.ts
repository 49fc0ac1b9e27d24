import type { AppStatus } from '../../shared/app-status';
import type { TrayHost } from '../platform/tray-host';
import { trayModel, type TrayCommand } from './tray-model';

export type TrayActions = {
  [
    K in TrayCommand as K extends 'open-ha'
      ? 'openHomeAssistant'
      : K extends 'settings'
        ? 'openSettings'
        : K
  ]: () => void;
};

/**
 * Owns the tray: setters store state and one render() pushes what changed to the host
 * (Signal-Desktop's SystemTrayService pattern). The menu is only rebuilt when its content
 * changed, which avoids flicker and leaked menus on Linux.
 */
export class TrayService {
  private status: AppStatus | null = null;
  private last = { icon: '', tooltip: '', items: '' };

  constructor(
    private readonly host: TrayHost,
    actions: TrayActions,
    private readonly now: () => number = Date.now,
  ) {
    const byId: Record<string, () => void> = {
      settings: actions.openSettings,
      'open-ha': actions.openHomeAssistant,
      reconnect: actions.reconnect,
      quit: actions.quit,
    };
    host.onMenuItem((id) => byId[id]?.());
    host.onClick(actions.openSettings);
  }

  setStatus(status: AppStatus): void {
    this.status = status;
    this.render();
  }

  private render(): void {
    if (!this.status) return;
    const model = trayModel(this.status, this.now());
    const icon = JSON.stringify(model.icon);
    const items = JSON.stringify(model.items);
    if (icon !== this.last.icon) this.host.setIcon(model.icon);
    if (model.tooltip !== this.last.tooltip) this.host.setToolTip(model.tooltip);
    if (items !== this.last.items) this.host.setContextMenu(model.items);
    this.last = { icon, tooltip: model.tooltip, items };
  }
}
