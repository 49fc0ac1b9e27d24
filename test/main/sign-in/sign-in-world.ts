import { AuthEndpointRefusal, type AuthEndpoint } from '../../../src/main/sign-in/auth-endpoint';
import { BrowserSignIn } from '../../../src/main/sign-in/browser-sign-in';
import type {
  CallbackOutcome,
  LoopbackCallback,
} from '../../../src/main/sign-in/loopback-callback';
import type { SignInJournal, SignInJournalStore } from '../../../src/main/sign-in/sign-in-journal';
import type { SignInStatus } from '../../../src/shared/sign-in';
import { recordingLogger } from '../../support/test-logger';
import { CrashSwitch } from '../token-lifecycle/fakes/crash-switch';
import { FakeHa } from '../token-lifecycle/fakes/fake-ha';
import { FakeVault } from '../token-lifecycle/fakes/fake-vault';

export const ORIGIN = 'http://192.168.1.20:8123';
export const USER = 'user-1';
const START = new Date(2026, 11, 7, 9, 30).getTime();

const OPERATIONS = [
  'createToken',
  'listRefreshTokens',
  'deleteRefreshToken',
  'verifyToken',
  'currentUser',
] as const;

/** A crash switch that also tells the world which point was passed. */
class WorldSwitch extends CrashSwitch {
  constructor(
    crashAt: number | null,
    private readonly passedPoint: (name: string) => void,
  ) {
    super(crashAt);
  }

  override point(name: string): void {
    super.point(name);
    this.passedPoint(name);
  }
}

/** The sign-in journal "on disk", in memory, with the crash switch's points around each write. */
class MemorySignInJournal implements SignInJournalStore {
  saved: SignInJournal | null = null;
  constructor(private readonly crash: () => CrashSwitch) {}
  async read() {
    return this.saved;
  }
  async write(journal: SignInJournal) {
    this.crash().point(`journal.write:${journal.step}`);
    this.saved = structuredClone(journal);
    this.crash().point(`journal.write:${journal.step}:done`);
  }
  async clear() {
    this.crash().point('journal.clear');
    this.saved = null;
    this.crash().point('journal.clear:done');
  }
}

/**
 * Home Assistant's tokens, the vault and the journal outlive the process; `app()` is a new process.
 * The browser is the test: `browserReturns` delivers what Home Assistant's redirect carries.
 * `refusedCredentials` counts every request made with a revoked or refused credential: each one
 * counts toward Home Assistant's IP ban, so it must stay 0.
 */
export class SignInWorld {
  time = START;
  crash = new CrashSwitch();
  readonly ha = new FakeHa(
    () => this.time,
    () => this.crash,
  );
  readonly vault: FakeVault;
  readonly journal = new MemorySignInJournal(() => this.crash);
  readonly logger = recordingLogger();
  readonly statuses: SignInStatus[] = [];
  refusedCredentials = 0;
  /** What the token rotation says while it is unfinished. */
  busy: string | null = null;
  opened: string[] = [];
  saved: string | null;
  /** Home Assistant is down: every request fails as on a lost network. */
  down = false;
  /** The point (a fake's effect, e.g. `ha.createToken:done`) after which Home Assistant goes down. */
  downAfter: string | null = null;
  private callback: { clientId: string; settle: (outcome: CallbackOutcome) => void } | null = null;
  private readonly codes = new Map<string, { clientId: string; used: boolean }>();
  private readonly refreshTokens = new Map<string, string>();
  private nextCode = 1;
  private nextPort = 40000;

  constructor({ current }: { current?: 'none' | 'same_user' } = {}) {
    this.ha.issue(USER, 'Phone');
    const token = current === 'same_user' ? this.ha.issue(USER, 'HA Tray (pasted)') : null;
    this.vault = new FakeVault(token, () => this.crash);
    this.saved = token ? ORIGIN : null;
  }

  app(crashAt: number | null = null): BrowserSignIn {
    this.crash = new WorldSwitch(crashAt, (name) => {
      if (name === this.downAfter) this.goDown();
    });
    const signIn = new BrowserSignIn({
      clock: { now: () => this.time, setTimeout: () => ({}), clearTimeout: () => undefined },
      openCallback: async () => this.openCallback(),
      openBrowser: async (url) => {
        this.opened.push(url);
      },
      auth: this.auth(),
      connect: async (_origin, token) => {
        this.crash.point('connect');
        if (this.down)
          throw Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
        if (!this.ha.works(token)) {
          this.refusedCredentials++;
          throw new Error('auth_invalid');
        }
        return { ...this.ha.port(() => token), close: () => undefined };
      },
      verify: (_origin, token) => this.ha.port(() => token).verifyToken(token),
      vault: {
        token: () => this.vault.current,
        pendingToken: () => this.vault.pending,
        savePending: (token) => this.vault.savePending(token),
        discardPending: () => this.vault.discardPending(),
      },
      journal: this.journal,
      hostname: 'desk',
      interval: () => 90,
      mayContact: async () => null,
      busy: () => this.busy,
      savedOrigin: () => this.saved,
      adopt: async (origin, token) => {
        await this.vault.saveCurrent(token);
        this.saved = origin;
      },
      replace: async (token) => {
        const old = this.ha.recordOf(this.vault.current)!;
        await this.vault.saveCurrent(token);
        await this.ha.port(() => token).deleteRefreshToken(old.id);
        return 'Signed in. HA Tray now uses its new token and revoked the old one.';
      },
      hold: () => () => undefined,
      logger: this.logger,
    });
    signIn.onStatus((status) => this.statuses.push(status));
    return signIn;
  }

  goDown(): void {
    this.down = true;
    for (const op of OPERATIONS) this.ha.failing.add(op);
  }

  comeBack(): void {
    this.down = false;
    this.downAfter = null;
    this.ha.failing.clear();
  }

  /** The browser comes back: with a fresh code for `USER` unless `outcome` says otherwise. */
  browserReturns(outcome?: CallbackOutcome): string | null {
    const callback = this.callback;
    if (!callback) throw new Error('nobody waits for the browser');
    this.callback = null;
    if (outcome) {
      callback.settle(outcome);
      return null;
    }
    const code = `code-${this.nextCode++}`;
    this.codes.set(code, { clientId: callback.clientId, used: false });
    callback.settle({ kind: 'code', code });
    return code;
  }

  /** Sign-in sessions (`normal` tokens) and tokens HA Tray made that still exist. */
  leftovers(): string[] {
    return this.ha
      .liveTokens()
      .filter(
        (t) =>
          (t.type === 'normal' || t.clientName?.startsWith('HA Tray on ')) &&
          t.token !== this.vault.current,
      )
      .map((t) => `${t.type}:${t.clientName ?? t.clientId}`);
  }

  private openCallback(): LoopbackCallback {
    const port = this.nextPort++;
    let settle!: (outcome: CallbackOutcome) => void;
    const outcome = new Promise<CallbackOutcome>((resolve) => (settle = resolve));
    const clientId = `http://127.0.0.1:${port}/`;
    let done = false;
    const once = (result: CallbackOutcome) => {
      if (done) return;
      done = true;
      settle(result);
    };
    this.callback = { clientId, settle: once };
    return {
      clientId,
      redirectUri: `${clientId}callback`,
      state: `state-${port}`,
      outcome,
      cancel: () => once({ kind: 'cancelled' }),
    };
  }

  private auth(): AuthEndpoint {
    const guard = (name: string) => {
      this.crash.point(name);
      if (this.down)
        throw Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    };
    return {
      exchangeCode: async (_origin, code, clientId) => {
        guard('auth.exchangeCode');
        const grant = this.codes.get(code);
        if (!grant || grant.used || grant.clientId !== clientId) throw new AuthEndpointRefusal(400);
        grant.used = true;
        const accessToken = this.ha.issue(USER, null, 3650, 'normal');
        const record = this.ha.recordOf(accessToken)!;
        record.clientId = clientId;
        const refreshToken = `refresh-${record.id}`;
        this.refreshTokens.set(refreshToken, record.id);
        this.crash.point('auth.exchangeCode:done');
        return { accessToken, refreshToken };
      },
      refreshAccess: async (_origin, refreshToken) => {
        guard('auth.refreshAccess');
        const record = this.ha.tokens.get(this.refreshTokens.get(refreshToken) ?? '');
        if (!record || record.deleted) {
          this.refusedCredentials++;
          throw new AuthEndpointRefusal(400);
        }
        return record.token;
      },
      revoke: async (_origin, refreshToken) => {
        guard('auth.revoke');
        const record = this.ha.tokens.get(this.refreshTokens.get(refreshToken) ?? '');
        if (record) record.deleted = true;
        this.crash.point('auth.revoke:done');
      },
    };
  }
}
