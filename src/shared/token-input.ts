import { readJwtClaims } from './jwt-claims';

export type TokenInputResult = { ok: true; token: string } | { ok: false; error: string };

const MAX_LENGTH = 8192; // Home Assistant rejects longer access tokens.
const QUOTES = /^["'`“”‘’]+|["'`“”‘’]+$/g;
const PREFIX = /^(authorization\s*:\s*)?bearer(\s+|$)/i;
const JWT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

const fail = (error: string): TokenInputResult => ({ ok: false, error });

/**
 * Cleans up a pasted long-lived access token (surrounding whitespace and quotes, a leading
 * "Bearer " or "Authorization: Bearer ", line breaks from a wrapped paste) and rejects what cannot
 * be a Home Assistant token before anything is sent. Messages never repeat the token.
 */
export function normaliseTokenInput(input: string, now: Date = new Date()): TokenInputResult {
  let text = (input ?? '').trim().replace(QUOTES, '').trim();
  text = text.replace(PREFIX, '').replace(QUOTES, '');
  text = text.replace(/\s+/g, '');
  if (text === '') return fail('Paste a long-lived access token from your Home Assistant profile.');
  if (text.length > MAX_LENGTH)
    return fail('This is too long to be a Home Assistant access token.');
  const notAToken = fail(
    'This is not a Home Assistant long-lived access token. Create one in Home Assistant under your profile, ' +
      'Security tab, "Long-lived access tokens", and paste it whole.',
  );
  if (!JWT.test(text)) return notAToken;
  const claims = readJwtClaims(text);
  if (!claims) return notAToken;
  const exp = claims.exp;
  if (typeof exp === 'number' && exp * 1000 <= now.getTime()) {
    return fail(
      `This token expired on ${new Date(exp * 1000).toISOString().slice(0, 10)}. Create a new one in Home Assistant.`,
    );
  }
  return { ok: true, token: text };
}
