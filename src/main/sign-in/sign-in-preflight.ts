import { BAN_HELP } from '../../shared/connection-words';
import { httpRefusal } from '../../shared/login-refusal';
import { httpGet, type HttpGetOptions } from '../ha/http-get';
import { describeNetworkError } from '../ha/probe';

/**
 * Before the browser opens: does `origin` answer as Home Assistant's login does, with the TLS
 * policy the token will travel under? An unauthenticated `GET /auth/providers` (not a login
 * attempt, so it never counts toward Home Assistant's IP ban). Resolves to the sentence that
 * says what is wrong, or null.
 */
export async function signInPreflight(
  origin: string,
  options: HttpGetOptions & { pinned: boolean },
): Promise<string | null> {
  const url = new URL('/auth/providers', origin);
  try {
    const response = await httpGet(url.toString(), options);
    if (response.status === 200 && response.contentType.includes('json')) return null;
    if (httpRefusal(response.status) === 'banned') return BAN_HELP;
    return `${url.host} answered, but not as Home Assistant's login does (HTTP ${response.status}). Check the address and port.`;
  } catch (error) {
    const result = describeNetworkError(error, url, options.timeoutMs, options.pinned);
    return result.ok ? null : result.message;
  }
}
