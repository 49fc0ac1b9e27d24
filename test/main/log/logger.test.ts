import { describe, expect, it } from 'vitest';
import { createLogger, type LogLevel } from '../../../src/main/log/logger';
import { REDACTED, redact } from '../../../src/main/log/redact';

const token =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJhYmMiLCJpYXQiOjEsImV4cCI6Mn0.c2lnbmF0dXJlLXNpZ25hdHVyZQ';

function recording(threshold: LogLevel = 'info') {
  const lines: string[] = [];
  const log = createLogger(
    { write: (l) => lines.push(l) },
    { now: () => new Date(0), threshold: () => threshold },
  );
  return { lines, log };
}

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
    const { lines, log } = recording();
    log.error(`auth failed for ${token}`, new Error(`bad ${token}`));
    log.info('request', { headers: { Authorization: `Bearer ${token}` } });
    expect(lines).toHaveLength(2);
    expect(lines.join('\n')).not.toContain(token);
    expect(lines[0]).toMatch(
      /^1970-01-01T00:00:00.000Z ERROR auth failed for \[redacted\] Error: bad \[redacted\]\n {2}at /,
    );
  });

  it('writes an error with its stack and its causes, each redacted', () => {
    const { lines, log } = recording();
    const root = new TypeError(`socket said ${token}`);
    log.error('Saving failed', new Error('could not write', { cause: root }));
    const [line] = lines;
    expect(line).toContain('Error: could not write\n  at ');
    expect(line).toContain('\n  cause: TypeError: socket said [redacted]\n    at ');
    expect(line).not.toContain(token);
  });

  it('writes info and above by default, debug only when asked', () => {
    const quiet = recording();
    quiet.log.debug('detail');
    quiet.log.info('news');
    expect(quiet.lines.map((l) => l.split(' ')[1])).toEqual(['INFO']);
    const verbose = recording('debug');
    verbose.log.debug('detail');
    expect(verbose.lines).toEqual(['1970-01-01T00:00:00.000Z DEBUG detail']);
  });

  it("tags a module's lines", () => {
    const { lines, log } = recording();
    log.child('vault').warn('The token vault file is damaged');
    expect(lines).toEqual([
      '1970-01-01T00:00:00.000Z WARN [vault] The token vault file is damaged',
    ]);
  });
});
