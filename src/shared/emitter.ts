/** What an emitter does with an error one of its listeners threw, and the value it was given. */
export type ListenerErrorHandler<T> = (error: unknown, value: T) => void;

/**
 * A listener's error thrown again by `throwLater`: main's crash handler logs it as a listener's
 * bug and keeps the app running (src/main/crash/crash-reporter.ts), unlike another uncaught error.
 */
export class ListenerError extends Error {
  constructor(cause: unknown) {
    super('A listener failed', { cause });
    this.name = 'ListenerError';
  }
}

/**
 * The default for a listener's error: thrown again on a task of its own, so it surfaces as an
 * uncaught error (and fails a test) like any other bug, without stopping the other listeners or
 * the code that emitted.
 */
export function throwLater(error: unknown): void {
  queueMicrotask(() => {
    throw new ListenerError(error);
  });
}

/**
 * The listeners of one kind of event. `on` returns the function that removes the listener;
 * `emit` calls the listeners present when it starts, so one that removes itself or adds another
 * while being called does not change who hears this event. A listener that throws is handed to
 * `onListenerError` and the others are still called: one subscriber's bug must not silence the
 * rest or break the code that emits.
 */
export class Emitter<T> {
  private readonly listeners = new Set<(value: T) => void>();

  constructor(private readonly onListenerError: ListenerErrorHandler<T> = throwLater) {}

  on(listener: (value: T) => void): () => void {
    this.listeners.add(listener);
    return () => this.off(listener);
  }

  off(listener: (value: T) => void): void {
    this.listeners.delete(listener);
  }

  get size(): number {
    return this.listeners.size;
  }

  emit(value: T): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(value);
      } catch (error) {
        this.onListenerError(error, value);
      }
    }
  }

  clear(): void {
    this.listeners.clear();
  }
}
