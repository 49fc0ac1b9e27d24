import { z } from 'zod';
import { httpPostForm, type HttpGetOptions } from '../ha/http-get';

/** Home Assistant's `/auth/authorize` for a loopback client: the page the browser opens. */
export function authorizeUrl(
  origin: string,
  client: { clientId: string; redirectUri: string; state: string },
): string {
  const url = new URL('/auth/authorize', origin);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: client.clientId,
    redirect_uri: client.redirectUri,
    state: client.state,
  }).toString();
  return url.toString();
}

/**
 * Home Assistant answered, and said no: a used or expired code (HTTP 400), a user it does not let
 * in (HTTP 403 with `error: access_denied`), or a ban (HTTP 403 from its ban middleware, no JSON).
 */
export class AuthEndpointRefusal extends Error {
  constructor(
    readonly status: number,
    /** The OAuth `error` code of the answer, when it is one (never a token: errors carry none). */
    readonly error: string | null = null,
  ) {
    super(`Home Assistant refused the request (HTTP ${status}${error ? `, ${error}` : ''})`);
  }
}

function oauthError(body: string): string | null {
  try {
    const error = (JSON.parse(body) as { error?: unknown } | null)?.error;
    return typeof error === 'string' ? error.slice(0, 64) : null;
  } catch {
    return null;
  }
}

/** The sign-in session a code buys: the access token lives 30 minutes, the refresh token until revoked. */
export interface SignInSession {
  accessToken: string;
  refreshToken: string;
}

const sessionSchema = z.object({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1),
});
const accessSchema = z.object({ access_token: z.string().min(1) });

/**
 * `/auth/token`, form-encoded as Home Assistant takes it. Each refusal counts toward Home
 * Assistant's IP ban, so callers never repeat a request that was refused. The errors never carry
 * the answer's body: it would hold tokens.
 */
export interface AuthEndpoint {
  exchangeCode(origin: string, code: string, clientId: string): Promise<SignInSession>;
  /** A fresh access token for a sign-in session: how an interrupted sign-in gets back in. */
  refreshAccess(origin: string, refreshToken: string, clientId: string): Promise<string>;
  /** Deletes a sign-in session by its refresh token: Home Assistant answers 200 whatever it was. */
  revoke(origin: string, refreshToken: string): Promise<void>;
}

export function httpAuthEndpoint(options: (origin: string) => HttpGetOptions): AuthEndpoint {
  async function post(origin: string, form: Record<string, string>): Promise<unknown> {
    const response = await httpPostForm(
      new URL('/auth/token', origin).toString(),
      form,
      options(origin),
    );
    if (response.status !== 200)
      throw new AuthEndpointRefusal(response.status, oauthError(response.body));
    try {
      return JSON.parse(response.body) as unknown;
    } catch {
      throw new Error('Home Assistant answered /auth/token with something that is not JSON');
    }
  }
  return {
    async exchangeCode(origin, code, clientId) {
      const parsed = sessionSchema.safeParse(
        await post(origin, { grant_type: 'authorization_code', code, client_id: clientId }),
      );
      if (!parsed.success) throw new Error('Home Assistant answered the sign-in without tokens');
      return { accessToken: parsed.data.access_token, refreshToken: parsed.data.refresh_token };
    },
    async refreshAccess(origin, refreshToken, clientId) {
      const parsed = accessSchema.safeParse(
        await post(origin, {
          grant_type: 'refresh_token',
          refresh_token: refreshToken,
          client_id: clientId,
        }),
      );
      if (!parsed.success) throw new Error('Home Assistant answered without an access token');
      return parsed.data.access_token;
    },
    async revoke(origin, refreshToken) {
      const url = new URL('/auth/token', origin).toString();
      const response = await httpPostForm(
        url,
        { action: 'revoke', token: refreshToken },
        options(origin),
      );
      if (response.status !== 200) throw new AuthEndpointRefusal(response.status);
    },
  };
}
