import { isIP } from 'node:net';

/** `urllib.parse.urlparse` as far as IndieAuth looks: scheme, netloc, path, fragment. */
interface UrlParts {
  scheme: string;
  netloc: string;
  path: string;
  fragment: string;
}

const URL_SHAPE =
  /^(?:([a-zA-Z][a-zA-Z0-9+.-]*):)?(?:\/\/([^/?#]*))?([^?#]*)(?:\?[^#]*)?(?:#(.*))?$/;

/** `_parse_url` (components/auth/indieauth.py): lower-cased netloc, an empty path is "/". */
function parseUrl(url: string): UrlParts {
  const [, scheme = '', netloc = '', path = '', fragment = ''] = URL_SHAPE.exec(url) ?? [];
  return {
    scheme: scheme.toLowerCase(),
    netloc: netloc.toLowerCase(),
    path: path || '/',
    fragment,
  };
}

/** `ParseResult.port`: digits in 0..65535 after the host, or a ValueError. */
function portIsValid(netloc: string): boolean {
  const host = netloc.slice(netloc.lastIndexOf('@') + 1);
  const port = host.startsWith('[') ? host.split(']')[1]?.replace(/^:/, '') : host.split(':')[1];
  return !port || (/^\d+$/.test(port) && Number(port) <= 65535);
}

const IPV4_PRIVATE: ReadonlyArray<[string, number]> = [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 29],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['240.0.0.0', 4],
];

const ipv4Number = (ip: string) => ip.split('.').reduce((n, part) => n * 256 + Number(part), 0);

/**
 * `util/network.py` `is_local`: loopback or Python's `is_private`. All of IPv4's private blocks;
 * for IPv6 loopback, unspecified, unique-local (fc00::/7), link-local (fe80::/10) and documentation.
 */
function isLocalAddress(ip: string): boolean {
  if (isIP(ip) === 4) {
    const n = ipv4Number(ip);
    return IPV4_PRIVATE.some(([base, bits]) => {
      const size = 2 ** (32 - bits);
      return Math.floor(n / size) === Math.floor(ipv4Number(base) / size);
    });
  }
  const lower = ip.toLowerCase();
  return (
    lower === '::1' ||
    lower === '::' ||
    /^f[cd]/.test(lower) ||
    /^fe[89ab]/.test(lower) ||
    lower.startsWith('2001:db8:')
  );
}

/**
 * `_parse_client_id` / `verify_client_id`: http or https, no dot segments, no fragment, no user or
 * password, a valid port, and a host that is a name or a local address. The netloc is tested as an
 * address whole, port included, as Home Assistant does: with a port it never parses as one.
 */
export function verifyClientId(clientId: string): boolean {
  const parts = parseUrl(clientId);
  if (parts.scheme !== 'http' && parts.scheme !== 'https') return false;
  if (parts.path.split('/').some((segment) => segment === '.' || segment === '..')) return false;
  if (parts.fragment !== '' || parts.netloc.includes('@')) return false;
  if (!portIsValid(parts.netloc)) return false;
  const host = parts.netloc.replace(/^\[(.*)\]$/, '$1');
  return isIP(host) === 0 || isLocalAddress(host);
}

/**
 * `verify_redirect_uri`: a redirect is accepted when its scheme and netloc equal the client id's;
 * otherwise only when the client id's page names it in a `<link rel="redirect_uri">`.
 */
export async function verifyRedirectUri(clientId: string, redirectUri: string): Promise<boolean> {
  if (!verifyClientId(clientId)) return false;
  const client = parseUrl(clientId);
  const redirect = parseUrl(redirectUri);
  if (client.scheme === redirect.scheme && client.netloc === redirect.netloc) return true;
  return (await fetchRedirectUris(clientId)).includes(redirectUri);
}

const FETCH_TIMEOUT_MS = 5000;
const FETCH_LIMIT_BYTES = 10 * 1024;

/**
 * `fetch_redirect_uris`: the `<link rel="redirect_uri" href>` of the client id's page (5 s, the
 * first 10 KB, hrefs resolved against the page). The simulator fetches only loopback pages, as
 * tests talk to nothing else: any other client id names no redirect.
 */
async function fetchRedirectUris(clientId: string): Promise<string[]> {
  let url: URL;
  try {
    url = new URL(clientId);
  } catch {
    return [];
  }
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  if (!(host === 'localhost' || host === '::1' || host.startsWith('127.'))) return [];
  let html = '';
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
    const reader = res.body?.getReader();
    let bytes = 0;
    while (reader && bytes < FETCH_LIMIT_BYTES) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
      html += Buffer.from(value).toString('utf8');
    }
    await reader?.cancel();
  } catch {
    // Home Assistant logs the failure and finds no redirect.
  }
  const found: string[] = [];
  for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
    if (!/\brel\s*=\s*["']?redirect_uri["'\s>/]/i.test(tag)) continue;
    const href = /\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(tag);
    const value = href?.[1] ?? href?.[2] ?? href?.[3];
    if (value !== undefined) found.push(new URL(value, url).toString());
  }
  return found;
}
