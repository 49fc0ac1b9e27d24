import {
  ConnectionSupervisor,
  type ConnectionSupervisorOptions,
} from '../../src/main/ha/connection-supervisor';
import { EntityStore } from '../../src/main/ha/entity-store';
import { EntitySubscription } from '../../src/main/ha/entity-subscription';
import { SubscriptionLayer } from '../../src/main/ha/subscription-layer';
import { recordingLogger } from './test-logger';

/**
 * A connection supervisor, its subscription layer and the entity subscription feeding a store,
 * wired as src/main/app-services.ts wires them.
 */
export function supervisedStore(options: Partial<ConnectionSupervisorOptions> = {}) {
  const logger = recordingLogger();
  const store = new EntityStore();
  const supervisor = new ConnectionSupervisor({ logger, ...options });
  supervisor.onInstanceChange(() => store.clear());
  const subscriptions = new SubscriptionLayer(logger, supervisor);
  const entities = new EntitySubscription(store, subscriptions, logger);
  return { logger, store, supervisor, subscriptions, entities };
}

/**
 * Resolves once the store holds the entities of the live connection: "connected" is said before
 * the snapshot arrives, so a test that reads entities waits for this instead.
 */
export function snapshotIn(entities: Pick<EntitySubscription, 'hasSnapshot' | 'onSnapshot'>) {
  return new Promise<void>((resolve) => {
    if (entities.hasSnapshot()) return resolve();
    const off = entities.onSnapshot(() => {
      if (!entities.hasSnapshot()) return;
      off();
      resolve();
    });
  });
}

/** Resolves with the next snapshot taken in, a new connection's or a new scope's. */
export function nextSnapshot(entities: Pick<EntitySubscription, 'onSnapshot'>) {
  return new Promise<void>((resolve) => {
    const off = entities.onSnapshot(() => {
      off();
      resolve();
    });
  });
}
