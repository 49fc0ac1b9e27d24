import type {
  HaIdentity,
  HaTokenPort,
  RefreshTokenInfo,
  VerifyOutcome,
} from '../../../../src/main/token-lifecycle/ports';
import type { CrashSwitch } from './crash-switch';
import { makeJwt } from './jwt';

const DAY = 86_400_000;

export interface FakeRefreshToken {
  id: string;
  token: string;
  userId: string;
  clientName: string | null;
  /** A sign-in session's OAuth client (`normal` tokens made by a browser sign-in). */
  clientId?: string;
  type: RefreshTokenInfo['type'];
  createdAt: number;
  expiresAt: number;
  deleted: boolean;
}

export type FakeHaOperation =
  'createToken' | 'listRefreshTokens' | 'deleteRefreshToken' | 'verifyToken' | 'currentUser';

/**
 * A model of Home Assistant's tokens (not the simulator): which tokens exist, whose they are,
 * whether they work. Commands run "on the live connection", so they fail once its token stops
 * working, as on the real server where deleting a token closes its sockets.
 */
export class FakeHa {
  readonly tokens = new Map<string, FakeRefreshToken>();
  /** Operations that fail (without effect) until removed. */
  readonly failing = new Set<FakeHaOperation>();
  /** Operations that take effect and then fail, like a connection lost before the answer. */
  readonly failingAfterEffect = new Set<FakeHaOperation>();
  private nextId = 1;

  constructor(
    readonly now: () => number,
    private readonly crash: () => CrashSwitch,
  ) {}

  /** Creates a long-lived token directly (as the user does in HA's profile page). */
  issue(
    userId: string,
    clientName: string | null,
    lifespanDays = 3650,
    type: FakeRefreshToken['type'] = 'long_lived_access_token',
  ): string {
    const id = `rt${this.nextId++}`;
    const iat = Math.floor(this.now() / 1000);
    const token = makeJwt({ iss: id, iat, exp: iat + lifespanDays * 86_400 });
    this.tokens.set(id, {
      id,
      token,
      userId,
      clientName,
      type,
      createdAt: this.now(),
      expiresAt: this.now() + lifespanDays * DAY,
      deleted: false,
    });
    return token;
  }

  /** A token that authenticates but is not a JWT (how a proxy or future HA might hand one out). */
  issueOpaque(userId: string, clientName: string): string {
    const id = `rt${this.nextId++}`;
    const token = `opaque-${id}-secret`;
    this.tokens.set(id, {
      id,
      token,
      userId,
      clientName,
      type: 'long_lived_access_token',
      createdAt: this.now(),
      expiresAt: Infinity,
      deleted: false,
    });
    return token;
  }

  recordOf(token: string | null): FakeRefreshToken | undefined {
    return [...this.tokens.values()].find((t) => t.token === token);
  }

  works(token: string | null): boolean {
    const record = this.recordOf(token);
    return record !== undefined && !record.deleted && record.expiresAt > this.now();
  }

  /** Every token a rotation created (they carry the app's name). */
  createdByRotation(): FakeRefreshToken[] {
    return [...this.tokens.values()].filter(
      (t) => t.clientName?.startsWith('HA Tray on ') === true,
    );
  }

  liveTokens(): FakeRefreshToken[] {
    return [...this.tokens.values()].filter((t) => !t.deleted);
  }

  /** The port as the app sees it, with commands sent on the connection that uses `live()`. */
  port(live: () => string | null): HaTokenPort {
    const run = async <T>(op: FakeHaOperation, needsLive: boolean, effect: () => T): Promise<T> => {
      this.crash().point(`ha.${op}`);
      if (this.failing.has(op)) throw new Error(`fake HA: ${op} failed`);
      if (needsLive && !this.works(live())) throw new Error('fake HA: not connected');
      const result = effect();
      this.crash().point(`ha.${op}:done`);
      if (this.failingAfterEffect.has(op)) throw new Error(`fake HA: connection lost after ${op}`);
      return result;
    };
    const userOfLive = () => this.recordOf(live())!.userId;
    return {
      createToken: (clientName, lifespanDays) =>
        run('createToken', true, () => {
          const taken = this.liveTokens().some(
            (t) => t.userId === userOfLive() && t.clientName === clientName,
          );
          if (taken) throw new Error('fake HA: unknown_error (client_name taken)');
          return this.issue(userOfLive(), clientName, lifespanDays);
        }),
      listRefreshTokens: () =>
        run('listRefreshTokens', true, () =>
          this.liveTokens()
            .filter((t) => t.userId === userOfLive())
            .map((t) => ({
              id: t.id,
              clientName: t.clientName,
              clientId: t.clientId ?? null,
              type: t.type,
              createdAt: t.createdAt,
              expireAt: null,
              isCurrent: t.token === live(),
            })),
        ),
      deleteRefreshToken: (id) =>
        run('deleteRefreshToken', true, () => {
          const record = this.tokens.get(id);
          if (record && record.userId !== userOfLive())
            throw new Error('fake HA: invalid_token_id (other user)');
          if (record) record.deleted = true;
        }),
      verifyToken: (token) =>
        run('verifyToken', false, (): VerifyOutcome => {
          const record = this.recordOf(token);
          if (!record || !this.works(token)) return { kind: 'rejected' };
          return { kind: 'ok', userId: record.userId };
        }),
      currentUser: () => run('currentUser', true, (): HaIdentity => ({ userId: userOfLive() })),
    };
  }
}
