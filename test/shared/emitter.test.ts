import { afterEach, describe, expect, it, vi } from 'vitest';
import { Emitter, ListenerError } from '../../src/shared/emitter';

describe('Emitter', () => {
  it('calls each listener with the value until it is removed', () => {
    const emitter = new Emitter<number>();
    const heard: number[] = [];
    const off = emitter.on((value) => heard.push(value));
    emitter.emit(1);
    off();
    emitter.emit(2);
    expect(heard).toEqual([1]);
  });

  it('calls the listeners present when the event started, whatever they change meanwhile', () => {
    const emitter = new Emitter<string>();
    const heard: string[] = [];
    const offFirst = emitter.on((value) => {
      heard.push(`first ${value}`);
      offSecond();
      emitter.on((later) => heard.push(`added ${later}`));
    });
    const offSecond = emitter.on((value) => heard.push(`second ${value}`));
    emitter.emit('a');
    offFirst();
    emitter.emit('b');
    expect(heard).toEqual(['first a', 'second a', 'added b']);
  });

  it('forgets every listener on clear', () => {
    const emitter = new Emitter<void>();
    let calls = 0;
    emitter.on(() => calls++);
    emitter.clear();
    emitter.emit();
    expect(calls).toBe(0);
  });

  it('hands a throwing listener to its error handler and still calls the others', () => {
    const failures: Array<[unknown, number]> = [];
    const emitter = new Emitter<number>((error, value) => failures.push([error, value]));
    const heard: number[] = [];
    const bug = new Error('listener bug');
    emitter.on(() => {
      throw bug;
    });
    emitter.on((value) => heard.push(value));
    expect(() => emitter.emit(7)).not.toThrow();
    expect(heard).toEqual([7]);
    expect(failures).toEqual([[bug, 7]]);
  });

  describe('without an error handler', () => {
    afterEach(() => vi.restoreAllMocks());

    it('throws the error again on a task of its own, after the other listeners ran', () => {
      const later: Array<() => void> = [];
      vi.spyOn(globalThis, 'queueMicrotask').mockImplementation((task) => later.push(task));
      const emitter = new Emitter<void>();
      const bug = new Error('listener bug');
      let othersCalled = 0;
      emitter.on(() => {
        throw bug;
      });
      emitter.on(() => othersCalled++);
      expect(() => emitter.emit()).not.toThrow();
      expect(othersCalled).toBe(1);
      expect(later).toHaveLength(1);
      // As a ListenerError carrying the bug, which main's crash reporter logs and lives with.
      let thrown: unknown;
      try {
        later[0]!();
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(ListenerError);
      expect((thrown as ListenerError).cause).toBe(bug);
    });
  });

  it('removes a listener by reference with off', () => {
    const emitter = new Emitter<number>();
    const heard: number[] = [];
    const listener = (value: number) => heard.push(value);
    emitter.on(listener);
    expect(emitter.size).toBe(1);
    emitter.off(listener);
    emitter.emit(1);
    expect(heard).toEqual([]);
    expect(emitter.size).toBe(0);
  });
});
