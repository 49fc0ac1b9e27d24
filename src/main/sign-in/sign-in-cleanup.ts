import type { HaTokenPort } from '../token-lifecycle/ports';
import { signInStepReached, type SignInJournal } from './sign-in-journal';

/** A fresh connection a sign-in talks to Home Assistant on: the token commands, then close. */
export interface SignInConnection extends Pick<
  HaTokenPort,
  'currentUser' | 'listRefreshTokens' | 'createToken' | 'deleteRefreshToken'
> {
  close(): void;
}

/**
 * Deletes what an unfinished sign-in left in Home Assistant, seen from `connection`: the
 * long-lived token it was making (unless `keepNewToken`: it became the vault's token), and the
 * sign-in sessions of its client ids. The connection's own refresh token is never deleted here
 * (a connection that deletes its own token loses the answer): the caller ends that one another way.
 */
export async function deleteSignInLeftovers(
  connection: SignInConnection,
  journal: SignInJournal,
  { keepNewToken }: { keepNewToken: boolean },
): Promise<void> {
  const tokens = await connection.listRefreshTokens();
  const doomed = new Set<string>();
  if (!keepNewToken && signInStepReached(journal, 'creating')) {
    const made =
      journal.newTokenId ??
      tokens.find(
        (t) => t.type === 'long_lived_access_token' && t.clientName === journal.clientName,
      )?.id;
    if (made) doomed.add(made);
  }
  const clientIds = new Set([journal.clientId, ...journal.leftoverClientIds]);
  for (const token of tokens) {
    if (token.type === 'normal' && token.clientId && clientIds.has(token.clientId))
      doomed.add(token.id);
  }
  if (journal.sessionTokenId) doomed.add(journal.sessionTokenId);
  // Only what Home Assistant still lists: a token deleted before the crash needs no second request.
  for (const token of tokens) {
    if (doomed.has(token.id) && !token.isCurrent) await connection.deleteRefreshToken(token.id);
  }
}
