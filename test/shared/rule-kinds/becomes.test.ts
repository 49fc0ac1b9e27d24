import { describe, expect, it } from 'vitest';
import { becomes } from '../../../src/shared/rule-kinds/becomes';
import { ruleKind, ruleKinds } from '../../../src/shared/rule-kinds/registry';
import { state } from '../../main/notify/states';

const rule = {
  id: 'r1',
  entityId: 'lock.front',
  enabled: true,
  cooldownSeconds: 0,
  kind: 'becomes' as const,
  states: ['unlocked', 'jammed'],
};
const lock = (value: string) => state('lock.front', value);

describe('the "becomes" rule kind, in its own file', () => {
  it('is listed in the registry with its editor label and one field', () => {
    expect(ruleKinds().map((k) => k.name)).toContain('becomes');
    expect(ruleKind('becomes')).toMatchObject({
      label: 'Becomes one of these states',
      fields: [{ key: 'states', label: 'States', input: 'states' }],
    });
  });

  it('turns its field into states and back, and describes itself in the words it is given', () => {
    expect(becomes.fromFields(becomes.toFields(rule))).toEqual({ states: ['unlocked', 'jammed'] });
    // A state may hold a comma (a sensor's text): it stays one state.
    const odd = { ...rule, states: ['a, b', 'c'] };
    expect(becomes.fromFields(becomes.toFields(odd))).toEqual({ states: ['a, b', 'c'] });
    expect(becomes.describe(rule, (s) => s.toUpperCase())).toBe(
      'When it becomes UNLOCKED or JAMMED',
    );
  });

  it('checks its states with a message for the user', () => {
    const result = becomes.schema.safeParse({ ...rule, states: ['open', 'open'] });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('A state is listed twice');
  });

  it('fires when the state becomes a listed one from another real state', () => {
    const watch = becomes.watch(rule);
    const check = (from: string, to: string, lastRealState: string) =>
      watch.check({ before: lock(from), current: lock(to), lastRealState });
    expect(check('locked', 'unlocked', 'locked')).toBe('locked');
    expect(check('unlocked', 'unlocked', 'unlocked')).toBeNull();
    // Back from an outage in the same state is no change.
    expect(check('unavailable', 'unlocked', 'unlocked')).toBeNull();
    // Back from an outage in another state is measured from the last real one.
    expect(check('unavailable', 'unlocked', 'locked')).toBe('locked');
  });

  it('previews the first listed state as the new one', () => {
    expect(becomes.preview(rule, lock('locked'))).toEqual({
      oldState: 'locked',
      current: lock('unlocked'),
    });
  });
});
