import type { Connection } from 'home-assistant-js-websocket';
import type { InstanceUrl } from '../../shared/instance-url';
import { UserFacingError } from '../../shared/user-facing-error';
import type { Logger } from '../log/logger';
import type { TlsOptions } from '../tls/tls-policy';
import type { OpenedSocket } from './ha-socket';
import { checkLiveness, type Liveness } from './liveness';
import { openConnection, verifyToken, type OpenOptions, type VerifiedUser } from './verify-token';

/** Why a token cannot be switched or verified: no Home Assistant is set up. */
export const NO_INSTANCE = 'HA Tray is not connected to a Home Assistant.';

/** Why a command cannot go out: there is no live connection. */
export const notConnected = (): UserFacingError =>
  new UserFacingError('HA Tray is not connected to Home Assistant right now.', 'not_connected');

export interface Credentials {
  instance: InstanceUrl;
  token: string;
}

export type OpenedConnection = { conn: Connection; socket: OpenedSocket };

/** How the supervisor reaches Home Assistant; real sockets unless a test or the bench injects a fake. */
export interface HaTransport {
  open(credentials: Credentials, options: OpenOptions): Promise<OpenedConnection>;
  checkLiveness(instance: InstanceUrl, timeoutMs: number, tls?: TlsOptions): Promise<Liveness>;
}

export const socketTransport: HaTransport = {
  open: (credentials, options) => openConnection(credentials.instance, credentials.token, options),
  checkLiveness: (instance, timeoutMs, tls) => checkLiveness(instance.wsUrl, timeoutMs, tls),
};

export interface DialerOptions {
  logger: Logger;
  /** Real sockets unless a test or the bench injects a fake. */
  transport?: HaTransport;
  /** Bounds an upgrade and its auth phase, and a liveness check; default 10 s. */
  connectTimeoutMs?: number;
  /** TLS options per origin: trusted CAs or a pinned certificate (src/main/tls/tls-policy.ts). */
  tlsFor?: (origin: string) => TlsOptions | undefined;
}

/** The transport with the app's timeout and TLS trust, the same for a login and a look. */
export class Dialer {
  private readonly transport: HaTransport;
  private readonly timeoutMs: number;

  constructor(private readonly options: DialerOptions) {
    this.transport = options.transport ?? socketTransport;
    this.timeoutMs = options.connectTimeoutMs ?? 10_000;
  }

  open(credentials: Credentials): Promise<OpenedConnection> {
    const { transport, timeoutMs } = this;
    const { tlsFor, logger } = this.options;
    return transport.open(credentials, {
      timeoutMs,
      tls: tlsFor?.(credentials.instance.origin),
      onGarbage: (frame) =>
        logger.warn('Ignored a frame from Home Assistant that is not JSON', { frame }),
    });
  }

  /** Whether it answers, no token sent; with the login's trust (a pinned server must look alive). */
  checkLiveness(instance: InstanceUrl): Promise<Liveness> {
    const tls = this.options.tlsFor?.(instance.origin);
    return this.transport.checkLiveness(instance, this.timeoutMs, tls);
  }

  /** Authenticates a token on a fresh, short-lived connection and says whose it is. */
  async verify(instance: InstanceUrl | undefined, token: string): Promise<VerifiedUser> {
    if (!instance) throw new UserFacingError(NO_INSTANCE);
    const tls = this.options.tlsFor?.(instance.origin);
    return verifyToken(instance, token, { timeoutMs: this.timeoutMs, tls });
  }
}

/**
 * What new credentials are to the ones in use: the same again (saved twice), a new token for the
 * same Home Assistant (a rotation, a pasted token, or the one a switch is moving to), or another
 * Home Assistant (or none).
 */
export function credentialsChange(
  current: Credentials | null,
  next: Credentials | null,
  switchingTo: string | undefined,
): 'same' | 'token' | 'instance' {
  if (!next || !current || next.instance.origin !== current.instance.origin) return 'instance';
  return next.token === current.token || next.token === switchingTo ? 'same' : 'token';
}
