import { describe, expect, it } from 'vitest';
import type { TokenStatus } from '../../../src/shared/token-status';
import {
  ConnectionHistory,
  connectionEvent,
  HISTORY_LIMIT,
  tokenEvent,
} from '../../../src/main/diagnostics/connection-history';

describe('ConnectionHistory', () => {
  it('keeps the last 200 events, oldest first', () => {
    let now = 0;
    const history = new ConnectionHistory(() => now);
    for (let i = 0; i < HISTORY_LIMIT + 5; i++) {
      now = i;
      history.record('retry', `attempt ${i}`);
    }
    const entries = history.entries();
    expect(entries).toHaveLength(200);
    expect(entries[0]).toEqual({ at: 5, kind: 'retry', detail: 'attempt 5' });
    expect(entries.at(-1)?.detail).toBe('attempt 204');
  });
});

describe('connectionEvent', () => {
  const connected = { state: 'connected', since: 0, haVersion: '2024.1.6' } as const;
  const retrying = (attempt: number) =>
    ({ state: 'reconnecting', attempt, nextRetryAt: 4_000, reason: 'socket closed' }) as const;

  it('names connects, drops with their reason, retries, bans and rejected tokens', () => {
    expect(connectionEvent(null, connected, 0)).toEqual({
      kind: 'connected',
      detail: 'Connected to Home Assistant 2024.1.6',
    });
    expect(connectionEvent(connected, retrying(1), 1_000)).toEqual({
      kind: 'dropped',
      detail: 'Connection lost: socket closed; retry in 3 s',
    });
    expect(connectionEvent(retrying(1), retrying(2), 2_000)).toEqual({
      kind: 'retry',
      detail: 'Attempt 2 failed: socket closed; next in 2 s',
    });
    expect(
      connectionEvent(connected, { state: 'auth_failed', message: 'Invalid access token' }, 0),
    ).toEqual({ kind: 'token_rejected', detail: 'Token rejected: Invalid access token' });
    expect(connectionEvent(null, { state: 'banned' }, 0)?.kind).toBe('banned');
    expect(connectionEvent(null, { state: 'offline' }, 0)?.kind).toBe('offline');
  });

  it('notes nothing when the state did not change', () => {
    expect(connectionEvent(connected, { ...connected, since: 5 }, 0)).toBeNull();
    expect(connectionEvent({ state: 'offline' }, { state: 'offline' }, 0)).toBeNull();
  });
});

describe('tokenEvent', () => {
  const tokens = (rotation: TokenStatus['rotation'], savedAt: number | null): TokenStatus =>
    ({ facts: savedAt === null ? null : { savedAt }, rotation }) as TokenStatus;
  const idle = { phase: 'idle' } as const;

  it('notes a finished or failed rotation, not its steps, and not the first status', () => {
    expect(tokenEvent(null, tokens(idle, 1))).toBeNull();
    expect(
      tokenEvent(tokens(idle, 1), tokens({ phase: 'running', step: 'creating' }, 1)),
    ).toBeNull();
    expect(
      tokenEvent(
        tokens({ phase: 'running', step: 'revoking' }, 1),
        tokens({ phase: 'rotated', at: 2, tokenName: 'x' }, 2),
      ),
    ).toEqual({ kind: 'token', detail: 'Token rotated; the old one was revoked' });
    expect(
      tokenEvent(
        tokens(idle, 1),
        tokens({ phase: 'revoke_failed', message: 'Home Assistant did not answer.' }, 1),
      ),
    ).toEqual({
      kind: 'token',
      detail: 'Token rotation revoke failed: Home Assistant did not answer.',
    });
  });

  it('notes a token saved by hand', () => {
    expect(tokenEvent(tokens(idle, null), tokens(idle, 5))).toEqual({
      kind: 'token',
      detail: 'A new token was saved',
    });
    expect(tokenEvent(tokens(idle, 5), tokens(idle, 5))).toBeNull();
  });
});
