import { ConnectionSupervisor } from '../../src/main/ha/connection-supervisor';
import { EntityStore } from '../../src/main/ha/entity-store';
import { normaliseInstanceUrl } from '../../src/shared/instance-url';
import type { HaSimulator } from '../ha-sim';
import { recordingLogger } from './test-logger';
import { waitFor } from './wait-for';
import { fastRetry } from './fast-retry';

/** A connection supervisor with its store, connected to the simulator and holding its snapshot. */
export async function connectedSupervisor(
  sim: HaSimulator,
): Promise<{ supervisor: ConnectionSupervisor; store: EntityStore }> {
  const store = new EntityStore();
  const supervisor = new ConnectionSupervisor({
    store,
    logger: recordingLogger(),
    retry: fastRetry(5, 20),
  });
  const instance = normaliseInstanceUrl(sim.url);
  if (!instance.ok) throw new Error(instance.error);
  supervisor.setCredentials({ instance: instance.value, token: sim.token });
  await waitFor(() => store.size === sim.states().length, 'snapshot');
  return { supervisor, store };
}
