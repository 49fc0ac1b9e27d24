import { Emitter } from '../../shared/emitter';
import { logListenerError } from '../log/listener-errors';
import type { Logger } from '../log/logger';
import type { EntitiesEvent } from './compressed-state';
import {
  ALL_ENTITIES,
  sameScope,
  subscribeEntitiesMessage,
  type EntityScope,
} from './entity-scope';
import type { EntityStore } from './entity-store';
import type { SubscribedConnection, Subscription, SubscriptionLayer } from './subscription-layer';

/**
 * `subscribe_entities` on the subscription layer, feeding the entity store: the first event of
 * every subscription (each connection, each new scope) is a snapshot that replaces the store, so
 * entities removed meanwhile do not survive as ghosts; the later ones are changes. A new scope
 * takes over from the old subscription with its snapshot, so entities in both keep their state
 * throughout and nothing they drive notifies or flickers.
 *
 * "Connected" is said when the login succeeds, before the snapshot: `hasSnapshot` and `onSnapshot`
 * say when the store holds the entities of the current connection.
 */
export class EntitySubscription {
  private scope: EntityScope = ALL_ENTITIES;
  private readonly subscription: Subscription;
  /** The connection whose snapshot the store holds. */
  private snapshotOn: SubscribedConnection | null = null;
  private readonly snapshots: Emitter<void>;

  constructor(store: EntityStore, subscriptions: SubscriptionLayer, logger: Logger) {
    this.snapshots = new Emitter(logListenerError(logger, 'the entity snapshot'));
    this.subscription = subscriptions.add<EntitiesEvent>({
      what: 'the entities',
      message: (on) => {
        const message = subscribeEntitiesMessage(this.scope, on.haVersion);
        // A Home Assistant that refuses `entity_ids` (invalid_format) gives every entity instead.
        return message.entity_ids ? [message, { type: 'subscribe_entities' }] : message;
      },
      apply: (event, { first, on }) => {
        if (!first) return store.apply(event);
        store.replace(event.a ?? {}, () => {
          if (!on.current) return;
          this.snapshotOn = on;
          this.snapshots.emit();
        });
      },
    });
  }

  /** Subscribes to these entities from now on (a new subscription on a live connection). */
  setScope(scope: EntityScope): void {
    if (sameScope(scope, this.scope)) return;
    this.scope = scope;
    this.subscription.resubscribe();
  }

  /** Whether the store holds the entities of the live connection (its first snapshot is in). */
  hasSnapshot(): boolean {
    return this.snapshotOn?.current === true;
  }

  /** Called each time a snapshot is in the store: a new connection's, or a new scope's. */
  onSnapshot(listener: () => void): () => void {
    return this.snapshots.on(listener);
  }
}
