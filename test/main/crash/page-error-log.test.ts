import { describe, expect, it } from 'vitest';
import {
  createPageErrorLog,
  PAGE_ERROR_WINDOW_MS,
  PAGE_ERRORS_PER_WINDOW,
} from '../../../src/main/crash/page-error-log';
import { createLogger } from '../../../src/main/log/logger';
import { pageErrorReport, pageErrorSchema } from '../../../src/shared/page-error';
import { FakeClock } from '../../support/fake-clock';

const token =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJhYmMiLCJpYXQiOjEsImV4cCI6Mn0.c2lnbmF0dXJlLXNpZ25hdHVyZQ';

function setup() {
  const lines: string[] = [];
  const clock = new FakeClock(0);
  const log = createPageErrorLog({
    logger: createLogger({ write: (line) => lines.push(line) }),
    clock,
  });
  return { lines, clock, log };
}

describe('page errors in main log', () => {
  it('are written redacted, with the page, the kind and the stack', () => {
    const { lines, log } = setup();
    const error = new TypeError(`cannot read ${token}`);
    log.report(pageErrorReport('panel', 'render', error));
    expect(lines[0]).toMatch(
      /ERROR The panel page: a view failed to draw: TypeError: cannot read \[redacted\]\n {2}TypeError/,
    );
    expect(lines[0]).not.toContain(token);
  });

  it(`are capped at ${PAGE_ERRORS_PER_WINDOW} a minute; the next line says how many were dropped`, () => {
    const { lines, clock, log } = setup();
    for (let i = 0; i < PAGE_ERRORS_PER_WINDOW + 5; i++)
      log.report({ page: 'settings', kind: 'error', message: `boom ${i}` });
    expect(lines).toHaveLength(PAGE_ERRORS_PER_WINDOW);
    clock.advance(PAGE_ERROR_WINDOW_MS);
    log.report({ page: 'settings', kind: 'rejection', message: 'later' });
    expect(lines.at(-1)).toMatch(
      /The settings page: unhandled rejection \(5 more reports were dropped before this one\): later$/,
    );
  });

  it('a report is cut to the size the contract takes, never refused for its length', () => {
    const error = new Error('x'.repeat(5_000));
    const report = pageErrorReport('settings', 'error', error);
    expect(pageErrorSchema.safeParse(report).success).toBe(true);
    expect(pageErrorSchema.safeParse({ ...report, message: 'x'.repeat(5_000) }).success).toBe(
      false,
    );
  });
});
