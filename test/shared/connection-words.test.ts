import { describe, expect, it } from 'vitest';
import {
  connectionCategory,
  retryInSeconds,
  type ConnectionStatus,
} from '../../src/shared/connection-status';
import { BAN_HELP, connectionWords } from '../../src/shared/connection-words';

const reconnecting = (nextRetryAt: number) =>
  ({ state: 'reconnecting', attempt: 3, nextRetryAt, reason: 'Connection refused' }) as const;

describe('retryInSeconds: the one rounding rule for countdowns', () => {
  it.each([
    [5_000, 0, 5],
    [5_000, 4_001, 1],
    [5_000, 4_999, 1],
    [5_000, 5_000, 0],
    [5_000, 9_000, 0],
    [5_000, 1_500, 4],
  ])('next try at %d, now %d: %d s', (at, now, seconds) => {
    expect(retryInSeconds(reconnecting(at), now)).toBe(seconds);
  });
});

describe('connectionCategory', () => {
  it.each([
    ['not_configured', 'unset'],
    ['connecting', 'working'],
    ['reconnecting', 'working'],
    ['connected', 'up'],
    ['offline', 'waiting'],
    ['auth_failed', 'refused'],
    ['banned', 'refused'],
  ] as const)('%s is %s', (state, category) => {
    expect(connectionCategory(state)).toBe(category);
  });
});

describe('connectionWords', () => {
  it('counts down with the same number in the brief and the sentence, never "0 s"', () => {
    expect(connectionWords(reconnecting(5_000), 1_500)).toEqual({
      brief: 'Reconnecting in 4 s',
      sentence: 'Connection refused. Reconnecting in 4 s (attempt 3)',
    });
    expect(connectionWords(reconnecting(5_000), 5_000).brief).toBe('Reconnecting…');
  });

  it('says how long ago the connection was made and which Home Assistant it is', () => {
    const status: ConnectionStatus = { state: 'connected', since: 0, haVersion: '2026.2.3' };
    expect(connectionWords(status, 5 * 60_000)).toEqual({
      brief: 'Connected',
      sentence: 'Connected since 5 min ago (Home Assistant 2026.2.3)',
    });
  });

  it('the ban help names the file and the restart', () => {
    expect(BAN_HELP).toMatch(/ip_bans\.yaml/);
    expect(BAN_HELP).toMatch(/restart Home Assistant\.$/);
  });
});
