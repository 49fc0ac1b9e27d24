import type { ConnectionSupervisor } from '../../src/main/ha/connection-supervisor';
import type { EntityStore } from '../../src/main/ha/entity-store';
import type { EntitySubscription } from '../../src/main/ha/entity-subscription';
import type { SubscriptionLayer } from '../../src/main/ha/subscription-layer';
import { normaliseInstanceUrl } from '../../src/shared/instance-url';
import type { HaSimulator } from '../ha-sim';
import { fastRetry } from './fast-retry';
import { snapshotIn, supervisedStore } from './supervised-store';

/** A connection supervisor with its store, connected to the simulator and holding its snapshot. */
export async function connectedSupervisor(sim: HaSimulator): Promise<{
  supervisor: ConnectionSupervisor;
  store: EntityStore;
  subscriptions: SubscriptionLayer;
  entities: EntitySubscription;
}> {
  const wired = supervisedStore({ retry: fastRetry(5, 20) });
  const instance = normaliseInstanceUrl(sim.url);
  if (!instance.ok) throw new Error(instance.error);
  wired.supervisor.setCredentials({ instance: instance.value, token: sim.token });
  await snapshotIn(wired.entities);
  return wired;
}
