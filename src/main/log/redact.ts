// Anything shaped like a JWT is redacted, whether or not it is a token the app knows: Home
// Assistant's long-lived tokens are HS256 JWTs, and a pending, old or mistyped one must not leak
// either. Three base64url parts, not only those starting "eyJ" (a header without "typ" or with
// other spacing starts differently), joined by "." or its percent-encoding "%2E" (a token that
// went through a URL). The lengths keep host names such as "ha.example.com" readable: a JWT's
// header is at least 10 characters and an HS256 signature 43.
const JWT_LIKE =
  /(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{10,}(?:\.|%2[Ee])[A-Za-z0-9_-]{10,}(?:\.|%2[Ee])[A-Za-z0-9_-]{20,}/g;
const BEARER = /(Bearer\s+)\S+/gi;
export const REDACTED = '[redacted]';

/** Removes tokens from text bound for a log, an error message or a diagnostics report. */
export function redact(text: string, secrets: Iterable<string> = []): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length >= 8) out = out.split(secret).join(REDACTED);
  }
  return out.replace(JWT_LIKE, REDACTED).replace(BEARER, `$1${REDACTED}`);
}
