import { normaliseInstanceUrl, type InstanceUrl } from '../../shared/instance-url';
import type { RotationInterval } from '../../shared/token-status';
import { UserFacingError } from '../../shared/user-facing-error';
import { runDetached } from '../detached';
import type { Clock } from '../ha/clock';
import type { ConnectionSupervisor } from '../ha/connection-supervisor';
import { openConnection, verifyToken } from '../ha/verify-token';
import type { HandledSecrets } from '../log/handled-secrets';
import type { Logger } from '../log/logger';
import type { InstanceSetup } from '../setup/instance-setup';
import type { TlsOptions } from '../tls/tls-policy';
import { haTokenCommands } from '../token-lifecycle/ha-token-commands';
import type { TokenLifecycle } from '../token-lifecycle/token-lifecycle';
import { verifyOutcome } from '../token-lifecycle/verify-outcome';
import type { TokenVault } from '../vault/token-vault';
import type { Dialogs } from '../windows/dialogs';
import type { Shell } from '../windows/shell';
import { httpAuthEndpoint } from './auth-endpoint';
import { BrowserSignIn } from './browser-sign-in';
import { openLoopbackCallback } from './loopback-callback';
import type { SignInConnection } from './sign-in-cleanup';
import type { SignInJournalStore } from './sign-in-journal';
import { signInPreflight } from './sign-in-preflight';

export interface SignInParts {
  clock: Clock;
  shell: Shell;
  dialogs: Pick<Dialogs, 'confirm'>;
  /** Each connection is a chance to clean up after an interrupted sign-in. */
  supervisor: Pick<ConnectionSupervisor, 'onStatus'>;
  setup: InstanceSetup;
  tokens: TokenLifecycle;
  vault: TokenVault;
  journal: SignInJournalStore;
  hostname: string;
  interval: () => RotationInterval;
  tlsFor: (origin: string) => TlsOptions | undefined;
  isPinned: (origin: string) => boolean;
  timeoutMs: number;
  handledSecrets: HandledSecrets;
  logger: Logger;
}

function instanceOf(origin: string): InstanceUrl {
  const instance = normaliseInstanceUrl(origin);
  if (!instance.ok) throw new UserFacingError(instance.error, 'invalid_url');
  return instance.value;
}

/** The browser sign-in on the app's parts: its connections, the vault, the token lifecycle. */
export function createSignIn(parts: SignInParts): BrowserSignIn {
  const { timeoutMs, tlsFor } = parts;
  const options = (origin: string) => ({ timeoutMs, tls: tlsFor(origin) });
  const open = (origin: string, token: string) =>
    openConnection(instanceOf(origin), token, options(origin));
  const verifyAt = (origin: string, token: string) =>
    verifyOutcome(verifyToken(instanceOf(origin), token, options(origin)));
  const signIn: BrowserSignIn = new BrowserSignIn({
    clock: parts.clock,
    openCallback: () => openLoopbackCallback(parts.clock),
    openBrowser: (url) => parts.shell.openExternal(url),
    auth: httpAuthEndpoint(options),
    connect: async (origin, token): Promise<SignInConnection> => {
      const { conn } = await open(origin, token);
      const commands = haTokenCommands(
        { send: (message) => conn.sendMessagePromise(message) },
        (other) => verifyAt(origin, other),
      );
      return { ...commands, close: () => conn.close() };
    },
    verify: verifyAt,
    vault: parts.vault,
    journal: parts.journal,
    hostname: parts.hostname,
    interval: parts.interval,
    mayContact: async (origin) => {
      if (!(await parts.setup.allowPlainHttp({ url: origin })))
        return `HA Tray sends nothing to ${origin} unencrypted without your agreement. Use its https:// address, or agree when HA Tray asks.`;
      return signInPreflight(origin, {
        timeoutMs,
        tls: tlsFor(origin),
        pinned: parts.isPinned(origin),
      });
    },
    busy: () =>
      parts.tokens.rotation.isOpen()
        ? 'A token rotation is unfinished. Finish it on the Token page first, then sign in.'
        : null,
    savedOrigin: () => parts.setup.status().instance?.origin ?? null,
    adopt: (origin, token, name) => parts.setup.adopt(origin, token, name),
    replace: (token) => replaceWithSignIn(parts, token),
    hold: (secret) => parts.handledSecrets.hold(secret),
    logger: parts.logger,
  });
  parts.supervisor.onStatus((status) => {
    if (status.state === 'connected' && signIn.isOpen())
      runDetached(signIn.resume(), parts.logger, 'Cleaning up after a sign-in');
  });
  return signIn;
}

/**
 * The connected user signed in again: the pasted-token replacement does the switch (asking first
 * about another user, in a native dialog here), then the old token is revoked, as a rotation does.
 */
async function replaceWithSignIn(parts: SignInParts, token: string): Promise<string> {
  const { manual } = parts.tokens;
  let result = await manual.replace({ token, confirmDifferent: false });
  if (result.kind === 'needs_confirmation') {
    const agreed = await parts.dialogs.confirm(
      'Use the sign-in of another user?',
      'You signed in with another account than the one HA Tray uses now. HA Tray would then ' +
        'act as that account, and the old token would keep working until you revoke it.',
      'Use the new sign-in',
    );
    if (!agreed) throw new UserFacingError('Nothing was changed: HA Tray keeps its current token.');
    result = await manual.replace({ token, confirmDifferent: true });
  }
  if (result.kind !== 'replaced') throw new UserFacingError(result.message);
  if (!result.canRevokeOld) return 'Signed in. HA Tray now uses its new token.';
  const revoked = await manual.revokeOld();
  return revoked.ok
    ? 'Signed in. HA Tray now uses its new token and revoked the old one.'
    : `Signed in. HA Tray now uses its new token. ${revoked.message}`;
}
