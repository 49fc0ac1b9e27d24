import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../src/main/log/logger';
import { REDACTED, redact } from '../../../src/main/log/redact';

const token =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJhYmMiLCJpYXQiOjEsImV4cCI6Mn0.c2lnbmF0dXJlLXNpZ25hdHVyZQ';

describe('redact', () => {
  it('removes JWT-shaped strings, Bearer headers and named secrets', () => {
    expect(redact(`token=${token} ok`)).toBe(`token=${REDACTED} ok`);
    expect(redact('Authorization: Bearer abc.def')).toBe(`Authorization: Bearer ${REDACTED}`);
    expect(redact('pw hunter2-secret here', ['hunter2-secret'])).toBe(`pw ${REDACTED} here`);
    expect(redact('nothing to hide')).toBe('nothing to hide');
  });
});

describe('createLogger', () => {
  it('redacts messages and details, including errors', () => {
    const lines: string[] = [];
    const log = createLogger({ write: (l) => lines.push(l) }, { now: () => new Date(0) });
    log.error(`auth failed for ${token}`, new Error(`bad ${token}`));
    log.info('request', { headers: { Authorization: `Bearer ${token}` } });
    expect(lines).toHaveLength(2);
    expect(lines.join('\n')).not.toContain(token);
    expect(lines[0]).toMatch(
      /^1970-01-01T00:00:00.000Z ERROR auth failed for \[redacted\] Error: bad \[redacted\]$/,
    );
  });
});
