import { httpGet, type HttpGetOptions, type HttpResponse } from './http-get';

/** What `GET /auth/providers` said: Home Assistant's login answers, or the answer or error that came instead. */
export type LoginPageCheck =
  { ok: true } | { ok: false; response: HttpResponse } | { ok: false; error: unknown };

function isProviderList(body: string): boolean {
  try {
    const value: unknown = JSON.parse(body);
    const list = Array.isArray(value)
      ? value
      : (value as { providers?: unknown } | null)?.providers;
    return Array.isArray(list);
  } catch {
    return false;
  }
}

/**
 * Does Home Assistant's login answer at `origin`? `GET /auth/providers`, which its own login page
 * reads before anyone signs in: it needs no credential (none is ever sent here) and is never
 * refused, so it cannot count toward Home Assistant's IP ban the way a rejected `/api/` call
 * would. 2024.1 answers a bare list, 2026.2 `{ providers: [...] }`.
 */
export async function checkLoginPage(
  origin: string,
  options: HttpGetOptions,
): Promise<LoginPageCheck> {
  try {
    const response = await httpGet(`${origin}/auth/providers`, {
      ...options,
      headers: { Accept: 'application/json', ...options.headers },
    });
    return response.status === 200 && isProviderList(response.body)
      ? { ok: true }
      : { ok: false, response };
  } catch (error) {
    return { ok: false, error };
  }
}
