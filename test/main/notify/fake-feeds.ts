import type { ConnectionStatusFeed, EntityFeed } from '../../../src/main/notify/feeds';
import type { EntityState } from '../../../src/shared/entity';
import type { ConnectionStatus } from '../../../src/shared/connection-status';
import type { EntityListener } from './fake-home';

/** An EntityFeed that FakeHome drives. */
export class FakeEntityFeed implements EntityFeed, EntityListener {
  private states: readonly EntityState[] = [];
  private readonly snapshotListeners = new Set<(states: readonly EntityState[]) => void>();
  private readonly changeListeners = new Set<
    (old: EntityState | undefined, current: EntityState | undefined) => void
  >();

  current(): readonly EntityState[] {
    return this.states;
  }

  onSnapshot(listener: (states: readonly EntityState[]) => void): () => void {
    this.snapshotListeners.add(listener);
    return () => this.snapshotListeners.delete(listener);
  }

  onChange(
    listener: (old: EntityState | undefined, current: EntityState | undefined) => void,
  ): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  snapshot(states: EntityState[]): void {
    this.states = states;
    this.snapshotListeners.forEach((listener) => listener(states));
  }

  change(old: EntityState | undefined, current: EntityState | undefined): void {
    this.changeListeners.forEach((listener) => listener(old, current));
  }

  get listenerCount(): number {
    return this.snapshotListeners.size + this.changeListeners.size;
  }
}

export class FakeStatusFeed implements ConnectionStatusFeed {
  private status: ConnectionStatus = { state: 'connecting' };
  private readonly listeners = new Set<(status: ConnectionStatus) => void>();

  getStatus(): ConnectionStatus {
    return this.status;
  }

  onStatus(listener: (status: ConnectionStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  set(status: ConnectionStatus): void {
    this.status = status;
    this.listeners.forEach((listener) => listener(status));
  }

  connected(): void {
    this.set({ state: 'connected', since: 0, haVersion: '2024.1.6' });
  }

  reconnecting(): void {
    this.set({
      state: 'reconnecting',
      attempt: 1,
      nextRetryAt: 0,
      reason: 'The connection was lost',
    });
  }
}
