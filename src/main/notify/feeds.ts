import type { ConnectionStatus } from '../../shared/connection-status';
import type { EntityState } from '../../shared/entity';

/** The entity updates the notification service needs; `entityFeedFromStore` adapts the store. */
export interface EntityFeed {
  /** The states known now (possibly stale while disconnected); the baseline at start. */
  current(): readonly EntityState[];
  /** Every (re)subscribe: all states, replacing what came before. */
  onSnapshot(listener: (states: readonly EntityState[]) => void): () => void;
  /** A live update: `current` undefined when the entity was removed, `old` when it was added. */
  onChange(
    listener: (old: EntityState | undefined, current: EntityState | undefined) => void,
  ): () => void;
}

/** The connection supervisor as the notification service uses it. */
export interface ConnectionStatusFeed {
  getStatus(): ConnectionStatus;
  onStatus(listener: (status: ConnectionStatus) => void): () => void;
}
