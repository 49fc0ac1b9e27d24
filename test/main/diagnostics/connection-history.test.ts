import { describe, expect, it } from 'vitest';
import {
  ConnectionHistory,
  connectionEvent,
  HISTORY_LIMIT,
  rotationEvent,
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

describe('rotationEvent', () => {
  it('notes a finished or failed rotation, not its steps', () => {
    expect(rotationEvent({ phase: 'idle' }, { phase: 'running', step: 'creating' })).toBeNull();
    expect(
      rotationEvent(
        { phase: 'running', step: 'revoking' },
        { phase: 'rotated', at: 1, tokenName: 'x' },
      ),
    ).toEqual({ kind: 'token', detail: 'Token rotated; the old one was revoked' });
    expect(
      rotationEvent(null, { phase: 'revoke_failed', message: 'Home Assistant did not answer.' }),
    ).toEqual({
      kind: 'token',
      detail: 'Token rotation revoke failed: Home Assistant did not answer.',
    });
  });
});
