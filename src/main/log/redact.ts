// Anything shaped like a JWT (Home Assistant's long-lived tokens are HS256 JWTs) is redacted,
// whether or not it is the current token: a pending or old token must not leak either.
const JWT_LIKE = /eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}/g;
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
