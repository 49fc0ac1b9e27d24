import { describe, expect, it } from 'vitest';
import { Emitter } from '../../src/shared/emitter';

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
});
