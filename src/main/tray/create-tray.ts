import type { DesktopStatus } from '../../shared/desktop-status';
import type { SettingsPage } from '../../shared/ipc/contract';
import type { Settings } from '../../shared/settings';
import type { AppServices } from '../app-services';
import { runDetached } from '../detached';
import { openSavedHaPage } from '../setup/open-ha-page';
import type { Dialogs } from '../windows/dialogs';
import type { Shell } from '../windows/shell';
import { clickFavourite } from './favourite-click';
import type { SystemTheme } from './system-theme';
import type { TrayHost } from './tray-host';
import { TrayService } from './tray-service';

export interface TrayDeps {
  host: TrayHost;
  dialogs: Dialogs;
  shell: Shell;
  openPanel: () => void;
  openSettings: (page?: SettingsPage) => void;
  quit: () => void;
  theme: SystemTheme;
}

/** Connects the tray to the services: status, favourites and their clicks. Shared by the app and the e2e harness. */
export function createTray(services: AppServices, deps: TrayDeps): TrayService {
  const openPage = (path: string) => openSavedHaPage(services.settings, path, deps.shell);
  const tray = new TrayService(deps.host, services.store, {
    openPanel: deps.openPanel,
    openSettings: () => deps.openSettings(),
    openTokenSettings: () => deps.openSettings('token'),
    pauseNotifications: (how) =>
      void (how === 'hour'
        ? services.notifications.pauseForAnHour()
        : services.notifications.pauseUntilTomorrow()),
    resumeNotifications: () => services.notifications.resume(),
    openHomeAssistant: () =>
      void openPage('/').catch((error: unknown) =>
        services.logger.warn('Could not open Home Assistant', error),
      ),
    reconnect: () => services.supervisor.reconnectNow(),
    quit: deps.quit,
    clickFavourite: (entityId) =>
      runDetached(
        clickFavourite(
          {
            store: services.store,
            connection: () => services.supervisor.connection(),
            dialogs: deps.dialogs,
            openHaPage: openPage,
            openPanel: deps.openPanel,
          },
          entityId,
        ),
        services.logger,
        `Acting on the favourite ${entityId}`,
      ),
  });
  const applySettings = (settings: Settings) => {
    tray.setFavourites(settings.favourites);
    tray.setSensor(settings.ui.traySensor);
  };
  services.settings.onChange(applySettings);
  applySettings(services.settings.get());
  const showShortcut = ({ shortcut }: DesktopStatus) =>
    tray.setPanelShortcut(shortcut.registered ? shortcut.accelerator : null);
  services.desktop.onStatus(showShortcut);
  showShortcut(services.desktop.status());
  services.setup.onStatus((status) => tray.setStatus(status));
  services.tokens.onStatus((status) => tray.setReminder(status.reminder));
  tray.setReminder(services.tokens.status().reminder);
  services.notifications.onPauseChange((until) => tray.setPausedUntil(until));
  tray.setPausedUntil(services.notifications.pausedUntil());
  const showPlaces = () => tray.setPlaces((entityId) => services.areas.placeOf(entityId));
  services.areas.onChange(showPlaces);
  showPlaces();
  services.units.onChange((unit) => tray.setTemperatureUnit(unit));
  tray.setTemperatureUnit(services.units.temperatureUnit());
  tray.setDark(deps.theme.isDark());
  deps.theme.onChange(() => tray.setDark(deps.theme.isDark()));
  tray.setStatus(services.setup.status());
  return tray;
}
