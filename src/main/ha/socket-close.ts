import type { Clock } from './clock';
import type { OpenedConnection } from './ha-transport';

/** WebSocket's readyState once closed (the same in ws and in browsers). */
const CLOSED = 3;

/**
 * Closes a connection for good and resolves once its socket has closed. The socket's end is what
 * rejects the requests still in flight ("Connection lost") and sets off their handlers (and their
 * log lines): an app that quits must wait for it, or those handlers run after the services are
 * gone. A server that never finishes the close handshake (a half-open socket: ws would wait 30 s)
 * is cut off after `graceMs`.
 */
export function closeConnection(
  { conn, socket }: OpenedConnection,
  clock: Clock,
  graceMs: number,
): Promise<void> {
  return new Promise((resolve) => {
    // A socket that dropped by itself has closed already: its 'close' has been and gone.
    if (socket.readyState === CLOSED) {
      conn.close();
      return resolve();
    }
    const cutOff = clock.setTimeout(() => socket.terminate(), graceMs);
    socket.addEventListener('close', () => {
      clock.clearTimeout(cutOff);
      resolve();
    });
    // close() also stops the library's own reconnect loop (it checks closeRequested).
    conn.close();
  });
}
