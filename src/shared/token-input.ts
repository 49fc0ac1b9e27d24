import { readJwtClaims } from './jwt-claims';

export type TokenInputResult =
  | {
      ok: true;
      token: string;
      /** Set when the paste was changed in a way the user should know about. */
      notice?: string;
    }
  | { ok: false; error: string };

const MAX_LENGTH = 8192; // Home Assistant rejects longer access tokens.
const QUOTES = /^["'`“”‘’]+|["'`“”‘’]+$/g;
const PREFIX = /^(authorization\s*:\s*)?bearer(\s+|$)/i;
/** Zero-width space, non-joiner, joiner, word joiner and the byte order mark: copied from chat apps and PDFs. */
const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/g;
export const ZERO_WIDTH_NOTICE =
  'Invisible characters (zero-width spaces) were removed from the pasted token.';
const JWT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

const fail = (error: string): TokenInputResult => ({ ok: false, error });

/** What is left of a paste without its wrapping: the token, if it is one. Never validates. */
export function cleanTokenPaste(input: string): { text: string; hadZeroWidth: boolean } {
  const visible = (input ?? '').replace(ZERO_WIDTH, '');
  let text = visible.trim().replace(QUOTES, '').trim();
  text = text.replace(PREFIX, '').replace(QUOTES, '');
  return { text: text.replace(/\s+/g, ''), hadZeroWidth: visible.length !== (input ?? '').length };
}

/**
 * Cleans up a pasted long-lived access token (surrounding whitespace and quotes, a leading
 * "Bearer " or "Authorization: Bearer ", line breaks from a wrapped paste, zero-width characters)
 * and rejects what cannot be a Home Assistant token before anything is sent. Messages never repeat the token.
 */
export function normaliseTokenInput(input: string, now: Date = new Date()): TokenInputResult {
  const { text, hadZeroWidth } = cleanTokenPaste(input);
  const notice = hadZeroWidth ? { notice: ZERO_WIDTH_NOTICE } : {};
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
  return { ok: true, token: text, ...notice };
}
