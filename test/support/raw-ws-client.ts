import WebSocket from 'ws';

export type Msg = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- protocol messages in tests

/**
 * A bare WebSocket client for protocol tests: it speaks no protocol of its own, records every
 * frame, and lets a test wait for the message it expects.
 */
export class RawClient {
  readonly frames: string[] = [];
  readonly messages: Msg[] = [];
  readonly closed: Promise<{ code: number }>;
  private waiters: Array<{ match: (m: Msg) => boolean; resolve: (m: Msg) => void }> = [];
  private nextId = 1;

  private constructor(readonly socket: WebSocket) {
    this.closed = new Promise((resolve) => socket.on('close', (code) => resolve({ code })));
    socket.on('message', (data) => {
      const text = data.toString();
      this.frames.push(text);
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        return;
      }
      for (const msg of (Array.isArray(parsed) ? parsed : [parsed]) as Msg[]) {
        this.messages.push(msg);
        const waiter = this.waiters.find((w) => w.match(msg));
        if (waiter) {
          this.waiters = this.waiters.filter((w) => w !== waiter);
          waiter.resolve(msg);
        }
      }
    });
  }

  /** Opens the socket; resolves once `auth_required` arrived. Rejects on HTTP errors (e.g. 403). */
  static async connect(httpUrl: string): Promise<RawClient> {
    const socket = new WebSocket(`${httpUrl.replace(/^http/, 'ws')}/api/websocket`);
    const client = new RawClient(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('unexpected-response', (_req, res) =>
        reject(new Error(`HTTP ${res.statusCode}`)),
      );
      socket.once('error', reject);
    });
    await client.next((m) => m.type === 'auth_required');
    return client;
  }

  /** Connects and authenticates; throws unless `auth_ok`. */
  static async authenticated(httpUrl: string, token: string): Promise<RawClient> {
    const client = await RawClient.connect(httpUrl);
    const reply = await client.auth(token);
    if (reply.type !== 'auth_ok') throw new Error(`expected auth_ok, got ${reply.type}`);
    return client;
  }

  auth(token: string): Promise<Msg> {
    this.sendJson({ type: 'auth', access_token: token });
    return this.next((m) => m.type === 'auth_ok' || m.type === 'auth_invalid');
  }

  sendJson(message: unknown): void {
    this.socket.send(JSON.stringify(message));
  }

  /** Sends a command with the next id and resolves with its result (or pong). */
  command(message: Msg): Promise<Msg> {
    const id = this.nextId++;
    this.sendJson({ id, ...message });
    return this.next((m) => m.id === id && (m.type === 'result' || m.type === 'pong'));
  }

  /** Uses an explicit id, for id-rule tests. */
  commandWithId(id: number, message: Msg): Promise<Msg> {
    this.nextId = Math.max(this.nextId, id + 1);
    this.sendJson({ id, ...message });
    return this.next((m) => m.id === id && (m.type === 'result' || m.type === 'pong'));
  }

  /** Subscribes and returns the id, for use with `nextEvent`. */
  async subscribe(message: Msg): Promise<number> {
    const id = this.nextId;
    const reply = await this.command(message);
    if (!reply.success) throw new Error(`subscribe failed: ${JSON.stringify(reply.error)}`);
    return id;
  }

  nextEvent(
    subscriptionId: number,
    match: (event: Msg) => boolean = () => true,
    timeoutMs = 5000,
  ): Promise<Msg> {
    return this.next(
      (m) => m.type === 'event' && m.id === subscriptionId && match(m.event),
      timeoutMs,
    ).then((m) => m.event);
  }

  /** The first message (already received or still to come) that matches. */
  next(match: (m: Msg) => boolean, timeoutMs = 5000): Promise<Msg> {
    const seen = this.messages.find(match);
    if (seen) {
      this.messages.splice(this.messages.indexOf(seen), 1);
      return Promise.resolve(seen);
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w.resolve !== done);
        reject(new Error('timed out waiting for a message'));
      }, timeoutMs);
      const done = (m: Msg) => {
        clearTimeout(timer);
        this.messages.splice(this.messages.indexOf(m), 1);
        resolve(m);
      };
      this.waiters.push({ match, resolve: done });
    });
  }

  close(): void {
    this.socket.close();
  }
}
