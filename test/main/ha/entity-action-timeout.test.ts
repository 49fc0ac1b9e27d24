import type { Connection } from 'home-assistant-js-websocket';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { EntityStore } from '../../../src/main/ha/entity-store';
import { ACTION_TIMEOUT_MS, runEntityAction } from '../../../src/main/ha/entity-actions';

afterEach(() => vi.useRealTimers());

describe('an action without an answer', () => {
  it('fails after 5 s with a sentence that says it may have run', async () => {
    vi.useFakeTimers();
    const store = {
      get: () => ({
        entity_id: 'switch.coffee_machine',
        state: 'off',
        attributes: { friendly_name: 'Coffee machine' },
        last_changed: '',
        last_updated: '',
        context: { id: '', parent_id: null, user_id: null },
      }),
    } as unknown as EntityStore;
    // A connection that takes the call and never answers (a half-open socket).
    const silent = { sendMessagePromise: () => new Promise(() => {}) } as unknown as Connection;
    const outcome = runEntityAction({ store, connection: () => silent }, 'switch.coffee_machine', {
      kind: 'primary',
    }).then(
      () => null,
      (error: unknown) => error,
    );
    await vi.advanceTimersByTimeAsync(ACTION_TIMEOUT_MS - 1);
    let settled = false;
    void outcome.then(() => (settled = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await expect(outcome).resolves.toMatchObject({
      reason: 'timeout',
      message:
        'Home Assistant did not answer within 5 s: it may or may not have run. Check its state before trying again.',
    });
  });
});
