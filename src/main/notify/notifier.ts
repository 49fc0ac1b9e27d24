export interface DesktopNotification {
  title: string;
  body: string;
  silent?: boolean;
}

/** Desktop notifications (libnotify, Notification Center, Windows toasts). */
export interface Notifier {
  isSupported(): boolean;
  /** `onClick` may never fire: `close` and `click` are not guaranteed on every platform. */
  show(notification: DesktopNotification, onClick?: () => void): void;
}
