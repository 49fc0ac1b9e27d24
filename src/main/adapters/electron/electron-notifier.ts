import { Notification } from 'electron';
import type { Notifier } from '../../notify/notifier';

export function createElectronNotifier(): Notifier {
  // A Notification that is garbage-collected loses its click handler: keep each one alive until
  // it is clicked or closed (electron#12690).
  const alive = new Set<Notification>();
  return {
    isSupported: () => Notification.isSupported(),
    show: ({ title, body, silent }, onClick) => {
      const notification = new Notification({ title, body, silent: silent ?? false });
      alive.add(notification);
      notification.on('click', () => {
        alive.delete(notification);
        onClick?.();
      });
      notification.on('close', () => alive.delete(notification));
      notification.show();
    },
  };
}
