/**
 * The listeners of one kind of event. `on` returns the function that removes the listener;
 * `emit` calls the listeners present when it starts, so one that removes itself or adds another
 * while being called does not change who hears this event.
 */
export class Emitter<T> {
  private readonly listeners = new Set<(value: T) => void>();

  on(listener: (value: T) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(value: T): void {
    for (const listener of [...this.listeners]) listener(value);
  }

  clear(): void {
    this.listeners.clear();
  }
}
