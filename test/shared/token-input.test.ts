import { describe, expect, it } from 'vitest';
import { normaliseTokenInput } from '../../src/shared/token-input';

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const jwt = (claims: object) =>
  `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64(claims)}.c2lnbmF0dXJlc2lnbmF0dXJl`;
const token = jwt({ iss: 'abc123', iat: 1_700_000_000, exp: 2_000_000_000 });
const now = new Date('2026-11-23T00:00:00Z');

describe('normaliseTokenInput', () => {
  it.each([
    ['plain', token],
    ['surrounding whitespace', `  \n${token}\t `],
    ['Bearer prefix', `Bearer ${token}`],
    ['lower-case bearer', `bearer   ${token}`],
    ['Authorization header', `Authorization: Bearer ${token}`],
    ['double quotes', `"${token}"`],
    ['single quotes', `'${token}'`],
    ['smart quotes', `“${token}”`],
    ['quoted Bearer header', `"Bearer ${token}"`],
    ['wrapped over lines', `${token.slice(0, 40)}\n${token.slice(40, 90)}\r\n${token.slice(90)}`],
  ])('accepts a token pasted with %s', (_case, input) => {
    expect(normaliseTokenInput(input, now)).toEqual({ ok: true, token });
  });

  it.each([
    ['empty', '', /Paste a long-lived access token/],
    ['only Bearer', 'Bearer ', /Paste a long-lived access token/],
    ['a password', 'hunter2', /not a Home Assistant long-lived access token/],
    ['two segments', 'abc.def', /not a Home Assistant/],
    ['bad characters', `${token}!`, /not a Home Assistant/],
    ['undecodable payload', 'eyJhbGciOiJIUzI1NiJ9.!!!!.abc', /not a Home Assistant/],
    ['payload not JSON', `${b64({ alg: 'HS256' })}.bm90IGpzb24.c2ln`, /not a Home Assistant/],
    ['too long', `${token}${'a'.repeat(9000)}`, /too long/],
  ])('refuses %s', (_case, input, message) => {
    const result = normaliseTokenInput(input, now);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
  });

  it('removes zero-width characters from a paste and says so', () => {
    const spoiled = `\u200B${token.slice(0, 30)}\u200C${token.slice(30, 60)}\u200D\u2060${token.slice(60)}\uFEFF`;
    expect(normaliseTokenInput(spoiled, now)).toEqual({
      ok: true,
      token,
      notice: expect.stringMatching(/Invisible characters .* were removed/),
    });
    expect(normaliseTokenInput(token, now)).not.toHaveProperty('notice');
  });

  it('says when the token expired, with the date', () => {
    const expired = jwt({ iss: 'x', iat: 1_600_000_000, exp: 1_700_000_000 });
    expect(normaliseTokenInput(expired, now)).toEqual({
      ok: false,
      error: expect.stringContaining('expired on 2023-11-14'),
    });
  });

  it('never repeats the token in an error message', () => {
    const expired = jwt({ iss: 'x', iat: 1, exp: 2 });
    for (const input of [expired, `${token}!`, `${token}${'a'.repeat(9000)}`]) {
      const result = normaliseTokenInput(input, now);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error).not.toContain(input.slice(0, 20));
    }
  });
});
