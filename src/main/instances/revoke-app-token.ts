import type { InstanceRemoval } from '../../shared/ipc/contract';
import type { HaTokenPort } from '../token-lifecycle/ports';
import { refreshTokenIdOf } from '../token-lifecycle/token-claims';

/** What revoking needs of an instance: its tokens, its connection and its token commands. */
export interface RevokeParts {
  /** In the order they are revoked: the current one last (see below). */
  tokens: (string | null)[];
  connected: boolean;
  ha: Pick<HaTokenPort, 'deleteRefreshToken' | 'verifyToken'>;
}

const NOT_CONNECTED =
  'HA Tray is not connected to this Home Assistant, so its token could not be revoked. It stays ' +
  'valid until you delete it in your Home Assistant profile, under Security.';
const REFUSED =
  'Home Assistant did not revoke the token. It stays valid until you delete it in your Home ' +
  'Assistant profile, under Security.';

/**
 * Before an instance is removed: revokes the tokens HA Tray holds for it (the current one and a
 * rotation's pending one) in that Home Assistant. Deleting the token a connection runs on may
 * close that connection before the answer arrives, so a failed command counts as done when the
 * token is refused afterwards.
 */
export async function revokeAppTokens(parts: RevokeParts): Promise<InstanceRemoval> {
  const tokens = parts.tokens.filter((t): t is string => t !== null);
  if (tokens.length === 0) return { revoked: false, revokeProblem: null };
  if (!parts.connected) return { revoked: false, revokeProblem: NOT_CONNECTED };
  // The current token last: deleting it may end the connection the others are deleted on.
  for (const token of tokens) {
    const id = refreshTokenIdOf(token);
    if (id === null) continue;
    try {
      await parts.ha.deleteRefreshToken(id);
    } catch {
      const outcome = await parts.ha.verifyToken(token).catch(() => null);
      if (outcome?.kind !== 'rejected') return { revoked: false, revokeProblem: REFUSED };
    }
  }
  return { revoked: true, revokeProblem: null };
}
