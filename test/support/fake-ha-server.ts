import type { Connection } from 'home-assistant-js-websocket';
import type { HaTransport, OpenedConnection } from '../../src/main/ha/ha-transport';
import { SocketOpenError, type OpenedSocket } from '../../src/main/ha/ha-socket';
import type { FakeClock } from './fake-clock';

const refused = { kind: 'network', code: 'ECONNREFUSED', message: 'connect ECONNREFUSED' } as const;

/**
 * A Home Assistant on a fake clock, for outages too long to wait for on real sockets: it is up or
 * down, answers after `latencyMs`, and counts logins and liveness checks.
 */
export class FakeHaServer {
  logins = 0;
  livenessChecks = 0;
  private up = true;
  private readonly open = new Set<() => void>();

  constructor(
    private readonly clock: FakeClock,
    private readonly latencyMs = 5,
  ) {}

  readonly transport: HaTransport = {
    open: () =>
      this.answer(() => {
        if (!this.up) throw new SocketOpenError(refused);
        this.logins++;
        return this.connection();
      }),
    checkLiveness: () =>
      this.answer(() => {
        this.livenessChecks++;
        return this.up ? { alive: true } : { alive: false, failure: refused };
      }),
  };

  /** Home Assistant stops: every connection drops, new ones are refused. */
  stop(): void {
    this.up = false;
    for (const drop of [...this.open]) drop();
    this.open.clear();
  }

  start(): void {
    this.up = true;
  }

  private answer<T>(result: () => T): Promise<T> {
    return new Promise((resolve, reject) =>
      this.clock.setTimeout(() => {
        try {
          resolve(result());
        } catch (error) {
          reject(error);
        }
      }, this.latencyMs),
    );
  }

  private connection(): OpenedConnection {
    const listeners: Array<() => void> = [];
    const closeListeners: Array<() => void> = [];
    const drop = () => listeners.forEach((listener) => listener());
    this.open.add(drop);
    const conn = {
      haVersion: '2024.1.6',
      addEventListener: (type: string, listener: () => void) => {
        if (type === 'disconnected') listeners.push(listener);
      },
      subscribeMessage: async (callback: (event: unknown) => void) => {
        callback({ a: {} });
        return async () => undefined;
      },
      ping: async () => undefined,
      sendMessagePromise: async () => ({}),
      close: () => {
        this.open.delete(drop);
        // No handshake here: the socket is gone at once.
        queueMicrotask(() => closeListeners.forEach((listener) => listener()));
      },
    };
    const socket = {
      terminate: drop,
      addEventListener: (type: string, listener: () => void) => {
        if (type === 'close') closeListeners.push(listener);
      },
    };
    return {
      conn: conn as unknown as Connection,
      socket: socket as unknown as OpenedSocket,
    };
  }
}
