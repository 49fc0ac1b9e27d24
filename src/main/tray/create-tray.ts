import type { DesktopStatus } from '../../shared/desktop-status';
import type { SettingsPage } from '../../shared/ipc/contract';
import type { Settings } from '../../shared/settings';
import type { AppServices } from '../app-services';
import { runDetached } from '../detached';
import type { Logger } from '../log/logger';
import { openSavedHaPage } from '../setup/open-ha-page';
import type { Dialogs } from '../windows/dialogs';
import type { Shell } from '../windows/shell';
import { clickFavourite } from './favourite-click';
import { followInstances, type TrayInstance, type TrayInstanceList } from './follow-instances';
import type { SystemTheme } from './system-theme';
import type { TrayHost } from './tray-host';
import { TrayService } from './tray-service';

export interface TrayDeps {
  host: TrayHost;
  dialogs: Dialogs;
  shell: Shell;
  openPanel: () => void;
  /** Opens the settings window, on a page of one instance where it is about one. */
  openSettings: (page?: SettingsPage, instance?: string) => void;
  quit: () => void;
  theme: SystemTheme;
}

/** What the tray reads of the app's services (src/main/app-services.ts). */
export interface TrayServices {
  instances: TrayInstanceList;
  settings: Pick<AppServices['settings'], 'get' | 'onChange'>;
  notifications: Pick<
    AppServices['notifications'],
    'pauseForAnHour' | 'pauseUntilTomorrow' | 'resume' | 'pausedUntil' | 'onPauseChange'
  >;
  desktop: Pick<AppServices['desktop'], 'status' | 'onStatus'>;
  logger: Pick<Logger, 'warn'>;
}

/**
 * Connects the tray to the services: every instance's status, favourites and their clicks, and
 * the app's pause, shortcut and theme. Shared by the app and the e2e harness.
 */
export function createTray(services: TrayServices, deps: TrayDeps): TrayService {
  const { logger } = services;
  const instanceOf = (key: string): TrayInstance | undefined =>
    services.instances.list().find((instance) => instance.key === key);
  const openPage = (instance: TrayInstance, path: string) =>
    openSavedHaPage(instance.settings, path, deps.shell);
  const tray = new TrayService(deps.host, {
    openPanel: deps.openPanel,
    openSettings: () => deps.openSettings(),
    openTokenSettings: (key) => deps.openSettings('token', key),
    pauseNotifications: (how) =>
      void (how === 'hour'
        ? services.notifications.pauseForAnHour()
        : services.notifications.pauseUntilTomorrow()),
    resumeNotifications: () => services.notifications.resume(),
    openHomeAssistant: (key) => {
      const instance = instanceOf(key);
      if (instance)
        openPage(instance, '/').catch((error: unknown) =>
          logger.warn('Could not open Home Assistant', error),
        );
    },
    reconnect: (key) => instanceOf(key)?.supervisor.reconnectNow(),
    quit: deps.quit,
    clickFavourite: (key, entityId) => {
      const instance = instanceOf(key);
      if (!instance) return;
      runDetached(
        clickFavourite(
          {
            store: instance.store,
            connection: () => instance.supervisor.connection(),
            dialogs: deps.dialogs,
            openHaPage: (path) => openPage(instance, path),
            openPanel: deps.openPanel,
          },
          entityId,
        ),
        logger,
        `Acting on the favourite ${entityId}`,
      );
    },
  });
  const showSensor = (settings: Settings) => tray.setSensor(settings.ui.traySensor);
  const showShortcut = ({ shortcut }: DesktopStatus) =>
    tray.setPanelShortcut(shortcut.registered ? shortcut.accelerator : null);
  showSensor(services.settings.get());
  showShortcut(services.desktop.status());
  tray.setPausedUntil(services.notifications.pausedUntil());
  tray.setDark(deps.theme.isDark());
  const offs = [
    services.settings.onChange(showSensor),
    services.desktop.onStatus(showShortcut),
    services.notifications.onPauseChange((until) => tray.setPausedUntil(until)),
    deps.theme.onChange(() => tray.setDark(deps.theme.isDark())),
    // Last: the tray draws once the instances' statuses are known.
    followInstances(tray, services.instances, services.settings),
  ];
  tray.addDisposer(() => offs.forEach((off) => off()));
  return tray;
}
