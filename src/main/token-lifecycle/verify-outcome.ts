import { socketRefusal } from '../../shared/login-refusal';
import { SocketOpenError } from '../ha/ha-socket';
import type { VerifiedUser } from '../ha/verify-token';
import type { VerifyOutcome } from './ports';

/**
 * A token checked on a fresh connection, as the token work reads it: Home Assistant refusing the
 * token (login-refusal.ts) is `rejected`; anything else (the network, a timeout) is trouble and
 * rejects.
 */
export async function verifyOutcome(
  verified: Promise<Pick<VerifiedUser, 'id' | 'name'>>,
): Promise<VerifyOutcome> {
  try {
    const user = await verified;
    return { kind: 'ok', userId: user.id, userName: user.name };
  } catch (error) {
    if (error instanceof SocketOpenError && socketRefusal(error.failure) === 'token_rejected')
      return { kind: 'rejected' };
    throw error;
  }
}
