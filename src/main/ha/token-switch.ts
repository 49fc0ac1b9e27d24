import { UserFacingError } from '../../shared/user-facing-error';
import { NO_INSTANCE, type Credentials, type OpenedConnection } from './ha-transport';

/**
 * Moves a live connection to a new token without the user seeing a disconnect: a second
 * connection authenticates with it first, then `replace` puts it in the first one's place. A
 * request for the token already under way joins it; a token that fails leaves the first
 * connection as it was, and the promise rejects.
 */
export class TokenSwitch {
  private switching: { token: string; done: Promise<void> } | null = null;

  constructor(
    private readonly open: (credentials: Credentials) => Promise<OpenedConnection>,
    private readonly replace: (opened: OpenedConnection, credentials: Credentials) => void,
  ) {}

  /** The token a switch is moving to now, if any. */
  get pendingToken(): string | undefined {
    return this.switching?.token;
  }

  /** From `current` (connected or not) to `token`: at once when that is the token in use. */
  to(current: Credentials | null, token: string, connected: boolean): Promise<void> {
    if (!current) return Promise.reject(new UserFacingError(NO_INSTANCE));
    if (current.token === token && connected) return Promise.resolve();
    if (this.switching?.token === token) return this.switching.done;
    const credentials = { ...current, token };
    const done = this.open(credentials)
      .then((opened) => this.replace(opened, credentials))
      .finally(() => {
        if (this.switching?.done === done) this.switching = null;
      });
    this.switching = { token: credentials.token, done };
    return done;
  }
}
