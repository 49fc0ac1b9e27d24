// Anything shaped like a JWT is redacted, whether or not it is a token the app knows: Home
// Assistant's long-lived tokens are HS256 JWTs, and a pending, old or mistyped one must not leak
// either. Three base64url parts, not only those starting "eyJ" (a header without "typ" or with
// other spacing starts differently), joined by "." or its percent-encoding "%2E" (a token that
// went through a URL). The lengths keep host names such as "ha.example.com" readable: a JWT's
// header is at least 10 characters and an HS256 signature 43.
const JWT_LIKE =
  /(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{10,}(?:\.|%2[Ee])[A-Za-z0-9_-]{10,}(?:\.|%2[Ee])[A-Za-z0-9_-]{20,}/g;
// Half a token is still a secret worth nothing to leak: a message cut at a dot can carry a JWT's
// header and payload without its signature, or the signature alone. Header and payload are both
// base64url JSON, so each starts "e" then w-z ("{" and one of '"', " ", "\n"...): entity ids such
// as "binary_sensor.front_door_contact" stay readable.
const HEADER_AND_PAYLOAD =
  /(?<![A-Za-z0-9_-])e[w-z][A-Za-z0-9_-]{8,}(?:\.|%2[Ee])e[w-z][A-Za-z0-9_-]{8,}(?:\.|%2[Ee])?/g;
// A signature alone (HS256: 43 characters, HS512: 86) is random: upper and lower case and a digit,
// which no entity id, host name or hex hash has.
const SIGNATURE =
  /(?<![A-Za-z0-9_-])(?=[A-Za-z0-9_-]*[A-Z])(?=[A-Za-z0-9_-]*[a-z])(?=[A-Za-z0-9_-]*[0-9])[A-Za-z0-9_-]{43,86}(?![A-Za-z0-9_-])/g;
const BEARER = /(Bearer\s+)\S+/gi;
export const REDACTED = '[redacted]';

/** Removes tokens from text bound for a log, an error message or a diagnostics report. */
export function redact(text: string, secrets: Iterable<string> = []): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length >= 8) out = out.split(secret).join(REDACTED);
  }
  return out
    .replace(JWT_LIKE, REDACTED)
    .replace(HEADER_AND_PAYLOAD, REDACTED)
    .replace(SIGNATURE, REDACTED)
    .replace(BEARER, `$1${REDACTED}`);
}
