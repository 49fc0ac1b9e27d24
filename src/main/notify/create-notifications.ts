import { entityHistoryPath } from '../../shared/ha-page-url';
import type { Settings } from '../../shared/settings';
import type { Clock } from '../ha/clock';
import type { Logger } from '../log/logger';
import type { SettingsStore } from '../settings/settings-store';
import { NotificationService } from './notification-service';
import type { AppNotification } from './notification-sink';
import type { Notifier } from './notifier';

export interface NotificationDeps {
  clock: Clock;
  settings: SettingsStore;
  notifier: Notifier;
  logger: Logger;
  /** Where a click on a notification about an entity leads: a page of its instance's HA. */
  openHaPage: (instance: string, path: string) => void;
  openSettings: (page: 'connection' | 'token', instance?: string) => void;
  /** The instance's name for titles, or null while there is one instance. */
  instanceName: (key: string) => string | null;
}

/**
 * The notification service on the platform's notifier, kept in step with the settings: quiet
 * hours from the store, and a pause from the tray written back so it survives a restart. Each
 * instance adds its rules and alerts with `watch` (src/main/instances/).
 */
export function createNotifications(deps: NotificationDeps): NotificationService {
  const onClick = (notification: AppNotification) => () => {
    const { instance, entityId, kind } = notification;
    if (entityId && instance) deps.openHaPage(instance, entityHistoryPath(entityId));
    else if (kind === 'token_rotation_due') deps.openSettings('token', instance);
    else deps.openSettings('connection', instance);
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
    settings: deps.settings.get().notifications,
    instanceName: deps.instanceName,
    logger: deps.logger,
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
