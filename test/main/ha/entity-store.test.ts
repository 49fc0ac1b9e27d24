import { describe, expect, it, vi } from 'vitest';
import { EntityStore } from '../../../src/main/ha/entity-store';

const snapshot = {
  'light.kitchen': {
    s: 'on',
    a: { brightness: 255, friendly_name: 'Kitchen' },
    c: 'ctx1',
    lc: 1700000000,
  },
  'sensor.temp': {
    s: '21.5',
    a: { unit_of_measurement: '°C' },
    c: { id: 'ctx2', parent_id: null, user_id: 'u1' },
    lc: 1700000000,
    lu: 1700000100.5,
  },
};

describe('EntityStore', () => {
  it('expands a compressed snapshot into full states', () => {
    const store = new EntityStore();
    store.replace(snapshot);
    expect(store.get('light.kitchen')).toEqual({
      entity_id: 'light.kitchen',
      state: 'on',
      attributes: { brightness: 255, friendly_name: 'Kitchen' },
      last_changed: '2023-11-14T22:13:20.000Z',
      last_updated: '2023-11-14T22:13:20.000Z',
      context: { id: 'ctx1', parent_id: null, user_id: null },
    });
    expect(store.get('sensor.temp')).toMatchObject({
      last_updated: '2023-11-14T22:15:00.500Z',
      context: { id: 'ctx2', user_id: 'u1' },
    });
  });

  it('applies diffs: state, attributes added and removed, context and timestamps', () => {
    const store = new EntityStore();
    store.replace(snapshot);
    store.apply({
      c: {
        'light.kitchen': {
          '+': {
            s: 'off',
            lc: 1700000200,
            c: { user_id: 'u9', id: 'ctx3' },
            a: { color_mode: null },
          },
          '-': { a: ['brightness'] },
        },
      },
    });
    expect(store.get('light.kitchen')).toMatchObject({
      state: 'off',
      attributes: { friendly_name: 'Kitchen', color_mode: null },
      last_changed: '2023-11-14T22:16:40.000Z',
      last_updated: '2023-11-14T22:16:40.000Z',
      context: { id: 'ctx3', parent_id: null, user_id: 'u9' },
    });
    expect(store.get('light.kitchen')!.attributes).not.toHaveProperty('brightness');
    store.apply({ c: { 'light.kitchen': { '+': { lu: 1700000300, c: 'ctx4' } } } });
    expect(store.get('light.kitchen')).toMatchObject({
      last_changed: '2023-11-14T22:16:40.000Z',
      last_updated: '2023-11-14T22:18:20.000Z',
      context: { id: 'ctx4', user_id: 'u9' },
    });
  });

  it('ignores diffs for unknown entities and handles additions and removals', () => {
    const store = new EntityStore();
    store.replace(snapshot);
    const update = vi.fn();
    store.onUpdate(update);
    store.apply({ c: { 'light.ghost': { '+': { s: 'on' } } } });
    expect(store.get('light.ghost')).toBeUndefined();
    expect(update).not.toHaveBeenCalled();
    store.apply({ a: { 'switch.new': { s: 'off', lc: 1 } }, r: ['sensor.temp'] });
    expect(store.get('switch.new')?.state).toBe('off');
    expect(store.get('sensor.temp')).toBeUndefined();
    expect(update).toHaveBeenCalledWith({
      snapshot: false,
      membership: true,
      changes: [
        expect.objectContaining({ entityId: 'switch.new', old: undefined }),
        expect.objectContaining({ entityId: 'sensor.temp', state: undefined }),
      ],
    });
  });

  it('marks an update that only changed states as no change of membership', () => {
    const store = new EntityStore();
    store.replace(snapshot);
    const update = vi.fn();
    store.onUpdate(update);
    store.apply({ c: { 'light.kitchen': { '+': { s: 'off' } } } });
    expect(update).toHaveBeenCalledWith(expect.objectContaining({ membership: false }));
  });

  it('replaces the whole store on every snapshot: no ghosts of entities removed meanwhile', () => {
    const store = new EntityStore();
    store.replace(snapshot);
    const update = vi.fn();
    store.onUpdate(update);
    store.replace({ 'light.kitchen': snapshot['light.kitchen'], 'switch.new': { s: 'on', lc: 5 } });
    expect(
      store
        .all()
        .map((s) => s.entity_id)
        .sort(),
    ).toEqual(['light.kitchen', 'switch.new']);
    const changes = update.mock.calls[0]![0];
    expect(changes.snapshot).toBe(true);
    expect(changes.changes.map((c: { entityId: string }) => c.entityId).sort()).toEqual([
      'sensor.temp',
      'switch.new',
    ]);
  });

  it('notifies per entity id only the listeners of that entity', () => {
    const store = new EntityStore();
    store.replace(snapshot);
    const kitchen = vi.fn();
    const temp = vi.fn();
    const off = store.subscribe('light.kitchen', kitchen);
    store.subscribe('sensor.temp', temp);
    store.apply({ c: { 'light.kitchen': { '+': { s: 'off', lc: 1700000500 } } } });
    expect(kitchen).toHaveBeenCalledWith(expect.objectContaining({ state: 'off' }));
    expect(temp).not.toHaveBeenCalled();
    off();
    store.apply({ r: ['light.kitchen'] });
    expect(kitchen).toHaveBeenCalledTimes(1);
    store.replace({});
    expect(temp).toHaveBeenCalledWith(undefined);
  });

  describe('a big snapshot', () => {
    function slicedStore() {
      const turns: Array<() => void> = [];
      const store = new EntityStore({ sliceSize: 2, yieldToLoop: (next) => turns.push(next) });
      const nextTurn = () => turns.shift()?.();
      return { store, turns, nextTurn };
    }
    const home = (n: number, state = 'on') =>
      Object.fromEntries(Array.from({ length: n }, (_, i) => [`light.l${i}`, { s: state, lc: 1 }]));

    it('is taken in slices with the event loop free in between, then published at once', () => {
      const { store, turns, nextTurn } = slicedStore();
      const update = vi.fn();
      store.onUpdate(update);
      store.replace(home(5));
      expect(turns).toHaveLength(1);
      expect(store.size).toBe(0);
      nextTurn();
      nextTurn();
      expect(store.size).toBe(5);
      expect(turns).toHaveLength(0);
      expect(update).toHaveBeenCalledOnce();
      expect(update.mock.calls[0]![0].changes).toHaveLength(5);
    });

    it('keeps events that arrive meanwhile and applies them after it, in order', () => {
      const { store, nextTurn } = slicedStore();
      store.replace(home(5));
      store.apply({ c: { 'light.l4': { '+': { s: 'off' } } } });
      store.apply({ c: { 'light.l4': { '+': { s: 'unavailable' } } } });
      expect(store.get('light.l4')).toBeUndefined();
      nextTurn();
      nextTurn();
      expect(store.get('light.l4')?.state).toBe('unavailable');
    });

    it('gives way to a newer snapshot or a clear, dropping what waited for it', () => {
      const { store, nextTurn } = slicedStore();
      store.replace(home(5));
      store.apply({ r: ['light.l0'] });
      store.clear();
      nextTurn();
      nextTurn();
      expect(store.size).toBe(0);
    });
  });

  it('reports a snapshot entity as changed when an attribute key differs, even if undefined', () => {
    const store = new EntityStore();
    store.replace({ 'light.a': { s: 'on', a: { x: undefined }, lc: 1 } });
    const update = vi.fn();
    store.onUpdate(update);
    store.replace({ 'light.a': { s: 'on', a: { y: undefined }, lc: 1 } });
    expect(update.mock.calls[0]![0].changes).toHaveLength(1);
  });
});
