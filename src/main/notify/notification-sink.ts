/** What a notification is about; decides which policies apply and what a click opens. */
export type NotificationKind =
  | 'entity'
  | 'connection_lost'
  | 'connection_restored'
  | 'token_rejected'
  | 'ban_detected'
  | 'token_rotation_due'
  /** "Send test notification" on the settings page: shown even when paused or in quiet hours. */
  | 'test';

export interface AppNotification {
  kind: NotificationKind;
  title: string;
  body: string;
  /** The key of the instance it is about; absent for the app's own (a test without an entity). */
  instance?: string;
  /** For entity notifications: a click opens this entity's history in Home Assistant. */
  entityId?: string;
}

/**
 * Where notifications go. The Electron notifier implements it (src/main/adapters/electron/); a click on an
 * entity notification opens `entityHistoryPath(entityId)` (src/shared/ha-page-url.ts) on the configured Home Assistant.
 */
export interface NotificationSink {
  show(notification: AppNotification): void;
}
