/** A Home Assistant address as the app stores and uses it. */
export interface InstanceUrl {
  /** scheme://host[:port], no trailing slash: what home-assistant-js-websocket and REST calls take. */
  origin: string;
  /** ws(s)://host[:port]/api/websocket */
  wsUrl: string;
  isNabuCasa: boolean;
}

export type InstanceUrlResult = { ok: true; value: InstanceUrl } | { ok: false; error: string };

const NABU_CASA = /\.ui\.nabu\.casa$/i;
const SCHEME = /^([a-z][a-z0-9+.-]*):\/\//i;
/** Routes of Home Assistant's own frontend: a URL copied from the browser may end in one. */
const FRONTEND_ROUTES = [
  'lovelace',
  'dashboard',
  'config',
  'profile',
  'history',
  'logbook',
  'map',
  'energy',
  'media-browser',
  'developer-tools',
  'todo',
  'calendar',
  'hassio',
  'auth',
  'onboarding.html',
  'shopping-list',
  'home',
];

const fail = (error: string): InstanceUrlResult => ({ ok: false, error });

/** Longer addresses are refused before parsing; a browser's own limit is about this. */
export const MAX_ADDRESS_LENGTH = 2048;
/** The longest DNS name (RFC 1035). */
const MAX_HOST_LENGTH = 253;
/** Home Assistant's own port: what an address without scheme or port means (not http's 80). */
export const DEFAULT_HA_PORT = 8123;
const PORT_MESSAGE = 'The port must be a number from 1 to 65535, for example 8123.';
/** The port written inside the address ("ha.local:99999"), read before URL parsing refuses it. */
const AUTHORITY_PORT = /^[a-z][a-z0-9+.-]*:\/\/(?:\[[^\]]*\]|[^/?#:@[\]]*):([^/?#@]*)(?=[/?#]|$)/i;

function looksLikeBareIpv6(host: string): boolean {
  return (
    !host.includes('[') &&
    (host.match(/:/g)?.length ?? 0) >= 2 &&
    /^[0-9a-f:.]+(%[\w.]+)?$/i.test(host)
  );
}

/** A port as written in an address: 1 to 65535, digits only. */
function isValidPort(text: string): boolean {
  return /^\d{1,5}$/.test(text) && Number(text) >= 1 && Number(text) <= 65535;
}

/**
 * Turns what a user types or pastes into the address of a Home Assistant instance, or explains
 * what is wrong with it: "homeassistant.local:8123", "192.168.1.10", "https://abcd.ui.nabu.casa",
 * a browser URL such as ".../lovelace/0", or one ending in "/api".
 */
export function normaliseInstanceUrl(input: string): InstanceUrlResult {
  let text = (input ?? '').trim();
  if (text === '')
    return fail(
      'Enter the address of your Home Assistant, for example http://homeassistant.local:8123.',
    );
  if (text.length > MAX_ADDRESS_LENGTH)
    return fail(
      `The address is too long (over ${MAX_ADDRESS_LENGTH.toLocaleString('en')} characters). Enter only the address of Home Assistant, for example http://homeassistant.local:8123.`,
    );
  if (/\s/.test(text)) return fail('The address cannot contain spaces.');

  const scheme = SCHEME.exec(text)?.[1]?.toLowerCase();
  if (scheme === undefined) {
    const host = text.split(/[/?#]/)[0]!;
    if (looksLikeBareIpv6(host)) text = `[${host}]${text.slice(host.length)}`;
    const bareHost = host.replace(/:\d+$/, '');
    text = `${NABU_CASA.test(bareHost) ? 'https' : 'http'}://${text}`;
  } else if (scheme === 'ws' || scheme === 'wss') {
    text = text.replace(SCHEME, scheme === 'ws' ? 'http://' : 'https://');
  } else if (scheme !== 'http' && scheme !== 'https') {
    return fail(`HA Tray connects over http:// or https://, not ${scheme}://.`);
  } else {
    const rest = text.slice(SCHEME.exec(text)![0].length);
    const host = rest.split(/[/?#]/)[0]!;
    if (looksLikeBareIpv6(host)) text = `${scheme}://[${host}]${rest.slice(host.length)}`;
  }

  const writtenPort = AUTHORITY_PORT.exec(text)?.[1];
  // "homeassistant.local" typed alone is Home Assistant on its own port; an address with a
  // scheme ("http://ha.example.com") is taken as written, as a browser would.
  const hostAlone = scheme === undefined && (writtenPort === undefined || writtenPort === '');
  if (writtenPort !== undefined && writtenPort !== '' && !isValidPort(writtenPort))
    return fail(PORT_MESSAGE);

  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return fail('That does not look like a web address. Try http://homeassistant.local:8123.');
  }
  if (!url.hostname) return fail('The address needs a host name or IP address.');
  if (url.hostname.length > MAX_HOST_LENGTH)
    return fail(
      `The host name is too long (a name has at most ${MAX_HOST_LENGTH} characters). Check the address.`,
    );
  if (url.username || url.password)
    return fail(
      'Remove the user name and password from the address; HA Tray signs in with a token.',
    );

  const isNabuCasa = NABU_CASA.test(url.hostname);
  if (isNabuCasa && url.protocol === 'http:') url.protocol = 'https:';

  const segments = url.pathname.split('/').filter(Boolean);
  const [first, second] = segments;
  const isApiPath =
    first === 'api' && (second === undefined || second === 'websocket') && segments.length <= 2;
  const isFrontendRoute = first !== undefined && FRONTEND_ROUTES.includes(first);
  if (segments.length > 0 && !isApiPath && !isFrontendRoute) {
    return fail(
      `Home Assistant must be served at the root of its address, not under /${segments.join('/')}. ` +
        'Use the address without the path, or serve Home Assistant at the root of a (sub)domain in your reverse proxy.',
    );
  }

  if (hostAlone && !isNabuCasa) url.port = String(DEFAULT_HA_PORT);

  const origin = url.origin;
  const wsUrl = `${origin.replace(/^http/, 'ws')}/api/websocket`;
  return { ok: true, value: { origin, wsUrl, isNabuCasa } };
}
