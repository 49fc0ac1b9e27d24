import { freshRequest } from './fresh-http';
import { RawClient } from './raw-ws-client';

/**
 * Home Assistant's token endpoint and token list as a test reads them, against the simulator or a
 * real Home Assistant alike. Each call returns the status and answer as they came, refusals too.
 */
export interface EndpointAnswer {
  status: number;
  /** Parsed JSON, or the text when the body is not JSON (empty for a revoke). */
  body: unknown;
  headers: Headers;
}

async function postForm(url: string, fields: Record<string, string>): Promise<EndpointAnswer> {
  const { status, headers, text } = await freshRequest(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // an empty or plain-text body
  }
  return { status, body, headers };
}

/** The session an authorisation code buys (`grant_type=authorization_code`). */
export interface SessionTokens {
  access_token: string;
  token_type: 'Bearer';
  refresh_token: string;
  expires_in: number;
  ha_auth_provider: string;
}

/** `POST /auth/token grant_type=authorization_code&code=..&client_id=..`. */
export function exchangeCode(origin: string, code: string, clientId: string) {
  return postForm(`${origin}/auth/token`, {
    grant_type: 'authorization_code',
    code,
    client_id: clientId,
  });
}

/** `POST /auth/token grant_type=refresh_token&refresh_token=..&client_id=..`. */
export function refreshAccessToken(origin: string, refreshToken: string, clientId: string) {
  return postForm(`${origin}/auth/token`, {
    grant_type: 'refresh_token',
    refresh_token: refreshToken,
    client_id: clientId,
  });
}

/** `POST /auth/token action=revoke&token=..`: always 200, deletes the session if it exists. */
export function revokeRefreshToken(origin: string, refreshToken: string) {
  return postForm(`${origin}/auth/token`, { action: 'revoke', token: refreshToken });
}

/** One entry of `auth/refresh_tokens` (2026.2 adds `expire_at`). */
export interface RefreshTokenEntry {
  id: string;
  client_id: string | null;
  client_name: string | null;
  client_icon: string | null;
  type: 'normal' | 'long_lived_access_token' | 'system';
  created_at: string;
  is_current: boolean;
  last_used_at: string | null;
  last_used_ip: string | null;
  auth_provider_type: string | null;
  expire_at?: string | null;
}

/**
 * A user's refresh tokens, over the WebSocket with a token of theirs that already exists (never a
 * new sign-in, which would itself add a token). The entry with `is_current` is the one asking.
 */
export async function refreshTokensOf(origin: string, token: string): Promise<RefreshTokenEntry[]> {
  const client = await RawClient.authenticated(origin, token);
  try {
    const reply = await client.command({ type: 'auth/refresh_tokens' });
    if (!reply.success)
      throw new Error(`auth/refresh_tokens failed: ${JSON.stringify(reply.error)}`);
    return reply.result as RefreshTokenEntry[];
  } finally {
    client.close();
  }
}

/** The keys of a code's answer, in Home Assistant's order (2024.1 and 2026.2 alike). */
export const SESSION_ANSWER_KEYS = [
  'access_token',
  'token_type',
  'refresh_token',
  'expires_in',
  'ha_auth_provider',
];
