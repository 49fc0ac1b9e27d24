import { describe, expect, it } from 'vitest';
import type { SimState } from './entities/state-machine';
import { compressState } from './entities/serialise';
import { stateDiff } from './entities/state-diff';

const state = (fields: Partial<SimState>): SimState => ({
  entity_id: 'light.x',
  state: 'on',
  attributes: {},
  lastChanged: 1_000_000,
  lastUpdated: 1_000_000,
  context: { id: 'A', parent_id: null, user_id: null },
  ...fields,
});

describe('stateDiff, rule for rule as websocket_api/messages.py', () => {
  it('gives lc when last_changed moved, else lu', () => {
    expect(
      stateDiff(state({}), state({ state: 'off', lastChanged: 2_000_000, lastUpdated: 2_000_000 }))[
        '+'
      ],
    ).toEqual({ s: 'off', lc: 2 });
    expect(stateDiff(state({}), state({ lastUpdated: 3_500_000 }))['+']).toEqual({ lu: 3.5 });
  });

  it('sends the context id alone unless parent or user changed', () => {
    const before = state({});
    expect(
      stateDiff(before, state({ context: { id: 'B', parent_id: null, user_id: null } }))['+'].c,
    ).toBe('B');
    expect(
      stateDiff(before, state({ context: { id: 'B', parent_id: null, user_id: 'u' } }))['+'].c,
    ).toEqual({ user_id: 'u', id: 'B' });
    expect(
      stateDiff(before, state({ context: { id: 'B', parent_id: 'P', user_id: 'u' } }))['+'].c,
    ).toEqual({
      parent_id: 'P',
      user_id: 'u',
      id: 'B',
    });
  });

  it('lists changed attributes, skips a new one whose value is null (dict.get), and names removed ones', () => {
    const diff = stateDiff(
      state({ attributes: { brightness: 10, gone: 1, same: [1] } }),
      state({ attributes: { brightness: 20, fresh_null: null, same: [1] } }),
    );
    expect(diff).toEqual({ '+': { a: { brightness: 20 } }, '-': { a: ['gone'] } });
  });
});

describe('compressState', () => {
  it('has lu only when it differs from lc, and a context object when it has a user or parent', () => {
    expect(compressState(state({}))).toEqual({ s: 'on', a: {}, c: 'A', lc: 1 });
    expect(
      compressState(
        state({ lastUpdated: 1_500_000, context: { id: 'A', parent_id: 'P', user_id: null } }),
      ),
    ).toEqual({
      s: 'on',
      a: {},
      c: { id: 'A', parent_id: 'P', user_id: null },
      lc: 1,
      lu: 1.5,
    });
  });
});
