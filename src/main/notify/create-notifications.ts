import { entityHistoryPath } from '../../shared/ha-page-url';
import type { Settings } from '../../shared/settings';
import type { TemperatureUnit } from '../../shared/unit-system';
import type { Clock } from '../ha/clock';
import type { ConnectionSupervisor } from '../ha/connection-supervisor';
import type { EntityStore } from '../ha/entity-store';
import type { Logger } from '../log/logger';
import type { SettingsStore } from '../settings/settings-store';
import { NotificationService } from './notification-service';
import type { AppNotification } from './notification-sink';
import type { Notifier } from './notifier';
import { entityFeedFromStore } from './store-feed';

export interface NotificationDeps {
  clock: Clock;
  store: EntityStore;
  supervisor: ConnectionSupervisor;
  settings: SettingsStore;
  notifier: Notifier;
  logger: Logger;
  /** Where a click on a notification leads. */
  openHaPage: (path: string) => void;
  openSettings: (page: 'connection' | 'token') => void;
  /** The home's temperature unit (src/main/ha/home-unit-system.ts). */
  temperatureUnit: () => TemperatureUnit | undefined;
}

/**
 * The notification service on the platform's notifier, kept in step with the settings: rules and
 * quiet hours from the store, and a pause from the tray written back so it survives a restart.
 */
export function createNotifications(deps: NotificationDeps): NotificationService {
  const onClick = (notification: AppNotification) => () => {
    if (notification.entityId) deps.openHaPage(entityHistoryPath(notification.entityId));
    else if (notification.kind === 'token_rotation_due') deps.openSettings('token');
    else deps.openSettings('connection');
  };
  const service = new NotificationService({
    clock: deps.clock,
    sink: {
      show: (notification) => {
        if (!deps.notifier.isSupported())
          return deps.logger.info('Desktop notifications are not supported here');
        deps.notifier.show(
          { title: notification.title, body: notification.body },
          onClick(notification),
        );
      },
    },
    entities: entityFeedFromStore(deps.store),
    connection: deps.supervisor,
    settings: deps.settings.get().notifications,
    logger: deps.logger,
    temperatureUnit: deps.temperatureUnit,
  });
  deps.settings.onChange((settings: Settings) => service.setSettings(settings.notifications));
  service.onPauseChange((until) => {
    const notifications = deps.settings.get().notifications;
    const pausedUntil = until === null ? null : new Date(until).toISOString();
    if (notifications.pausedUntil !== pausedUntil)
      deps.settings.update({ notifications: { ...notifications, pausedUntil } });
  });
  return service;
}
