import type { TokenInputResult } from '../../shared/token-input';
import { normaliseTokenInput } from '../../shared/token-input';
import type {
  ManualRotationRequest,
  ManualRotationResult,
  RevokeOldResult,
  TokenDifference,
} from '../../shared/token-status';
import type { Logger } from '../log/logger';
import type {
  HaIdentity,
  HaTokenPort,
  LiveConnection,
  ReplacingVault,
  VerifyOutcome,
} from './ports';
import { refreshTokenIdOf } from './token-claims';

export interface ManualRotationOptions {
  ha: HaTokenPort;
  vault: ReplacingVault;
  connection: LiveConnection;
  /** A one-click rotation is unfinished: its recovery relies on the vault staying as it left it. */
  rotationOpen: () => boolean;
  normalise?: (input: string) => TokenInputResult;
  logger?: Logger;
}

const MESSAGES = {
  rotationOpen: 'A token rotation is unfinished. Retry it first, then paste the new token.',
  sameToken: 'This is the token HA Tray already uses.',
  unreachable: 'HA Tray could not reach Home Assistant to check this token. Nothing was changed.',
  rejected:
    'Home Assistant did not accept this token. Check that it was copied whole and is not revoked.',
  notSwitched: 'HA Tray could not connect with the new token. Nothing was changed.',
  notSaved:
    'HA Tray is using the new token now, but could not save it; it will use the old one after a restart. Try again.',
  replacedRevocable:
    'HA Tray now uses the new token. The old token still works until you revoke it.',
  replacedOther:
    'HA Tray now uses the new token. The old token still works: revoke it in Home Assistant if nothing else needs it.',
  noOld: 'There is no old token to revoke.',
  revokeFailed:
    'Home Assistant did not revoke the old token. Try again, or delete it in your Home Assistant profile.',
} as const;

const DIFFERENCE_TEXT: Record<TokenDifference, string> = {
  other_user: 'belongs to another Home Assistant user than the current one',
  other_instance: 'belongs to another Home Assistant instance',
  user_unknown: 'could not be compared with the current token, which Home Assistant did not accept',
};

export function differencesBetween(
  current: HaIdentity | null,
  pasted: HaIdentity,
): TokenDifference[] {
  if (current === null) return ['user_unknown'];
  const differences: TokenDifference[] = [];
  if (
    current.instanceId !== undefined &&
    pasted.instanceId !== undefined &&
    current.instanceId !== pasted.instanceId
  ) {
    differences.push('other_instance');
  }
  if (current.userId !== pasted.userId) differences.push('other_user');
  return differences;
}

/**
 * Replacing the token with one the user pasted: it is verified (same Home Assistant, same user,
 * or an explicit confirmation) before it replaces the current one. The old token keeps working
 * until the user chooses to revoke it, as a separate step.
 */
export class ManualRotation {
  private oldTokenId: string | null = null;
  private readonly normalise: (input: string) => TokenInputResult;

  constructor(private readonly options: ManualRotationOptions) {
    this.normalise = options.normalise ?? ((input) => normaliseTokenInput(input));
  }

  /** Whether the page should offer "Revoke the old token". */
  canRevokeOld(): boolean {
    return this.oldTokenId !== null;
  }

  async replace(request: ManualRotationRequest): Promise<ManualRotationResult> {
    const { ha, vault, connection } = this.options;
    if (this.options.rotationOpen()) return { kind: 'unavailable', message: MESSAGES.rotationOpen };
    const input = this.normalise(request.token);
    if (!input.ok) return { kind: 'invalid', message: input.error };
    const token = input.token;
    const current = vault.currentToken();
    const oldTokenId = refreshTokenIdOf(current);
    if (token === current || (oldTokenId !== null && refreshTokenIdOf(token) === oldTokenId)) {
      return { kind: 'invalid', message: MESSAGES.sameToken };
    }

    let pasted: VerifyOutcome;
    try {
      pasted = await ha.verifyToken(token);
    } catch (error) {
      this.options.logger?.warn('Manual rotation: the pasted token could not be checked', error);
      return { kind: 'unavailable', message: MESSAGES.unreachable };
    }
    if (pasted.kind === 'rejected') return { kind: 'invalid', message: MESSAGES.rejected };

    const currentIdentity = await ha.currentUser().catch((error: unknown) => {
      this.options.logger?.warn('Manual rotation: the current user is unknown', error);
      return null;
    });
    const differences = differencesBetween(currentIdentity, pasted);
    if (differences.length > 0 && !request.confirmDifferent) {
      return {
        kind: 'needs_confirmation',
        differences,
        message: `This token ${differences.map((d) => DIFFERENCE_TEXT[d]).join(' and ')}. Use it anyway?`,
      };
    }

    try {
      await connection.switchToken(token);
    } catch (error) {
      this.options.logger?.warn('Manual rotation: switching to the pasted token failed', error);
      return { kind: 'unavailable', message: MESSAGES.notSwitched };
    }
    this.oldTokenId = null;
    try {
      await vault.saveCurrent(token);
    } catch (error) {
      this.options.logger?.warn('Manual rotation: saving the pasted token failed', error);
      return { kind: 'unavailable', message: MESSAGES.notSaved };
    }
    // The live connection now speaks as the new token's user: it can revoke only that user's tokens.
    const revocable = differences.length === 0 && oldTokenId !== null ? oldTokenId : null;
    this.oldTokenId = revocable;
    return {
      kind: 'replaced',
      canRevokeOld: revocable !== null,
      message: revocable !== null ? MESSAGES.replacedRevocable : MESSAGES.replacedOther,
    };
  }

  /** The separate step after a replacement: revoke the token that was replaced. */
  async revokeOld(): Promise<RevokeOldResult> {
    const id = this.oldTokenId;
    if (id === null || id === refreshTokenIdOf(this.options.vault.currentToken())) {
      return { ok: false, message: MESSAGES.noOld };
    }
    try {
      await this.options.ha.deleteRefreshToken(id);
    } catch (error) {
      this.options.logger?.warn('Manual rotation: revoking the old token failed', error);
      return { ok: false, message: MESSAGES.revokeFailed };
    }
    this.oldTokenId = null;
    return { ok: true };
  }
}
