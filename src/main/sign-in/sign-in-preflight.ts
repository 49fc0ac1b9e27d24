import { BAN_HELP } from '../../shared/connection-words';
import { httpRefusal } from '../../shared/login-refusal';
import type { HttpGetOptions } from '../ha/http-get';
import { checkLoginPage } from '../ha/login-page-check';
import { describeNetworkError } from '../ha/probe';

/**
 * Before the browser opens: does `origin` answer as Home Assistant's login does, under the TLS
 * policy the token will travel under? Resolves to the sentence that says what is wrong, or null.
 */
export async function signInPreflight(
  origin: string,
  options: HttpGetOptions & { pinned: boolean },
): Promise<string | null> {
  const check = await checkLoginPage(origin, options);
  if (check.ok) return null;
  const url = new URL('/auth/providers', origin);
  if ('error' in check) {
    const result = describeNetworkError(check.error, url, options.timeoutMs, options.pinned);
    return result.ok ? null : result.message;
  }
  if (httpRefusal(check.response.status) === 'banned') return BAN_HELP;
  return `${url.host} answered, but not as Home Assistant's login does (HTTP ${check.response.status}). Check the address and port.`;
}
