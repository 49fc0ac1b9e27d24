import { describe, expect, it } from 'vitest';
import { decodeTokenClaims } from '../../../src/main/token-lifecycle/token-claims';
import { tokenFacts, tokenFactsView } from '../../../src/main/token-lifecycle/token-facts';
import { makeJwt } from './fakes/jwt';

const DAY = 86_400_000;
const iat = 1_700_000_000;
const token = makeJwt({ iss: 'abc123', iat, exp: iat + 3650 * 86_400 });
const savedAt = iat * 1000 + 5 * DAY;

describe('token facts', () => {
  it('reads the refresh-token id, issue and expiry dates from the payload', () => {
    expect(decodeTokenClaims(token)).toEqual({
      refreshTokenId: 'abc123',
      issuedAt: iat * 1000,
      expiresAt: (iat + 3650 * 86_400) * 1000,
    });
  });

  it('looks the name and creation date up in the token list by the id', () => {
    const facts = tokenFacts(token, savedAt, [
      {
        id: 'other',
        clientName: 'Phone',
        type: 'long_lived_access_token',
        createdAt: 1,
        expireAt: null,
        isCurrent: false,
      },
      {
        id: 'abc123',
        clientName: 'HA Tray',
        type: 'long_lived_access_token',
        createdAt: 2,
        expireAt: 3,
        isCurrent: true,
      },
    ]);
    expect(facts).toEqual({
      refreshTokenId: 'abc123',
      issuedAt: iat * 1000,
      expiresAt: (iat + 3650 * 86_400) * 1000,
      haExpireAt: 3,
      savedAt,
      name: 'HA Tray',
      createdAt: 2,
    });
  });

  it('knows no name before the list is fetched', () => {
    expect(tokenFacts(token, savedAt)).toMatchObject({
      name: null,
      createdAt: null,
      haExpireAt: null,
    });
  });

  it.each([
    ['not a JWT', 'abcdef'],
    ['a JWT without iss', makeJwt({ iat })],
    ['a JWT without iat', makeJwt({ iss: 'x' })],
    ['garbage in the payload', 'a.b.c'],
  ])('treats %s as a token of unknown age', (_, text) => {
    expect(decodeTokenClaims(text)).toBeNull();
    expect(tokenFacts(text, savedAt)).toEqual({
      refreshTokenId: null,
      issuedAt: null,
      expiresAt: null,
      haExpireAt: null,
      savedAt,
      name: null,
      createdAt: null,
    });
  });

  it('shows the age in whole days, unknown when the token does not say', () => {
    const now = iat * 1000 + 97.9 * DAY;
    expect(tokenFactsView(tokenFacts(token, savedAt), now).ageDays).toBe(97);
    expect(tokenFactsView(tokenFacts('opaque', savedAt), now).ageDays).toBeNull();
  });
});
