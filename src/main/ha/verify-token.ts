import type { Connection } from 'home-assistant-js-websocket';
import { createConnection, getUser } from 'home-assistant-js-websocket';
import type { InstanceUrl } from '../../shared/instance-url';
import type { TlsOptions } from '../tls/tls-policy';
import type { OpenedSocket } from './ha-socket';
import { openHaSocket } from './ha-socket';

export interface VerifiedUser {
  id: string;
  name: string;
  isAdmin: boolean;
  haVersion: string;
}

export interface OpenOptions {
  timeoutMs: number;
  onGarbage?: (frame: string) => void;
  tls?: TlsOptions;
}

/** Opens and authenticates one library connection (no retries). */
export async function openConnection(
  instance: InstanceUrl,
  token: string,
  options: OpenOptions,
): Promise<{ conn: Connection; socket: OpenedSocket }> {
  let socket: OpenedSocket | undefined;
  const conn = await createConnection({
    createSocket: async () => {
      socket = await openHaSocket({
        wsUrl: instance.wsUrl,
        token,
        timeoutMs: options.timeoutMs,
        onGarbage: options.onGarbage,
        tls: options.tls,
      });
      return socket;
    },
  });
  return { conn, socket: socket! };
}

/** Authenticates a token on a fresh, short-lived connection and says whose it is. */
export async function verifyToken(
  instance: InstanceUrl,
  token: string,
  options: OpenOptions,
): Promise<VerifiedUser> {
  const { conn } = await openConnection(instance, token, options);
  try {
    const user = await getUser(conn);
    return { id: user.id, name: user.name, isAdmin: user.is_admin, haVersion: conn.haVersion };
  } finally {
    conn.close();
  }
}
