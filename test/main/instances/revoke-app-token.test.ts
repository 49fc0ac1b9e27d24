import { describe, expect, it } from 'vitest';
import { revokeAppTokens } from '../../../src/main/instances/revoke-app-token';
import type { VerifyOutcome } from '../../../src/main/token-lifecycle/ports';
import { makeJwt } from '../token-lifecycle/fakes/jwt';

const current = makeJwt({ iss: 'current-id', iat: 1_700_000_000 });
const pending = makeJwt({ iss: 'pending-id', iat: 1_700_000_100 });

function fakeHa(fail: (id: string) => boolean, outcome: VerifyOutcome['kind']) {
  const deleted: string[] = [];
  return {
    deleted,
    ha: {
      deleteRefreshToken: async (id: string) => {
        if (fail(id)) throw new Error('Connection lost');
        deleted.push(id);
      },
      verifyToken: async (): Promise<VerifyOutcome> =>
        outcome === 'rejected' ? { kind: 'rejected' } : { kind: 'ok', userId: 'owner' },
    },
  };
}

describe('revoking the tokens of an instance being removed', () => {
  it('revokes the pending token, then the current one', async () => {
    const { ha, deleted } = fakeHa(() => false, 'ok');
    expect(await revokeAppTokens({ tokens: [pending, current], connected: true, ha })).toEqual({
      revoked: true,
      revokeProblem: null,
    });
    expect(deleted).toEqual(['pending-id', 'current-id']);
  });

  it('counts a command whose answer was lost as done when Home Assistant now refuses the token', async () => {
    const { ha } = fakeHa((id) => id === 'current-id', 'rejected');
    expect(await revokeAppTokens({ tokens: [null, current], connected: true, ha })).toEqual({
      revoked: true,
      revokeProblem: null,
    });
  });

  it('says so when Home Assistant still accepts the token', async () => {
    const { ha } = fakeHa(() => true, 'ok');
    const result = await revokeAppTokens({ tokens: [null, current], connected: true, ha });
    expect(result.revoked).toBe(false);
    expect(result.revokeProblem).toMatch(/did not revoke the token\. It stays valid/);
  });

  it('asks nothing of a Home Assistant it is not connected to, and says what that means', async () => {
    const { ha, deleted } = fakeHa(() => false, 'ok');
    const result = await revokeAppTokens({ tokens: [null, current], connected: false, ha });
    expect(result).toEqual({
      revoked: false,
      revokeProblem: expect.stringMatching(/not connected/),
    });
    expect(deleted).toEqual([]);
  });

  it('has nothing to revoke without a token', async () => {
    const { ha } = fakeHa(() => false, 'ok');
    expect(await revokeAppTokens({ tokens: [null, null], connected: true, ha })).toEqual({
      revoked: false,
      revokeProblem: null,
    });
  });
});
