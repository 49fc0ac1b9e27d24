import { describe, expect, it } from 'vitest';
import { becomes } from '../../../../src/main/notify/rule-kinds/becomes';
import { stateTransition } from '../../../../src/main/notify/state-transition';
import type { EntityState } from '../../../../src/shared/entity';

const rule = {
  id: 'r1',
  entityId: 'lock.front',
  enabled: true,
  cooldownSeconds: 0,
  kind: 'becomes' as const,
  states: ['unlocked'],
};
const lock: EntityState = {
  entity_id: 'lock.front',
  state: 'locked',
  attributes: {},
  last_changed: '',
  last_updated: '',
  context: { id: 'c', parent_id: null, user_id: null },
};

describe('the engine side of "becomes", in its own file', () => {
  it('fires when the state becomes a listed one from another real state', () => {
    expect(becomes.matches(rule, stateTransition('locked', 'unlocked', 'locked'))).toBe(true);
    expect(becomes.matches(rule, stateTransition('unlocked', 'unlocked', 'unlocked'))).toBe(false);
    // Back from an outage in the same state is no change.
    expect(becomes.matches(rule, stateTransition('unavailable', 'unlocked', 'unlocked'))).toBe(
      false,
    );
  });

  it('previews the first listed state as the new one', () => {
    expect(becomes.preview(rule, lock)).toEqual({
      oldState: 'locked',
      current: { ...lock, state: 'unlocked' },
    });
  });
});
