import type { AppStatus } from '../../shared/app-status';
import { needsReconnect } from './instance-tray-model';
import type { AppCommand, TrayClick } from './tray-item-ids';

export interface TrayActions {
  openTokenSettings: (instance: string) => void;
  pauseNotifications: (how: 'hour' | 'tomorrow') => void;
  resumeNotifications: () => void;
  openPanel: () => void;
  openSettings: () => void;
  openHomeAssistant: (instance: string) => void;
  /** Called for each instance that is saved and not connected. */
  reconnect: (instance: string) => void;
  quit: () => void;
  clickFavourite: (instance: string, entityId: string) => void;
}

/** An instance the menu was built from: its key, and its status once known. */
interface ShownInstance {
  key: string;
  status: AppStatus | null;
}

function runCommand(
  command: AppCommand,
  instances: readonly ShownInstance[],
  actions: TrayActions,
): void {
  const commands: Record<AppCommand, () => void> = {
    'pause-hour': () => actions.pauseNotifications('hour'),
    'pause-tomorrow': () => actions.pauseNotifications('tomorrow'),
    'resume-notifications': actions.resumeNotifications,
    panel: actions.openPanel,
    settings: actions.openSettings,
    reconnect: () => {
      for (const { key, status } of instances)
        if (status && needsReconnect(status)) actions.reconnect(key);
    },
    quit: actions.quit,
  };
  commands[command]();
}

/**
 * What a click on a menu item does, on the instance it names. An instance the tray no longer
 * follows (removed while the menu was open) is not acted on.
 */
export function runTrayClick(
  click: TrayClick,
  instances: readonly ShownInstance[],
  actions: TrayActions,
): void {
  const known = (key: string) => instances.some((instance) => instance.key === key);
  switch (click.kind) {
    case 'app':
      return runCommand(click.command, instances, actions);
    case 'favourite':
      if (known(click.instance)) actions.clickFavourite(click.instance, click.entityId);
      return;
    case 'instance': {
      // A plain "rotate" or "open-ha" comes from a menu of one instance: only while it is so.
      const key = click.instance ?? (instances.length === 1 ? instances[0]!.key : null);
      if (key === null || !known(key)) return;
      if (click.command === 'rotate') actions.openTokenSettings(key);
      else actions.openHomeAssistant(key);
      return;
    }
  }
}
