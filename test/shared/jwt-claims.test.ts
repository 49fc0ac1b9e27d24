import { describe, expect, it } from 'vitest';
import { readJwtClaims } from '../../src/shared/jwt-claims';

const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const jwt = (header: unknown, claims: unknown) => `${part(header)}.${part(claims)}.c2ln`;

describe('readJwtClaims', () => {
  it('reads the claims of a token without verifying it', () => {
    expect(
      readJwtClaims(jwt({ alg: 'HS256', typ: 'JWT' }, { iss: 'abc', iat: 1, exp: 2 })),
    ).toEqual({ iss: 'abc', iat: 1, exp: 2 });
  });

  it('is null for what is not a JWT with an alg header', () => {
    expect(readJwtClaims('not-a-token')).toBeNull();
    expect(readJwtClaims(jwt({ typ: 'JWT' }, { iss: 'abc' }))).toBeNull();
    expect(readJwtClaims(jwt({ alg: 'HS256' }, 'a string'))).toBeNull();
    expect(readJwtClaims(`${part({ alg: 'HS256' })}.%%%.sig`)).toBeNull();
  });
});
